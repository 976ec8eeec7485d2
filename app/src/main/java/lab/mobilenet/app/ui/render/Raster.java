package lab.mobilenet.app.ui.render;

/**
 * An immutable block of {@code 0xAARRGGBB} pixels, the toolkit-neutral image the painters draw (a photo, a
 * heat-map). Painters may cache their converted copy keyed on the instance.
 */
public final class Raster {

    private final int width;
    private final int height;
    private final int[] argb;

    private Raster(int width, int height, int[] argb) {
        this.width = width;
        this.height = height;
        this.argb = argb;
    }

    /** Wraps a copy of {@code argb}, row-major. */
    public static Raster of(int width, int height, int[] argb) {
        if (width <= 0 || height <= 0 || argb == null || argb.length != width * height) {
            throw new IllegalArgumentException("raster " + width + "×" + height + " needs " + (long) width * height
                    + " pixels");
        }
        return new Raster(width, height, argb.clone());
    }

    /** Takes ownership of an array the caller no longer touches (used by the heat-map builders). */
    static Raster wrap(int width, int height, int[] argb) {
        return new Raster(width, height, argb);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int pixel(int x, int y) {
        return argb[y * width + x];
    }

    /** A copy of the pixels, row-major. */
    public int[] pixels() {
        return argb.clone();
    }
}
