package lab.mobilenet.lessons;

import java.util.Arrays;

/**
 * An immutable multi-channel float image: {@code channels × height × width}, stored channel by channel,
 * each channel row-major (the NCHW layout of one image, as the engine and PyTorch use).
 *
 * <p>Lessons run on a small copy of the real photo ({@link #downscaleToLongestSide(int)}), so that stepping
 * one multiply-add at a time still reaches the end of a row in a few hundred steps.
 */
public final class Planes {

    /** Luma weights of ITU-R BT.601, the classic RGB → grey conversion. */
    public static final float LUMA_R = 0.299f;
    public static final float LUMA_G = 0.587f;
    public static final float LUMA_B = 0.114f;

    private final int channels;
    private final int height;
    private final int width;
    private final float[] data;

    private Planes(int channels, int height, int width, float[] data) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.data = data;
    }

    /** Wraps a copy of {@code data}, laid out {@code [channels][height][width]}. */
    public static Planes of(int channels, int height, int width, float[] data) {
        checkSize(channels, height, width);
        if (data == null || data.length != (long) channels * height * width) {
            throw new IllegalArgumentException("expected " + (long) channels * height * width + " values for "
                    + channels + "×" + height + "×" + width + ", got " + (data == null ? "null" : data.length));
        }
        return new Planes(channels, height, width, data.clone());
    }

    /** Interleaved 8-bit RGB ({@code r,g,b,r,g,b,…}, row-major), scaled to [0, 1]. */
    public static Planes fromRgb(int width, int height, byte[] rgb) {
        checkSize(3, height, width);
        int n = width * height;
        if (rgb == null || rgb.length != 3L * n) {
            throw new IllegalArgumentException("expected " + 3L * n + " RGB bytes for " + width + "×" + height
                    + ", got " + (rgb == null ? "null" : rgb.length));
        }
        float[] d = new float[3 * n];
        for (int p = 0; p < n; p++) {
            for (int c = 0; c < 3; c++) {
                d[c * n + p] = (rgb[3 * p + c] & 0xFF) / 255f;
            }
        }
        return new Planes(3, height, width, d);
    }

    /** Packed {@code 0xAARRGGBB} pixels (as {@code BufferedImage.getRGB} or a pixel reader give them), alpha ignored. */
    public static Planes fromArgb(int width, int height, int[] argb) {
        checkSize(3, height, width);
        int n = width * height;
        if (argb == null || argb.length != n) {
            throw new IllegalArgumentException("expected " + n + " ARGB pixels for " + width + "×" + height
                    + ", got " + (argb == null ? "null" : argb.length));
        }
        float[] d = new float[3 * n];
        for (int p = 0; p < n; p++) {
            d[p] = ((argb[p] >>> 16) & 0xFF) / 255f;
            d[n + p] = ((argb[p] >>> 8) & 0xFF) / 255f;
            d[2 * n + p] = (argb[p] & 0xFF) / 255f;
        }
        return new Planes(3, height, width, d);
    }

    /** One channel of 8-bit grey values, row-major, scaled to [0, 1]. */
    public static Planes fromGray(int width, int height, byte[] gray) {
        checkSize(1, height, width);
        if (gray == null || gray.length != (long) width * height) {
            throw new IllegalArgumentException("expected " + (long) width * height + " grey bytes for " + width
                    + "×" + height + ", got " + (gray == null ? "null" : gray.length));
        }
        float[] d = new float[gray.length];
        for (int p = 0; p < d.length; p++) {
            d[p] = (gray[p] & 0xFF) / 255f;
        }
        return new Planes(1, height, width, d);
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Number of values, {@code channels·height·width}. */
    public int size() {
        return data.length;
    }

    /** Memory of the values as float32: 4 bytes each. */
    public long bytes() {
        return 4L * data.length;
    }

    public float get(int c, int y, int x) {
        if (c < 0 || c >= channels || y < 0 || y >= height || x < 0 || x >= width) {
            throw new IndexOutOfBoundsException("(" + c + ", " + y + ", " + x + ") outside " + this);
        }
        return data[(c * height + y) * width + x];
    }

    /** A copy of all values, {@code [channels][height][width]} row-major. */
    public float[] toArray() {
        return data.clone();
    }

    /** A copy of one channel, row-major. */
    public float[] channel(int c) {
        if (c < 0 || c >= channels) {
            throw new IndexOutOfBoundsException("channel " + c + " outside 0.." + (channels - 1));
        }
        return Arrays.copyOfRange(data, c * height * width, (c + 1) * height * width);
    }

    /** Package-private view without copying, for the tracers (they never write to it). */
    float[] raw() {
        return data;
    }

    /** Grey image {@code 0.299·R + 0.587·G + 0.114·B} of a 3-channel image; a 1-channel image is returned as is. */
    public Planes toGray() {
        if (channels == 1) {
            return this;
        }
        if (channels != 3) {
            throw new IllegalStateException("grey conversion needs 1 or 3 channels, this image has " + channels);
        }
        int n = height * width;
        float[] d = new float[n];
        for (int p = 0; p < n; p++) {
            d[p] = LUMA_R * data[p] + LUMA_G * data[n + p] + LUMA_B * data[2 * n + p];
        }
        return new Planes(1, height, width, d);
    }

    /**
     * A smaller copy whose longer side is {@code longestSide} pixels (aspect ratio kept), by area averaging:
     * each new pixel is the mean of the source area it covers, partly covered pixels weighted by their share.
     * An image already that small is returned unchanged.
     */
    public Planes downscaleToLongestSide(int longestSide) {
        if (longestSide <= 0) {
            throw new IllegalArgumentException("longest side must be positive, got " + longestSide);
        }
        int longest = Math.max(width, height);
        if (longest <= longestSide) {
            return this;
        }
        int w = Math.max(1, (int) Math.round((double) width * longestSide / longest));
        int h = Math.max(1, (int) Math.round((double) height * longestSide / longest));
        return downscale(w, h);
    }

    /** Area-average resize to {@code newWidth × newHeight}; both must be at most the current size. */
    public Planes downscale(int newWidth, int newHeight) {
        if (newWidth <= 0 || newHeight <= 0 || newWidth > width || newHeight > height) {
            throw new IllegalArgumentException("cannot downscale " + width + "×" + height + " to " + newWidth + "×"
                    + newHeight);
        }
        double[][] wx = AreaWeights.of(width, newWidth);
        double[][] wy = AreaWeights.of(height, newHeight);
        float[] out = new float[channels * newHeight * newWidth];
        double[] rows = new double[newHeight * width];
        for (int c = 0; c < channels; c++) {
            int base = c * height * width;
            // vertical pass: newHeight × width
            Arrays.fill(rows, 0);
            for (int oy = 0; oy < newHeight; oy++) {
                for (int sy = 0; sy < height; sy++) {
                    double wgt = wy[oy][sy];
                    if (wgt == 0) {
                        continue;
                    }
                    for (int x = 0; x < width; x++) {
                        rows[oy * width + x] += wgt * data[base + sy * width + x];
                    }
                }
            }
            // horizontal pass: newHeight × newWidth
            for (int oy = 0; oy < newHeight; oy++) {
                for (int ox = 0; ox < newWidth; ox++) {
                    double s = 0;
                    for (int sx = 0; sx < width; sx++) {
                        s += wx[ox][sx] * rows[oy * width + sx];
                    }
                    out[(c * newHeight + oy) * newWidth + ox] = (float) s;
                }
            }
        }
        return new Planes(channels, newHeight, newWidth, out);
    }

    private static void checkSize(int channels, int height, int width) {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + channels + "×" + height + "×"
                    + width);
        }
        if ((long) channels * height * width > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("image too large: " + channels + "×" + height + "×" + width);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Planes p && p.channels == channels && p.height == height && p.width == width
                && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * channels + height) + width) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Planes[" + channels + "×" + height + "×" + width + "]";
    }

    /** Overlap of source pixels with each destination pixel along one axis, normalised to sum to 1. */
    private static final class AreaWeights {
        private AreaWeights() {
        }

        static double[][] of(int src, int dst) {
            double scale = (double) src / dst;
            double[][] w = new double[dst][src];
            for (int d = 0; d < dst; d++) {
                double lo = d * scale;
                double hi = (d + 1) * scale;
                for (int s = (int) Math.floor(lo); s < Math.min(src, (int) Math.ceil(hi)); s++) {
                    double overlap = Math.min(hi, s + 1) - Math.max(lo, s);
                    if (overlap > 0) {
                        w[d][s] = overlap / scale;
                    }
                }
            }
            return w;
        }
    }
}
