package lab.mobilenet.engine.image;

/**
 * timm's evaluation transform for ImageNet models, reproducing torchvision on PIL images:
 * {@code Resize(resizeShorter, BICUBIC) → CenterCrop(crop) → ToTensor() → Normalize(mean, std)}.
 */
public final class Preprocessor {
    private Preprocessor() {
    }

    /** The whole transform: the crop the network sees and its normalised tensor. */
    public static ModelInput prepare(RgbImage image, PreprocessConfig config) {
        RgbImage crop = crop(image, config);
        return new ModelInput(crop, normalize(crop, config));
    }

    /** The normalised NCHW tensor {@code [1, 3, crop, crop]}, channel-major, as a flat array. */
    public static float[] toTensor(RgbImage image, PreprocessConfig config) {
        return normalize(crop(image, config), config);
    }

    /**
     * Resize the shorter side, then cut the centre square: the picture the network sees. Only the square
     * is computed ({@link PilBicubic#resizeWindow}), so a 30000×1 strip, whose resized form would be
     * 7,680,000×256, costs no more memory than a photo; the bytes equal resizing in full, then cropping.
     */
    public static RgbImage crop(RgbImage image, PreprocessConfig config) {
        long[] size = resizedSize(image.width(), image.height(), config.resizeShorter());
        int crop = config.crop();
        long left = wideCenterOffset(size[0], crop);
        long top = wideCenterOffset(size[1], crop);
        return PilBicubic.resizeWindow(image, size[0], size[1], left, top, crop, crop);
    }

    /**
     * {@link #shorterSideSize} in {@code long}: the longer side of a thin picture scaled up can exceed
     * {@code int} (a 1×100,000,000 strip at 256 becomes 256×25,600,000,000).
     *
     * @return {width, height}
     */
    public static long[] resizedSize(int width, int height, int shorter) {
        if (width <= 0 || height <= 0 || shorter <= 0) {
            throw new IllegalArgumentException("sizes must be positive, got " + width + "x" + height + " -> " + shorter);
        }
        boolean portrait = width <= height;
        int shortSide = portrait ? width : height;
        int longSide = portrait ? height : width;
        // Python's shorter * long / short is a correctly rounded double division, then int() truncates;
        // the quotient is at least shorter, so never 0
        long newLong = Math.max(shorter, (long) ((double) ((long) shorter * longSide) / shortSide));
        return portrait ? new long[] {shorter, newLong} : new long[] {newLong, shorter};
    }

    /** torchvision's centre-crop offset {@code round((length - size) / 2)} for lengths beyond {@code int}. */
    static long wideCenterOffset(long length, int size) {
        return (long) Math.rint((length - size) / 2.0);
    }

    /**
     * The size torchvision's {@code Resize(shorter)} gives a {@code width × height} picture: the shorter
     * side becomes {@code shorter}, the longer {@code int(shorter * long / short)} (truncated).
     * Square pictures become {@code shorter × shorter}.
     *
     * @return {width, height}
     */
    public static int[] shorterSideSize(int width, int height, int shorter) {
        long[] size = resizedSize(width, height, shorter);
        if (size[0] > Integer.MAX_VALUE || size[1] > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(width + "x" + height + " resized to a shorter side of " + shorter
                    + " would be " + size[0] + "x" + size[1] + ", too large for one picture; use crop()");
        }
        return new int[] {(int) size[0], (int) size[1]};
    }

    /** Bicubic resize (Pillow-exact) so that the shorter side is {@code shorter}, aspect kept. */
    public static RgbImage resizeShorterSide(RgbImage image, int shorter) {
        int[] size = shorterSideSize(image.width(), image.height(), shorter);
        return resize(image, size[0], size[1]);
    }

    /**
     * Bicubic resize to exactly {@code width × height}, as Pillow's {@code resize(..., BICUBIC)}.
     *
     * @throws IllegalArgumentException when the result would not fit in one {@link RgbImage}
     */
    public static RgbImage resize(RgbImage image, int width, int height) {
        return PilBicubic.resize(image, width, height);
    }

    /**
     * The centred {@code size × size} square. Offsets as torchvision's {@code CenterCrop}:
     * {@code round((h - size) / 2)} with Python's round-half-to-even.
     */
    public static RgbImage centerCrop(RgbImage image, int size) {
        if (size <= 0 || size > image.width() || size > image.height()) {
            throw new IllegalArgumentException("cannot cut a " + size + "x" + size + " centre crop from "
                    + image.width() + "x" + image.height());
        }
        int top = centerOffset(image.height(), size);
        int left = centerOffset(image.width(), size);
        if (size == image.width() && size == image.height()) {
            return image;
        }
        byte[] in = image.data();
        byte[] out = new byte[3 * size * size];
        for (int y = 0; y < size; y++) {
            System.arraycopy(in, 3 * ((top + y) * image.width() + left), out, 3 * y * size, 3 * size);
        }
        return RgbImage.wrap(size, size, out);
    }

    /** torchvision's {@code int(round((length - size) / 2.0))}; {@link Math#rint} also rounds half to even. */
    public static int centerOffset(int length, int size) {
        return (int) Math.rint((length - size) / 2.0);
    }

    /** ToTensor + Normalize: {@code ((v / 255) - mean[c]) / std[c]} in float32, laid out C, H, W. */
    public static float[] normalize(RgbImage image, PreprocessConfig config) {
        float[] mean = config.mean();
        float[] std = config.std();
        int plane = image.width() * image.height();
        byte[] in = image.data();
        float[] out = new float[3 * plane];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < plane; i++) {
                // same float32 operations in the same order as torchvision: div(255), sub(mean), div(std)
                float v = (in[3 * i + c] & 0xFF) / 255f;
                out[c * plane + i] = (v - mean[c]) / std[c];
            }
        }
        return out;
    }
}
