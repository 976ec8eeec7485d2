package lab.mobilenet.engine.fast;

import lab.mobilenet.engine.model.Activation;

/**
 * What a convolution does to each output value after the sum, fused into the kernel's last pass:
 * add the (batch-norm folded) bias, apply the activation, add the residual. One loop per activation,
 * each a simple counted loop over contiguous floats so that the JIT vectorises it.
 */
final class Epilogue {

    private static final float SIXTH = 1f / 6f;

    private Epilogue() {
    }

    /**
     * {@code out[at + j] = act(sum[at + j] + bias[j]) (+ res[at + j])} for {@code j < n}; {@code sum} may be {@code out}.
     *
     * @param res the residual tensor, or {@code null}
     */
    static void apply(Activation act, float[] sum, float[] bias, float[] res, float[] out, int at, int n) {
        switch (act) {
            case IDENTITY -> {
                for (int j = 0; j < n; j++) {
                    out[at + j] = sum[at + j] + bias[j];
                }
            }
            case RELU -> {
                for (int j = 0; j < n; j++) {
                    out[at + j] = Math.max(sum[at + j] + bias[j], 0f);
                }
            }
            case RELU6 -> {
                for (int j = 0; j < n; j++) {
                    out[at + j] = Math.min(Math.max(sum[at + j] + bias[j], 0f), 6f);
                }
            }
            case HARD_SWISH -> {
                for (int j = 0; j < n; j++) {
                    float v = sum[at + j] + bias[j];
                    out[at + j] = v * Math.min(Math.max(v + 3f, 0f), 6f) * SIXTH;
                }
            }
            case HARD_SIGMOID -> {
                for (int j = 0; j < n; j++) {
                    out[at + j] = Math.min(Math.max(sum[at + j] + bias[j] + 3f, 0f), 6f) * SIXTH;
                }
            }
            default -> throw new IllegalArgumentException("unknown activation " + act);
        }
        if (res != null) {
            for (int j = 0; j < n; j++) {
                out[at + j] += res[at + j];
            }
        }
    }

    /** {@code out[at + j] = act(acc[j])} for {@code j < n}: the depthwise kernel's store (bias already in acc). */
    static void store(Activation act, float[] acc, float[] out, int at, int n) {
        switch (act) {
            case IDENTITY -> System.arraycopy(acc, 0, out, at, n);
            case RELU -> {
                for (int j = 0; j < n; j++) {
                    out[at + j] = Math.max(acc[j], 0f);
                }
            }
            case RELU6 -> {
                for (int j = 0; j < n; j++) {
                    out[at + j] = Math.min(Math.max(acc[j], 0f), 6f);
                }
            }
            case HARD_SWISH -> {
                for (int j = 0; j < n; j++) {
                    float v = acc[j];
                    out[at + j] = v * Math.min(Math.max(v + 3f, 0f), 6f) * SIXTH;
                }
            }
            case HARD_SIGMOID -> {
                for (int j = 0; j < n; j++) {
                    out[at + j] = Math.min(Math.max(acc[j] + 3f, 0f), 6f) * SIXTH;
                }
            }
            default -> throw new IllegalArgumentException("unknown activation " + act);
        }
    }
}
