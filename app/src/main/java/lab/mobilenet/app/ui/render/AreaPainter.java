package lab.mobilenet.app.ui.render;

/**
 * A painter that reports a smaller drawing area than the one it paints on (the top-left {@code w × h}), so a
 * scene can be laid out in part of a picture, e.g. above the counters strip of an exported slide.
 */
public final class AreaPainter implements Painter {

    private final Painter d;
    private final double w;
    private final double h;

    public AreaPainter(Painter delegate, double width, double height) {
        this.d = delegate;
        this.w = width;
        this.h = height;
    }

    @Override
    public double width() {
        return w;
    }

    @Override
    public double height() {
        return h;
    }

    @Override
    public void fillRect(double x, double y, double bw, double bh, int argb) {
        d.fillRect(x, y, bw, bh, argb);
    }

    @Override
    public void strokeRect(double x, double y, double bw, double bh, int argb, double lineWidth) {
        d.strokeRect(x, y, bw, bh, argb, lineWidth);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, int argb, double lineWidth) {
        d.line(x1, y1, x2, y2, argb, lineWidth);
    }

    @Override
    public void text(String s, double x, double y, double size, boolean bold, int argb, Align align) {
        d.text(s, x, y, size, bold, argb, align);
    }

    @Override
    public double textWidth(String s, double size, boolean bold) {
        return d.textWidth(s, size, bold);
    }

    @Override
    public void image(Raster raster, double x, double y, double bw, double bh) {
        d.image(raster, x, y, bw, bh);
    }

    @Override
    public void pushClip(double x, double y, double bw, double bh) {
        d.pushClip(x, y, bw, bh);
    }

    @Override
    public void popClip() {
        d.popClip();
    }
}
