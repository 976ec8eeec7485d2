package lab.mobilenet.engine.image;

/**
 * Bicubic resampling computed the way Pillow's {@code Image.resize(size, BICUBIC)} computes it for
 * 8-bit images, so that our crops equal timm's to the last bit.
 *
 * <p>The image is resized in two separable passes, horizontal first, each rounded and clamped to
 * 8 bits. Each output sample is a weighted sum of input samples under the cubic convolution kernel
 * (a = -0.5). When shrinking by a factor s, the kernel is stretched by s (support 2·s input pixels)
 * so that it also low-pass filters ("antialiasing"); weights are normalised to sum to 1 and then
 * turned into 22-bit fixed-point integers, as Pillow does.
 */
final class PilBicubic {
    /** Pillow: 32 bits minus 8 for the result minus 2 for the overshoot of negative lobes. */
    private static final int PRECISION_BITS = 32 - 8 - 2;
    private static final double A = -0.5;
    private static final double SUPPORT = 2.0;

    private PilBicubic() {
    }

    /** The cubic convolution kernel; zero outside (-2, 2). */
    static double kernel(double x) {
        if (x < 0.0) {
            x = -x;
        }
        if (x < 1.0) {
            return ((A + 2.0) * x - (A + 3.0)) * x * x + 1;
        }
        if (x < 2.0) {
            return (((x - 5) * x + 8) * x - 4) * A;
        }
        return 0.0;
    }

    /**
     * Weights for resampling a line of {@code inSize} samples to {@code outSize}: output {@code i}
     * reads inputs {@code first[i] .. first[i] + count[i] - 1} with fixed-point weights
     * {@code weights[i * taps ...]}.
     */
    record Weights(int taps, int[] first, int[] count, int[] weights) {
    }

    static Weights weights(int inSize, int outSize) {
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = SUPPORT * filterScale;
        int taps = (int) Math.ceil(support) * 2 + 1;
        int[] first = new int[outSize];
        int[] count = new int[outSize];
        int[] fixed = new int[outSize * taps];
        double[] w = new double[taps];
        for (int i = 0; i < outSize; i++) {
            double center = (i + 0.5) * scale;
            double invScale = 1.0 / filterScale;
            // (int) truncates toward zero like C's cast: this is Pillow's rounding of the window ends
            int min = Math.max((int) (center - support + 0.5), 0);
            int max = Math.min((int) (center + support + 0.5), inSize) - min;
            double sum = 0.0;
            for (int k = 0; k < max; k++) {
                w[k] = kernel((k + min - center + 0.5) * invScale);
                sum += w[k];
            }
            for (int k = 0; k < max; k++) {
                double v = sum != 0.0 ? w[k] / sum : w[k];
                // round half away from zero into 22-bit fixed point
                fixed[i * taps + k] = v < 0 ? (int) (-0.5 + v * (1 << PRECISION_BITS))
                        : (int) (0.5 + v * (1 << PRECISION_BITS));
            }
            first[i] = min;
            count[i] = max;
        }
        return new Weights(taps, first, count, fixed);
    }

    /** Rounds a fixed-point sum (which already holds +0.5) to a byte, clamping to 0..255. */
    private static int clip8(int sum) {
        int v = sum >> PRECISION_BITS;
        return v < 0 ? 0 : Math.min(v, 255);
    }

    static RgbImage resize(RgbImage image, int outWidth, int outHeight) {
        if (outWidth <= 0 || outHeight <= 0) {
            throw new IllegalArgumentException("resize target must be positive, got " + outWidth + "x" + outHeight);
        }
        int w = image.width();
        int h = image.height();
        byte[] pixels = image.data();
        if (outWidth != w) {
            pixels = horizontal(pixels, w, h, outWidth);
            w = outWidth;
        }
        if (outHeight != h) {
            pixels = vertical(pixels, w, h, outHeight);
            h = outHeight;
        }
        return pixels == image.data() ? image : RgbImage.wrap(w, h, pixels);
    }

    private static byte[] horizontal(byte[] in, int w, int h, int outW) {
        Weights c = weights(w, outW);
        byte[] out = new byte[3 * outW * h];
        int half = 1 << (PRECISION_BITS - 1);
        for (int y = 0; y < h; y++) {
            int rowIn = 3 * y * w;
            int p = 3 * y * outW;
            for (int x = 0; x < outW; x++, p += 3) {
                int s0 = half;
                int s1 = half;
                int s2 = half;
                int q = rowIn + 3 * c.first[x];
                int k0 = x * c.taps;
                for (int k = 0; k < c.count[x]; k++, q += 3) {
                    int wk = c.weights[k0 + k];
                    s0 += (in[q] & 0xFF) * wk;
                    s1 += (in[q + 1] & 0xFF) * wk;
                    s2 += (in[q + 2] & 0xFF) * wk;
                }
                out[p] = (byte) clip8(s0);
                out[p + 1] = (byte) clip8(s1);
                out[p + 2] = (byte) clip8(s2);
            }
        }
        return out;
    }

    private static byte[] vertical(byte[] in, int w, int h, int outH) {
        Weights c = weights(h, outH);
        int stride = 3 * w;
        byte[] out = new byte[stride * outH];
        int half = 1 << (PRECISION_BITS - 1);
        for (int y = 0; y < outH; y++) {
            int k0 = y * c.taps;
            int top = c.first[y] * stride;
            int n = c.count[y];
            int p = y * stride;
            for (int i = 0; i < stride; i++) {
                int s = half;
                int q = top + i;
                for (int k = 0; k < n; k++, q += stride) {
                    s += (in[q] & 0xFF) * c.weights[k0 + k];
                }
                out[p + i] = (byte) clip8(s);
            }
        }
        return out;
    }
}
