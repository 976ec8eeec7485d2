package lab.mobilenet.app.ui.render;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import lab.mobilenet.app.ui.render.Painter.Align;

/** Drawing helpers shared by the scene painters: titles, number grids, image tiles, highlight frames. */
public final class Draw {

    private Draw() {
    }

    /** A caption at the top of {@code box}; returns the space left below it. */
    public static Box title(Painter p, Palette pal, Box box, String text, double size) {
        double s = p.fitSize(text, box.w, size, true);
        p.text(text, box.x, box.y + size * 0.6, s, true, pal.text(), Align.LEFT);
        return box.belowTop(size * 1.3);
    }

    /** A centred caption above {@code box}'s centre line. */
    public static Box centeredTitle(Painter p, Palette pal, Box box, String text, double size, int color) {
        double s = p.fitSize(text, box.w, size, true);
        p.text(text, box.centerX(), box.y + size * 0.6, s, true, color, Align.CENTER);
        return box.belowTop(size * 1.3);
    }

    /**
     * A {@code rows × cols} grid of numbers with square cells fitted into {@code box}: each cell filled with
     * {@code fill.apply(i)} (or the panel colour), its text in a colour that reads on it; cells for which
     * {@code lit} is true get a thick frame in {@code litColor}. Returns the grid's actual box.
     */
    public static Box numberGrid(Painter p, Palette pal, Box box, int rows, int cols, CellText text,
                                 CellColor fill, IntPredicate lit, int litColor) {
        Box g = box.fitGrid(cols, rows);
        double c = g.w / cols;
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < cols; k++) {
                int i = r * cols + k;
                int bg = fill == null ? pal.panel() : fill.color(i);
                double x = g.x + k * c;
                double y = g.y + r * c;
                p.fillRect(x, y, c, c, bg);
                p.strokeRect(x, y, c, c, pal.muted(), 1);
                String s = text.text(i);
                if (!s.isEmpty()) {
                    double size = p.fitSize(s, c * 0.86, c * 0.36, false);
                    p.text(s, x + c / 2, y + c / 2, size, false, ColorMaps.textOn(bg), Align.CENTER);
                }
            }
        }
        for (int i = 0; i < rows * cols; i++) {
            if (lit != null && lit.test(i)) {
                double x = g.x + (i % cols) * c;
                double y = g.y + (i / cols) * c;
                p.strokeRect(x + 1.5, y + 1.5, c - 3, c - 3, litColor, Math.max(3, c / 12));
            }
        }
        return g;
    }

    /** Text of cell {@code i}. */
    @FunctionalInterface
    public interface CellText {
        String text(int i);
    }

    /** Background of cell {@code i}. */
    @FunctionalInterface
    public interface CellColor {
        int color(int i);
    }

    /**
     * A raster drawn with square pixels, as large as fits and centred in {@code box}, with a thin frame.
     * Returns the image's box; a pixel (x, y) covers {@link #pixel(Box, Raster, int, int)}.
     */
    public static Box tile(Painter p, Palette pal, Box box, Raster r) {
        Box g = box.fitGrid(r.width(), r.height());
        p.image(r, g.x, g.y, g.w, g.h);
        p.strokeRect(g.x, g.y, g.w, g.h, pal.muted(), 1);
        return g;
    }

    /** The box of raster cell (x, y) inside a tile drawn at {@code g}; cells may lie outside (padding). */
    public static Box pixel(Box g, Raster r, int x, int y) {
        double c = g.w / r.width();
        return new Box(g.x + x * c, g.y + y * c, c, c);
    }

    /** A thick highlight frame around cells (x0, y0) … (x0 + w − 1, y0 + h − 1) of a tile, padding included. */
    public static void frameCells(Painter p, Box g, Raster r, int x0, int y0, int w, int h, int color, double lw) {
        double c = g.w / r.width();
        p.strokeRect(g.x + x0 * c - lw / 2, g.y + y0 * c - lw / 2, w * c + lw, h * c + lw, color, lw);
    }

    /** Lays out {@code n} tiles of aspect {@code aw:ah} in the grid of rows × columns that makes them largest. */
    public static List<Box> tiles(Box box, int n, double aw, double ah, double gap, double captionHeight) {
        double best = -1;
        int bestCols = 1;
        for (int cols = 1; cols <= n; cols++) {
            int rows = (n + cols - 1) / cols;
            double cw = (box.w - gap * (cols - 1)) / cols;
            double ch = (box.h - gap * (rows - 1)) / rows - captionHeight;
            double scale = Math.min(cw / aw, ch / ah);
            if (scale > best) {
                best = scale;
                bestCols = cols;
            }
        }
        int rows = (n + bestCols - 1) / bestCols;
        List<Box> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Box cell = box.row(i / bestCols, rows, gap).column(i % bestCols, bestCols, gap);
            out.add(cell);
        }
        return out;
    }

    /** A horizontal bar showing {@code done} of {@code total} with a label inside or beside it. */
    public static void bar(Painter p, Palette pal, Box box, double fraction, int color, String label, double size) {
        p.fillRect(box.x, box.y, box.w, box.h, pal.pending());
        p.fillRect(box.x, box.y, box.w * Math.max(0, Math.min(1, fraction)), box.h, color);
        p.strokeRect(box.x, box.y, box.w, box.h, pal.muted(), 1);
        double s = p.fitSize(label, box.w - 8, size, true);
        p.text(label, box.x + 6, box.centerY(), s, true, pal.text(), Align.LEFT);
    }

    /** An arrow from (x1, y1) to (x2, y2). */
    public static void arrow(Painter p, double x1, double y1, double x2, double y2, int color, double lw) {
        p.line(x1, y1, x2, y2, color, lw);
        double a = Math.atan2(y2 - y1, x2 - x1);
        double l = 6 + lw * 3;
        p.line(x2, y2, x2 - l * Math.cos(a - 0.45), y2 - l * Math.sin(a - 0.45), color, lw);
        p.line(x2, y2, x2 - l * Math.cos(a + 0.45), y2 - l * Math.sin(a + 0.45), color, lw);
    }

    /**
     * A caption centred at (x, y) within {@code width}, in the height one line at {@code size} takes: at
     * {@code size} if it fits, else smaller down to 70 %, then without its parenthesised part ("Sobel x (vertical
     * edges)" → "Sobel x"), then down to 60 %; a caption still too long is wrapped onto two lines ("Gaussian" /
     * "blur 3×3") rather than cut, and only what fits neither way even at 45 % ends in "…".
     */
    public static void caption(Painter p, String text, double x, double y, double width, double size, boolean bold,
                               int color) {
        String t = text;
        double s = p.fitSize(t, width, size, bold);
        if (s < size * 0.7) {
            String shortened = withoutParenthesis(t);
            if (!shortened.equals(t)) {
                t = shortened;
                s = p.fitSize(t, width, size, bold);
            }
        }
        if (s >= size * 0.6) {
            p.text(t, x, y, s, bold, color, Painter.Align.CENTER);
            return;
        }
        String[] lines = twoLines(p, t, size, bold);
        // two lines 1.08 apart fill the 1.3 × size one line is given
        double s2 = lines == null ? 0 : Math.min(size * 0.6,
                Math.min(p.fitSize(lines[0], width, size, bold), p.fitSize(lines[1], width, size, bold)));
        if (s2 >= s && s2 >= size * MIN_SHARE) {
            p.text(lines[0], x, y - 0.54 * s2, s2, bold, color, Painter.Align.CENTER);
            p.text(lines[1], x, y + 0.54 * s2, s2, bold, color, Painter.Align.CENTER);
            return;
        }
        s = Math.max(s, size * MIN_SHARE);
        p.text(ellipsized(p, t, width, s, bold), x, y, s, bold, color, Painter.Align.CENTER);
    }

    /** The smallest share of its size a caption is drawn at. */
    static final double MIN_SHARE = 0.45;

    /**
     * {@code t} split into two lines of about equal width: at a space, or between two Chinese or Korean
     * characters (which may break anywhere); a space is preferred unless its longer line is 40 % wider than the
     * best split's ("高斯模糊" / "3×3", not "高斯模" / "糊 3×3"). Null when there is no such place.
     */
    static String[] twoLines(Painter p, String t, double size, boolean bold) {
        String[] best = null;
        String[] bestSpace = null;
        double bestWidth = Double.MAX_VALUE;
        double bestSpaceWidth = Double.MAX_VALUE;
        for (int i = 1; i < t.length(); i++) {
            boolean space = t.charAt(i) == ' ';
            String a;
            String b;
            if (space) {
                a = t.substring(0, i).trim();
                b = t.substring(i + 1).trim();
            } else if (breaksAnywhere(t.charAt(i - 1)) && breaksAnywhere(t.charAt(i))) {
                a = t.substring(0, i);
                b = t.substring(i);
            } else {
                continue;
            }
            if (a.isEmpty() || b.isEmpty()) {
                continue;
            }
            double w = Math.max(p.textWidth(a, size, bold), p.textWidth(b, size, bold));
            if (w < bestWidth) {
                bestWidth = w;
                best = new String[] {a, b};
            }
            if (space && w < bestSpaceWidth) {
                bestSpaceWidth = w;
                bestSpace = new String[] {a, b};
            }
        }
        return bestSpace != null && bestSpaceWidth <= 1.4 * bestWidth ? bestSpace : best;
    }

    private static boolean breaksAnywhere(char c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HANGUL;
    }

    /** {@code t} cut at the end with "…" until it fits {@code width} at {@code size} (at least one character). */
    static String ellipsized(Painter p, String t, double width, double size, boolean bold) {
        if (p.textWidth(t, size, bold) <= width) {
            return t;
        }
        int n = t.length() - 1;
        while (n > 1 && p.textWidth(t.substring(0, n).trim() + "…", size, bold) > width) {
            n--;
        }
        return t.substring(0, n).trim() + "…";
    }

    /** The text before the first "(" or "（", trimmed; the text itself when there is none or nothing before. */
    static String withoutParenthesis(String t) {
        int i = t.indexOf('(');
        int j = t.indexOf('（');
        int k = i < 0 ? j : j < 0 ? i : Math.min(i, j);
        return k > 0 ? t.substring(0, k).trim() : t;
    }
}
