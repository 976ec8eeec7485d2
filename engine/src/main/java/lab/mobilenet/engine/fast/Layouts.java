package lab.mobilenet.engine.fast;

/**
 * Layout changes between PyTorch's channel-planar tensors and the fast path's channels-last ones, and
 * im2col for the standard (non-depthwise, k > 1) convolutions.
 */
final class Layouts {

    private Layouts() {
    }

    /** {@code [C][H][W]} → {@code [H][W][C]}. */
    static void toChannelsLast(float[] chw, int c, int h, int w, float[] hwc) {
        int plane = h * w;
        for (int ch = 0; ch < c; ch++) {
            int src = ch * plane;
            for (int p = 0; p < plane; p++) {
                hwc[p * c + ch] = chw[src + p];
            }
        }
    }

    /** {@code [H][W][C]} → {@code [C][H][W]}. */
    static void toChannelPlanar(float[] hwc, int c, int h, int w, float[] chw) {
        int plane = h * w;
        for (int p = 0; p < plane; p++) {
            for (int ch = 0; ch < c; ch++) {
                chw[ch * plane + p] = hwc[p * c + ch];
            }
        }
    }

    /**
     * Patches of a channels-last image for output rows {@code [y0, y1)}: row {@code (oy - y0)·W' + ox} of
     * {@code cols} holds the {@code k·k·C} inputs under the kernel at that output pixel, in the order
     * (i, j, channel), zeros where the kernel hangs over the padding.
     */
    static void im2col(float[] in, int h, int w, int c, int k, int stride, int pad, int ow, int y0, int y1,
                       float[] cols) {
        int rowLen = k * k * c;
        int r = 0;
        for (int oy = y0; oy < y1; oy++) {
            for (int ox = 0; ox < ow; ox++, r++) {
                int base = r * rowLen;
                for (int i = 0; i < k; i++) {
                    int iy = oy * stride - pad + i;
                    for (int j = 0; j < k; j++) {
                        int ix = ox * stride - pad + j;
                        int dst = base + (i * k + j) * c;
                        boolean inside = iy >= 0 && iy < h && ix >= 0 && ix < w;
                        int src = (iy * w + ix) * c;
                        if (c >= 8) {
                            if (inside) {
                                System.arraycopy(in, src, cols, dst, c);
                            } else {
                                java.util.Arrays.fill(cols, dst, dst + c, 0f);
                            }
                        } else { // the RGB stem: three floats, cheaper than a call
                            for (int ch = 0; ch < c; ch++) {
                                cols[dst + ch] = inside ? in[src + ch] : 0f;
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * im2col of a channel-planar {@code [C][H][W]} image, transposed: {@code colsT[t·stridePixels + p − p0]}
     * holds tap {@code t = (i·k + j)·C + ch} (the order of {@link #im2col}) for the
     * output pixels p of rows {@code [y0, y1)}. Each tap's row is written contiguously from a strided read
     * of one image row, which is much cheaper than 27 scattered writes per pixel; the GEMM reads it with
     * its "transposed A" flag.
     *
     * @param stridePixels the length of one tap's row in {@code colsT}
     */
    static void im2colPlanarTransposed(float[] chw, int h, int w, int c, int k, int stride, int pad, int ow, int y0,
                                       int y1, float[] colsT, int stridePixels) {
        int plane = h * w;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                for (int ch = 0; ch < c; ch++) {
                    int t = (i * k + j) * c + ch;
                    int dst = t * stridePixels;
                    for (int oy = y0; oy < y1; oy++, dst += ow) {
                        int iy = oy * stride - pad + i;
                        if (iy < 0 || iy >= h) {
                            java.util.Arrays.fill(colsT, dst, dst + ow, 0f);
                            continue;
                        }
                        int row = ch * plane + iy * w;
                        // output pixels whose input column ox·s − pad + j is inside [0, w)
                        int first = Math.max(0, (pad - j + stride - 1) / stride);
                        int last = Math.min(ow, Math.floorDiv(w - 1 + pad - j, stride) + 1);
                        if (first > 0) {
                            java.util.Arrays.fill(colsT, dst, dst + first, 0f);
                        }
                        int ix = first * stride - pad + j;
                        for (int ox = first; ox < last; ox++, ix += stride) {
                            colsT[dst + ox] = chw[row + ix];
                        }
                        if (last < ow) {
                            java.util.Arrays.fill(colsT, dst + Math.max(last, first), dst + ow, 0f);
                        }
                    }
                }
            }
        }
    }
}
