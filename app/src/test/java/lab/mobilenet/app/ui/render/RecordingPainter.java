package lab.mobilenet.app.ui.render;

import java.util.ArrayList;
import java.util.List;

/** A painter that draws nothing and remembers every call, to check where highlights land. */
final class RecordingPainter implements Painter {

    /** One recorded rectangle outline. */
    record Stroke(double x, double y, double w, double h, int argb, double lineWidth) {
    }

    /** One recorded text. */
    record Text(String s, double x, double y) {
    }

    /** One recorded image placement. */
    record Image(Raster r, double x, double y, double w, double h) {
    }

    final List<Stroke> strokes = new ArrayList<>();
    final List<Text> texts = new ArrayList<>();
    final List<Image> images = new ArrayList<>();
    private final double width;
    private final double height;

    RecordingPainter(double width, double height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public double width() {
        return width;
    }

    @Override
    public double height() {
        return height;
    }

    @Override
    public void fillRect(double x, double y, double w, double h, int argb) {
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, int argb, double lineWidth) {
        strokes.add(new Stroke(x, y, w, h, argb, lineWidth));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, int argb, double lineWidth) {
    }

    @Override
    public void text(String s, double x, double y, double size, boolean bold, int argb, Align align) {
        texts.add(new Text(s, x, y));
    }

    @Override
    public double textWidth(String s, double size, boolean bold) {
        return s.length() * size * 0.55;
    }

    @Override
    public void image(Raster raster, double x, double y, double w, double h) {
        images.add(new Image(raster, x, y, w, h));
    }

    @Override
    public void pushClip(double x, double y, double w, double h) {
    }

    @Override
    public void popClip() {
    }
}
