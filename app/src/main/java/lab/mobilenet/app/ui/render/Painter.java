package lab.mobilenet.app.ui.render;

/**
 * The few drawing calls every lesson picture is made of, independent of the toolkit: the desktop draws them
 * on a JavaFX {@code Canvas}, the headless exporter on a Java2D {@code BufferedImage}, so a slide and the
 * screen show the same layout. Colours are {@code 0xAARRGGBB}; coordinates are pixels from the top left.
 * This interface and the scene painters never import JavaFX.
 */
public interface Painter {

    /** Horizontal placement of text relative to its x coordinate. */
    enum Align { LEFT, CENTER, RIGHT }

    double width();

    double height();

    void fillRect(double x, double y, double w, double h, int argb);

    void strokeRect(double x, double y, double w, double h, int argb, double lineWidth);

    void line(double x1, double y1, double x2, double y2, int argb, double lineWidth);

    /** Text whose vertical centre is at {@code y}. */
    void text(String s, double x, double y, double size, boolean bold, int argb, Align align);

    /** Advance width of {@code s} at this size. */
    double textWidth(String s, double size, boolean bold);

    /** Draws a raster scaled into the box with nearest-neighbour sampling, so each pixel stays a sharp square. */
    void image(Raster raster, double x, double y, double w, double h);

    /** Restricts drawing to a rectangle until the matching {@link #popClip()}. */
    void pushClip(double x, double y, double w, double h);

    void popClip();

    /** The largest size ≤ {@code max} at which {@code s} fits in {@code w} pixels (never below 6). */
    default double fitSize(String s, double w, double max, boolean bold) {
        double size = max;
        double tw = textWidth(s, size, bold);
        if (tw > w && tw > 0) {
            size = max * w / tw;
        }
        return Math.max(6, size);
    }
}
