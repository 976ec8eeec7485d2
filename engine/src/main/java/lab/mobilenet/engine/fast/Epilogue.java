package lab.mobilenet.engine.fast;

import lab.mobilenet.engine.model.Activation;

/**
 * The element-wise tail of a convolution, fused into the kernel's last pass: the activation, in place
 * on a zero-offset scratch array (see {@link DepthwiseKernel} for why zero offsets). One loop per
 * activation with the switch outside, each a simple counted loop the JIT vectorises.
 */
final class Epilogue {

    private static final float SIXTH = 1f / 6f;

    private Epilogue() {
    }

    /** {@code v[q] = act(v[q])} for {@code q < n}. */
    static void activate(Activation act, float[] v, int n) {
        switch (act) {
            case IDENTITY -> {
            }
            case RELU -> {
                for (int q = 0; q < n; q++) {
                    v[q] = Math.max(v[q], 0f);
                }
            }
            case RELU6 -> {
                for (int q = 0; q < n; q++) {
                    v[q] = Math.min(Math.max(v[q], 0f), 6f);
                }
            }
            case HARD_SWISH -> {
                for (int q = 0; q < n; q++) {
                    float x = v[q];
                    v[q] = x * Math.min(Math.max(x + 3f, 0f), 6f) * SIXTH;
                }
            }
            case HARD_SIGMOID -> {
                for (int q = 0; q < n; q++) {
                    v[q] = Math.min(Math.max(v[q] + 3f, 0f), 6f) * SIXTH;
                }
            }
            default -> throw new IllegalArgumentException("unknown activation " + act);
        }
    }

    /**
     * {@code v[q] = act(v[q])} for {@code from ≤ q < to}, in place on a tensor: one array at one index, which
     * the JIT vectorises at any offset (it is a load and a store of the same element).
     */
    static void activateRange(Activation act, float[] v, int from, int to) {
        switch (act) {
            case IDENTITY -> {
            }
            case RELU -> {
                for (int q = from; q < to; q++) {
                    v[q] = Math.max(v[q], 0f);
                }
            }
            case RELU6 -> {
                for (int q = from; q < to; q++) {
                    v[q] = Math.min(Math.max(v[q], 0f), 6f);
                }
            }
            case HARD_SWISH -> {
                for (int q = from; q < to; q++) {
                    float x = v[q];
                    v[q] = x * Math.min(Math.max(x + 3f, 0f), 6f) * SIXTH;
                }
            }
            case HARD_SIGMOID -> {
                for (int q = from; q < to; q++) {
                    v[q] = Math.min(Math.max(v[q] + 3f, 0f), 6f) * SIXTH;
                }
            }
            default -> throw new IllegalArgumentException("unknown activation " + act);
        }
    }

    /** {@code v[q] = act(v[q] + bias[q])} for {@code q < n}: the GEMM's epilogue, one pass instead of two. */
    static void biasActivate(Activation act, float[] v, float[] bias, int n) {
        switch (act) {
            case IDENTITY -> add(v, bias, n);
            case RELU -> {
                for (int q = 0; q < n; q++) {
                    v[q] = Math.max(v[q] + bias[q], 0f);
                }
            }
            case RELU6 -> {
                for (int q = 0; q < n; q++) {
                    v[q] = Math.min(Math.max(v[q] + bias[q], 0f), 6f);
                }
            }
            case HARD_SWISH -> {
                for (int q = 0; q < n; q++) {
                    float x = v[q] + bias[q];
                    v[q] = x * Math.min(Math.max(x + 3f, 0f), 6f) * SIXTH;
                }
            }
            case HARD_SIGMOID -> {
                for (int q = 0; q < n; q++) {
                    v[q] = Math.min(Math.max(v[q] + bias[q] + 3f, 0f), 6f) * SIXTH;
                }
            }
            default -> throw new IllegalArgumentException("unknown activation " + act);
        }
    }

    /** {@code v[q] += a[q]} for {@code q < n}. */
    static void add(float[] v, float[] a, int n) {
        for (int q = 0; q < n; q++) {
            v[q] += a[q];
        }
    }
}
