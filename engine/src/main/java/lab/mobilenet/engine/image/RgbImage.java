package lab.mobilenet.engine.image;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * An immutable 8-bit sRGB picture: {@code width × height} pixels stored row by row, three bytes per
 * pixel in the order R, G, B. This is the form every photo takes before the network's preprocessing,
 * the same as a PIL image in mode {@code "RGB"}.
 */
public final class RgbImage {
    private final int width;
    private final int height;
    private final byte[] rgb;

    private RgbImage(int width, int height, byte[] rgb) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        long expected = 3L * width * height;
        if (rgb.length != expected) {
            throw new IllegalArgumentException("a " + width + "x" + height + " RGB image needs " + expected
                    + " bytes, got " + rgb.length);
        }
        this.width = width;
        this.height = height;
        this.rgb = rgb;
    }

    /** An image holding a copy of {@code rgb} (interleaved R, G, B, row by row). */
    public static RgbImage of(int width, int height, byte[] rgb) {
        return new RgbImage(width, height, rgb.clone());
    }

    /** Largest byte array the JVM allocates reliably. */
    static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    /**
     * {@code 3 × width × height}, the bytes of a {@code width × height} picture, computed in {@code long}
     * and refused before anything is allocated when it does not fit one Java array.
     *
     * @throws IllegalArgumentException when the picture cannot be held
     */
    static int checkedByteCount(long width, long height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (width > MAX_ARRAY / 3 / height) { // 3·w·h > MAX_ARRAY, without overflowing
            throw new IllegalArgumentException(width + "x" + height + " pixels do not fit in one RGB image");
        }
        return (int) (3 * width * height);
    }

    /** Takes ownership of {@code rgb} without copying; only for code of this package that made the array. */
    static RgbImage wrap(int width, int height, byte[] rgb) {
        return new RgbImage(width, height, rgb);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** A copy of the interleaved R, G, B bytes, row by row. */
    public byte[] rgb() {
        return rgb.clone();
    }

    /** The array itself, not to be modified; for the resampling loops of this package. */
    byte[] data() {
        return rgb;
    }

    /** One channel (0 = R, 1 = G, 2 = B) of pixel (x, y), as 0..255. */
    public int sample(int x, int y, int channel) {
        if (x < 0 || x >= width || y < 0 || y >= height || channel < 0 || channel > 2) {
            throw new IndexOutOfBoundsException("(" + x + ", " + y + ", channel " + channel + ") is outside "
                    + width + "x" + height + "x3");
        }
        return rgb[(y * width + x) * 3 + channel] & 0xFF;
    }

    /** Pixel (x, y) packed as 0xRRGGBB. */
    public int rgbAt(int x, int y) {
        return sample(x, y, 0) << 16 | sample(x, y, 1) << 8 | sample(x, y, 2);
    }

    /** A new {@link BufferedImage#TYPE_INT_RGB} copy, for drawing and saving. */
    public BufferedImage toBufferedImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            int p = y * width * 3;
            for (int x = 0; x < width; x++, p += 3) {
                row[x] = (rgb[p] & 0xFF) << 16 | (rgb[p + 1] & 0xFF) << 8 | (rgb[p + 2] & 0xFF);
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RgbImage other && width == other.width && height == other.height
                && Arrays.equals(rgb, other.rgb);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(rgb);
    }

    @Override
    public String toString() {
        return "RgbImage[" + width + "x" + height + "]";
    }
}
