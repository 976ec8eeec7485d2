package lab.mobilenet.app.ui.render;

/**
 * A rectangle of the picture, the unit of every layout decision: scene painters split the canvas into boxes
 * and hand each to a drawing helper.
 */
public final class Box {

    /** Left edge, top edge, width and height in pixels. */
    public final double x;
    public final double y;
    public final double w;
    public final double h;

    public Box(double x, double y, double w, double h) {
        this.x = x;
        this.y = y;
        this.w = w;
        this.h = h;
    }

    @Override
    public String toString() {
        return "Box[" + x + ", " + y + ", " + w + "×" + h + "]";
    }

    public double right() {
        return x + w;
    }

    public double bottom() {
        return y + h;
    }

    public double centerX() {
        return x + w / 2;
    }

    public double centerY() {
        return y + h / 2;
    }

    /** The box shrunk by {@code m} on every side. */
    public Box inset(double m) {
        return new Box(x + m, y + m, Math.max(0, w - 2 * m), Math.max(0, h - 2 * m));
    }

    /** The left {@code share} (0 … 1) of the box. */
    public Box leftPart(double share) {
        return new Box(x, y, w * share, h);
    }

    /** What is right of {@link #leftPart(double)}. */
    public Box rightPart(double share) {
        return new Box(x + w * share, y, w * (1 - share), h);
    }

    public Box topPart(double share) {
        return new Box(x, y, w, h * share);
    }

    public Box bottomPart(double share) {
        return new Box(x, y + h * share, w, h * (1 - share));
    }

    /** The top {@code pixels} of the box. */
    public Box top(double pixels) {
        return new Box(x, y, w, Math.min(h, pixels));
    }

    /** The box without its top {@code pixels}. */
    public Box belowTop(double pixels) {
        double d = Math.min(h, pixels);
        return new Box(x, y + d, w, h - d);
    }

    /** Column {@code i} of {@code n} equal columns separated by {@code gap}. */
    public Box column(int i, int n, double gap) {
        double cw = (w - gap * (n - 1)) / n;
        return new Box(x + i * (cw + gap), y, cw, h);
    }

    /** Row {@code i} of {@code n} equal rows separated by {@code gap}. */
    public Box row(int i, int n, double gap) {
        double rh = (h - gap * (n - 1)) / n;
        return new Box(x, y + i * (rh + gap), w, rh);
    }

    /** The largest box of aspect {@code cols:rows} cells centred in this one, with square cells. */
    public Box fitGrid(int cols, int rows) {
        double cell = Math.min(w / cols, h / rows);
        double gw = cell * cols;
        double gh = cell * rows;
        return new Box(x + (w - gw) / 2, y + (h - gh) / 2, gw, gh);
    }
}
