package lab.mobilenet.app.ui.render;

import java.util.Map;
import java.util.WeakHashMap;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/** {@link Painter} on a JavaFX canvas. Used on the FX thread only. */
public final class FxPainter implements Painter {

    private final GraphicsContext gc;
    private final double width;
    private final double height;
    private final String family;
    private final Text measure = new Text();
    private final Map<Raster, WritableImage> images = new WeakHashMap<>();

    /** @param family font family for all text (a CJK-capable one when available) */
    public FxPainter(GraphicsContext gc, String family) {
        this.gc = gc;
        this.width = gc.getCanvas().getWidth();
        this.height = gc.getCanvas().getHeight();
        this.family = family;
        gc.setImageSmoothing(false);
        gc.setTextBaseline(VPos.CENTER);
    }

    private static Color color(int argb) {
        return Color.rgb((argb >>> 16) & 0xFF, (argb >>> 8) & 0xFF, argb & 0xFF, ((argb >>> 24) & 0xFF) / 255.0);
    }

    /*
     * Fonts and text widths are looked up thousands of times per paint (every label is fitted to its cell) and a
     * painter is made per paint: both are kept across paints. FX thread only, so no locking; the width cache is
     * a bounded LRU.
     */
    private static final Map<String, Font> FONTS = new java.util.HashMap<>();
    private static final int WIDTHS_KEPT = 8192;
    private static final Map<String, Double> WIDTHS = new java.util.LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Double> eldest) {
            return size() > WIDTHS_KEPT;
        }
    };

    private Font font(double size, boolean bold) {
        return FONTS.computeIfAbsent(family + '\u0000' + size + (bold ? "b" : "n"),
                k -> Font.font(family, bold ? FontWeight.BOLD : FontWeight.NORMAL, size));
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
        gc.setFill(color(argb));
        gc.fillRect(x, y, w, h);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, int argb, double lineWidth) {
        gc.setStroke(color(argb));
        gc.setLineWidth(lineWidth);
        gc.strokeRect(x, y, w, h);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, int argb, double lineWidth) {
        gc.setStroke(color(argb));
        gc.setLineWidth(lineWidth);
        gc.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void text(String s, double x, double y, double size, boolean bold, int argb, Align align) {
        gc.setFont(font(size, bold));
        gc.setFill(color(argb));
        gc.setTextAlign(switch (align) {
            case LEFT -> TextAlignment.LEFT;
            case CENTER -> TextAlignment.CENTER;
            case RIGHT -> TextAlignment.RIGHT;
        });
        gc.fillText(s, x, y);
    }

    @Override
    public double textWidth(String s, double size, boolean bold) {
        String key = family + '\u0000' + size + (bold ? "b" : "n") + '\u0000' + s;
        Double known = WIDTHS.get(key);
        if (known != null) {
            return known;
        }
        measure.setFont(font(size, bold));
        measure.setText(s);
        double w = measure.getLayoutBounds().getWidth();
        WIDTHS.put(key, w);
        return w;
    }

    @Override
    public void image(Raster raster, double x, double y, double w, double h) {
        WritableImage img = images.computeIfAbsent(raster, r -> {
            WritableImage wi = new WritableImage(r.width(), r.height());
            wi.getPixelWriter().setPixels(0, 0, r.width(), r.height(), PixelFormat.getIntArgbInstance(),
                    r.pixels(), 0, r.width());
            return wi;
        });
        gc.drawImage(img, x, y, w, h);
    }

    @Override
    public void pushClip(double x, double y, double w, double h) {
        gc.save();
        gc.beginPath();
        gc.rect(x, y, w, h);
        gc.clip();
    }

    @Override
    public void popClip() {
        gc.restore();
    }
}
