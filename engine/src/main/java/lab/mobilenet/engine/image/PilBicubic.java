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
     * Weights for resampling a line of {@code inSize} samples to {@code outSize}, for the outputs
     * {@code from .. from + count - 1} only: output {@code from + i} reads inputs
     * {@code first[i] .. first[i] + count[i] - 1} with fixed-point weights {@code weights[i * taps ...]}.
     * Each output's weights depend on its own position alone, so a window of outputs is computed exactly
     * as Pillow computes it for the whole line; {@code outSize} is a {@code long} because a thin picture
     * scaled to a 256-pixel shorter side can have a longer side of billions of pixels.
     */
    record Weights(int taps, int[] first, int[] count, int[] weights) {
        /** The first input sample any output of this window reads. */
        int lowestInput() {
            int low = Integer.MAX_VALUE;
            for (int f : first) {
                low = Math.min(low, f);
            }
            return low;
        }

        /** One past the last input sample any output of this window reads. */
        int highestInputEnd() {
            int high = 0;
            for (int i = 0; i < first.length; i++) {
                high = Math.max(high, first[i] + count[i]);
            }
            return high;
        }
    }

    static Weights weights(int inSize, long outSize, long from, int count) {
        if (inSize <= 0 || outSize <= 0 || count <= 0 || from < 0 || from + count > outSize) {
            throw new IllegalArgumentException("bad resampling window: " + inSize + " -> " + outSize + ", outputs "
                    + from + " +" + count);
        }
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = SUPPORT * filterScale;
        // the window never reads more than the whole line, however wide the stretched kernel
        int taps = (int) Math.min((long) Math.ceil(support) * 2 + 1, inSize);
        int[] first = new int[count];
        int[] counts = new int[count];
        int[] fixed = new int[Math.multiplyExact(count, taps)];
        double[] w = new double[taps];
        double invScale = 1.0 / filterScale;
        for (int j = 0; j < count; j++) {
            double center = (from + j + 0.5) * scale;
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
                fixed[j * taps + k] = v < 0 ? (int) (-0.5 + v * (1 << PRECISION_BITS))
                        : (int) (0.5 + v * (1 << PRECISION_BITS));
            }
            first[j] = min;
            counts[j] = max;
        }
        return new Weights(taps, first, counts, fixed);
    }

    /** Weights for the whole line. */
    static Weights weights(int inSize, int outSize) {
        return weights(inSize, outSize, 0, outSize);
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
        return resizeWindow(image, outWidth, outHeight, 0, 0, outWidth, outHeight);
    }

    /**
     * The part {@code [left, left + width) × [top, top + height)} of the picture Pillow's
     * {@code resize((outWidth, outHeight), BICUBIC)} would give, computed without making the whole
     * resized picture: equal, byte for byte, to resizing and then cropping. Only the input rows the window
     * needs go through the horizontal pass. Memory is proportional to the window, not to
     * {@code outWidth × outHeight}.
     */
    static RgbImage resizeWindow(RgbImage image, long outWidth, long outHeight, long left, long top,
                                 int width, int height) {
        if (outWidth <= 0 || outHeight <= 0 || width <= 0 || height <= 0 || left < 0 || top < 0
                || left + width > outWidth || top + height > outHeight) {
            throw new IllegalArgumentException("window " + width + "x" + height + " at (" + left + ", " + top
                    + ") is not inside " + outWidth + "x" + outHeight);
        }
        RgbImage.checkedByteCount(width, height);
        int w = image.width();
        int h = image.height();
        // rows of the input that the vertical pass reads (all of them when there is no vertical pass)
        Weights vertical = outHeight != h ? weights(h, outHeight, top, height) : null;
        int rowFrom = vertical != null ? vertical.lowestInput() : (int) top;
        int rowTo = vertical != null ? vertical.highestInputEnd() : (int) top + height;
        byte[] rows;
        if (outWidth != w) {
            rows = horizontal(image.data(), w, rowFrom, rowTo, weights(w, outWidth, left, width));
        } else {
            rows = copyColumns(image.data(), w, rowFrom, rowTo, (int) left, width);
        }
        byte[] out = vertical != null ? vertical(rows, width, rowFrom, vertical)
                : rows; // no vertical pass: rows are exactly the window's rows
        if (out == image.data()) {
            return image;
        }
        return RgbImage.wrap(width, height, out);
    }

    private static byte[] copyColumns(byte[] in, int w, int rowFrom, int rowTo, int left, int width) {
        if (left == 0 && width == w && rowFrom == 0 && (long) rowTo * w * 3 == in.length) {
            return in;
        }
        byte[] out = new byte[RgbImage.checkedByteCount(width, rowTo - rowFrom)];
        for (int y = rowFrom; y < rowTo; y++) {
            System.arraycopy(in, 3 * (y * w + left), out, 3 * (y - rowFrom) * width, 3 * width);
        }
        return out;
    }

    /** Input rows {@code rowFrom .. rowTo - 1}, each resampled to the window's columns. */
    private static byte[] horizontal(byte[] in, int w, int rowFrom, int rowTo, Weights c) {
        int outW = c.first.length;
        byte[] out = new byte[RgbImage.checkedByteCount(outW, rowTo - rowFrom)];
        int half = 1 << (PRECISION_BITS - 1);
        for (int y = rowFrom; y < rowTo; y++) {
            int rowIn = 3 * y * w;
            int p = 3 * (y - rowFrom) * outW;
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

    /** The window's rows from {@code in}, which holds input rows {@code rowFrom ..} of width {@code w}. */
    private static byte[] vertical(byte[] in, int w, int rowFrom, Weights c) {
        int stride = 3 * w;
        int outH = c.first.length;
        byte[] out = new byte[RgbImage.checkedByteCount(w, outH)];
        int half = 1 << (PRECISION_BITS - 1);
        for (int y = 0; y < outH; y++) {
            int k0 = y * c.taps;
            int top = (c.first[y] - rowFrom) * stride;
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
