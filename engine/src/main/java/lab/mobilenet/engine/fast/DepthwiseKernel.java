package lab.mobilenet.engine.fast;

import lab.mobilenet.engine.model.Activation;

/**
 * Depthwise k×k convolution on channels-last ({@code [H][W][C]}) float arrays, with the batch norm
 * already folded into the taps and the bias, and the activation applied on the way out.
 *
 * <p>Why channels-last: the innermost loop runs over the channels of one pixel, contiguous in memory for
 * the input, the tap's weights and the accumulator, whatever the stride; the JIT turns that loop into
 * vector instructions. (Channel-planar rows need a strided load at stride 2 and a second offset array,
 * and JDK 17's auto-vectoriser gives up on both.) Each output pixel adds its k·k taps into a small
 * accumulator that stays in L1; taps that fall into the zero padding are skipped.
 */
final class DepthwiseKernel {

    private DepthwiseKernel() {
    }

    /**
     * Computes output rows {@code [y0, y1)}.
     *
     * @param taps {@code taps[i·k + j][c]}: the weight of tap (i, j) for channel c
     * @param acc  scratch of at least {@code c} floats, one per thread
     */
    static void run(float[] in, int h, int w, int c, float[][] taps, float[] bias, int k, int stride, int pad,
                    Activation act, float[] out, int ow, int y0, int y1, float[] acc) {
        for (int oy = y0; oy < y1; oy++) {
            int iy0 = oy * stride - pad;
            for (int ox = 0; ox < ow; ox++) {
                int ix0 = ox * stride - pad;
                System.arraycopy(bias, 0, acc, 0, c);
                for (int i = 0; i < k; i++) {
                    int iy = iy0 + i;
                    if (iy < 0 || iy >= h) {
                        continue;
                    }
                    for (int j = 0; j < k; j++) {
                        int ix = ix0 + j;
                        if (ix < 0 || ix >= w) {
                            continue;
                        }
                        accumulate(acc, in, (iy * w + ix) * c, taps[i * k + j], c);
                    }
                }
                Epilogue.store(act, acc, out, (oy * ow + ox) * c, c);
            }
        }
    }

    /** {@code acc[j] += in[at + j] · tap[j]}: one offset array only, so that the loop vectorises. */
    private static void accumulate(float[] acc, float[] in, int at, float[] tap, int c) {
        for (int j = 0; j < c; j++) {
            acc[j] += in[at + j] * tap[j];
        }
    }
}
