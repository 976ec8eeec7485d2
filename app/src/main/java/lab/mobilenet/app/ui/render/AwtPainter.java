package lab.mobilenet.app.ui.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * {@link Painter} on Java2D: works on a headless server (no display, no JavaFX), used by the exporter.
 * Text uses the bundled CJK face ({@link BundledFonts}) whenever it has every character of the string, so
 * exported slides show Chinese and Korean on any machine; other strings fall back to the logical
 * {@code SansSerif} font, whose fallback chain covers whatever the JDK finds.
 */
public final class AwtPainter implements Painter {


    private final Graphics2D g;
    private final double width;
    private final double height;
    private final Deque<Shape> clips = new ArrayDeque<>();
    private final Map<Raster, BufferedImage> images = new WeakHashMap<>();

    /** Paints on {@code image}; the caller disposes nothing, {@link #close()} releases the graphics. */
    public AwtPainter(BufferedImage image) {
        this.g = image.createGraphics();
        this.width = image.getWidth();
        this.height = image.getHeight();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    }

    /** Releases the Java2D graphics context. */
    public void close() {
        g.dispose();
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
        g.setColor(new Color(argb, true));
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, int argb, double lineWidth) {
        g.setColor(new Color(argb, true));
        g.setStroke(new BasicStroke((float) lineWidth));
        g.draw(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, int argb, double lineWidth) {
        g.setColor(new Color(argb, true));
        g.setStroke(new BasicStroke((float) lineWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void text(String s, double x, double y, double size, boolean bold, int argb, Align align) {
        List<Run> runs = runs(s, size, bold);
        double w = width(runs);
        double left = switch (align) {
            case LEFT -> x;
            case CENTER -> x - w / 2;
            case RIGHT -> x - w;
        };
        FontMetrics first = g.getFontMetrics(runs.get(0).font());
        float base = (float) (y + (first.getAscent() - first.getDescent()) / 2.0);
        g.setColor(new Color(argb, true));
        for (Run r : runs) {
            g.setFont(r.font());
            g.drawString(r.text(), (float) left, base);
            left += g.getFontMetrics(r.font()).stringWidth(r.text());
        }
    }

    @Override
    public double textWidth(String s, double size, boolean bold) {
        return width(runs(s, size, bold));
    }

    private double width(List<Run> runs) {
        double w = 0;
        for (Run r : runs) {
            w += g.getFontMetrics(r.font()).stringWidth(r.text());
        }
        return w;
    }

    @Override
    public void image(Raster raster, double x, double y, double w, double h) {
        BufferedImage img = images.computeIfAbsent(raster, r -> {
            BufferedImage b = new BufferedImage(r.width(), r.height(), BufferedImage.TYPE_INT_ARGB);
            b.setRGB(0, 0, r.width(), r.height(), r.pixels(), 0, r.width());
            return b;
        });
        g.drawImage(img, (int) Math.round(x), (int) Math.round(y), (int) Math.round(w), (int) Math.round(h), null);
    }

    @Override
    public void pushClip(double x, double y, double w, double h) {
        clips.push(g.getClip() == null ? new Rectangle2D.Double(0, 0, width, height) : g.getClip());
        g.clip(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void popClip() {
        g.setClip(clips.pop());
    }

    private static boolean cjk(int cp) {
        Character.UnicodeScript u = Character.UnicodeScript.of(cp);
        return u == Character.UnicodeScript.HAN || u == Character.UnicodeScript.HANGUL;
    }

    /** A piece of a string drawn in one font. */
    private record Run(String text, Font font) {
    }

    /**
     * The string in the bundled face if it has every character, else in {@code SansSerif} if it has no Chinese or
     * Korean, else in pieces: the bundled face's characters in it, the rest (e.g. T⁺'s superscript plus, which
     * Noto Sans CJK lacks) in {@code SansSerif}, so Chinese mixed with such a sign does not turn to boxes on a
     * machine without CJK fonts (and looks the same on one with them).
     */
    private static List<Run> runs(String s, double size, boolean bold) {
        Font bundled = BundledFonts.awt(bold).deriveFont((float) size);
        if (bundled.canDisplayUpTo(s) == -1) {
            return List.of(new Run(s, bundled));
        }
        Font fallback = new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
        if (s.codePoints().noneMatch(AwtPainter::cjk)) {
            return List.of(new Run(s, fallback));
        }
        List<Run> runs = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        Boolean inBundled = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean b = bundled.canDisplay(cp);
            if (inBundled != null && b != inBundled) {
                runs.add(new Run(piece.toString(), inBundled ? bundled : fallback));
                piece.setLength(0);
            }
            inBundled = b;
            piece.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        runs.add(new Run(piece.toString(), Boolean.TRUE.equals(inBundled) ? bundled : fallback));
        return runs;
    }
}
