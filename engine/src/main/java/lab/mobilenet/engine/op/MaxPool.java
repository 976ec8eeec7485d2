package lab.mobilenet.engine.op;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * 2-D max pooling over {@code k×k} windows with symmetric padding, as {@code nn.MaxPool2d(k, stride, padding)}
 * with {@code ceil_mode=False}: padded cells never win. A plain loop: the inspection path wants it exact and
 * obvious more than fast.
 */
public final class MaxPool {

    private MaxPool() {
    }

    /** @param x {@code [N, C, H, W]}; returns a new {@code [N, C, H', W']} array. */
    public static INDArray forward(INDArray x, int kernel, int stride, int padding) {
        int n = (int) x.size(0);
        int c = (int) x.size(1);
        int h = (int) x.size(2);
        int w = (int) x.size(3);
        int oh = Math.floorDiv(h + 2 * padding - kernel, stride) + 1;
        int ow = Math.floorDiv(w + 2 * padding - kernel, stride) + 1;
        if (oh <= 0 || ow <= 0) {
            throw new IllegalArgumentException("input " + h + "×" + w + " too small for a " + kernel + "×" + kernel + " pool");
        }
        float[] in = x.dup('c').data().asFloat();
        float[] out = new float[n * c * oh * ow];
        int o = 0;
        for (int plane = 0; plane < n * c; plane++) {
            int base = plane * h * w;
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    float best = Float.NEGATIVE_INFINITY;
                    for (int ky = 0; ky < kernel; ky++) {
                        int y = oy * stride - padding + ky;
                        if (y < 0 || y >= h) {
                            continue;
                        }
                        for (int kx = 0; kx < kernel; kx++) {
                            int xx = ox * stride - padding + kx;
                            if (xx >= 0 && xx < w) {
                                best = Math.max(best, in[base + y * w + xx]);
                            }
                        }
                    }
                    out[o++] = best;
                }
            }
        }
        return Nd4j.create(out, new long[] {n, c, oh, ow}, 'c');
    }
}
