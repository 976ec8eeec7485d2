package lab.mobilenet.app.ui.render;

import java.util.List;
import lab.mobilenet.lessons.CellDetail;
import lab.mobilenet.lessons.MapScale;
import lab.mobilenet.lessons.Planes;
import lab.mobilenet.lessons.TraceFrame;

/**
 * The two halves of every convolution picture: the input with the sliding window (as a photo, or as one
 * tile per channel), and the output maps growing cell by cell with the current cell lit. Each returns the
 * box of its highlight so the scene can draw an arrow from window to cell.
 */
public final class MapViews {

    private MapViews() {
    }

    /**
     * The input as a single photo (for a 3-channel standard convolution, where the window covers all channels)
     * with the zero-padding ring and the window of the focus value. Returns the window's box.
     */
    public static Box photoWithWindow(SceneContext ctx, Box box, TraceFrame tf) {
        Planes in = tf.trace().input();
        Raster r = Heatmaps.photo(in);
        return withWindow(ctx, box, r, tf);
    }

    /**
     * One tile per input channel; the window is drawn on the channels the focus value reads, the others are
     * dimmed. Returns the window's box on the first channel it reads.
     */
    public static Box channelTiles(SceneContext ctx, Box box, TraceFrame tf, int currentChannel) {
        Planes in = tf.trace().input();
        CellDetail c = tf.focus();
        // a real layer may have hundreds of input channels: show the page of them holding the current one
        int from = pageStart(in.channels(), currentChannel);
        int n = Math.min(in.channels(), MAX_TILES);
        double cap = ctx.body() * 1.3;
        List<Box> cells = Draw.tiles(box, n, in.width() + 2.0 * pad(tf), in.height() + 2.0 * pad(tf), ctx.gap() / 2,
                cap);
        Box first = null;
        // a free slot after the last tile holds the zoom lens; without one the lens sits over the tiles
        List<Box> plus = Draw.tiles(box, n + 1, in.width() + 2.0 * pad(tf), in.height() + 2.0 * pad(tf),
                ctx.gap() / 2, cap);
        // (no free slot: no lens, it would hide the other channels; the arithmetic below has the numbers)
        Box lensArea = Math.abs(plus.get(0).w - cells.get(0).w) < 0.5 ? plus.get(n).belowTop(cap) : NO_LENS;
        for (int i = 0; i < n; i++) {
            int ch = from + i;
            Box cell = cells.get(i);
            boolean read = ch >= c.firstInChannel() && ch < c.firstInChannel() + c.inChannels();
            String name = Channels.name(ch, in.channels());
            ctx.p().text(name, cell.centerX(), cell.y + cap / 2, ctx.body(), read, read ? ctx.pal().text()
                    : ctx.pal().muted(), Painter.Align.CENTER);
            Box win = withWindowIf(ctx, cell.belowTop(cap), Heatmaps.channel(in, ch), tf, read,
                    ch == currentChannel, lensArea);
            if (read && first == null) {
                first = win;
            }
            if (!read) {
                Box t = cell.belowTop(cap);
                ctx.p().fillRect(t.x, t.y, t.w, t.h, Palette.alpha(ctx.pal().background(), 150));
            }
        }
        return first == null ? box : first;
    }

    /** Most input channels drawn as tiles (or as a vector of numbers) at once. */
    public static final int MAX_TILES = 16;

    /** First channel of the page of {@link #MAX_TILES} holding {@code current}, out of {@code channels}. */
    public static int pageStart(int channels, int current) {
        if (channels <= MAX_TILES) {
            return 0;
        }
        int c = Math.max(0, Math.min(channels - 1, current));
        return Math.min(c / MAX_TILES * MAX_TILES, channels - MAX_TILES);
    }

    private static Box withWindow(SceneContext ctx, Box box, Raster r, TraceFrame tf) {
        return withWindowIf(ctx, box, r, tf, true, true, null);
    }

    /** @param lensArea where the zoom lens goes ({@code null}: the corner of the picture away from the window) */
    private static Box withWindowIf(SceneContext ctx, Box box, Raster r, TraceFrame tf, boolean window,
                                    boolean strong, Box lensArea) {
        int p = pad(tf);
        Box outer = box.fitGrid(r.width() + 2 * p, r.height() + 2 * p);
        double c = outer.w / (r.width() + 2 * p);
        ctx.p().fillRect(outer.x, outer.y, outer.w, outer.h, ctx.pal().padding());
        Box g = new Box(outer.x + p * c, outer.y + p * c, r.width() * c, r.height() * c);
        Draw.tile(ctx.p(), ctx.pal(), g, r);
        CellDetail f = tf.focus();
        int k = f.kernel();
        Box win = new Box(g.x + f.inX0() * c, g.y + f.inY0() * c, k * c, k * c);
        if (window) {
            double lw = strong ? ctx.highlight() : ctx.highlight() / 2;
            ctx.p().strokeRect(win.x - lw / 2, win.y - lw / 2, win.w + lw, win.h + lw, ctx.pal().window(), lw);
            crosshair(ctx, win, ctx.pal().window(), lw);
            tf.lastStep().filter(s -> strong && !s.lastOfCell() && k > 1).ifPresent(s -> ctx.p().strokeRect(
                    g.x + s.inX() * c, g.y + s.inY() * c, c, c, ctx.pal().current(), Math.max(1.5, lw / 2)));
            if (strong && lensArea != NO_LENS) {
                lens(ctx, lensArea == null ? outer : lensArea, lensArea == null, c, r, tf, win);
            }
        }
        return win;
    }

    /**
     * A frame of a pixel or two is lost on a projector (lesson 3's 1×1 window was ~6 px): around a target
     * smaller than a few line widths, four ticks point at it from outside, their length in line widths, so
     * they grow with presenter mode.
     */
    static void crosshair(SceneContext ctx, Box t, int argb, double lw) {
        double min = 8 * lw;
        if (t.w >= min && t.h >= min) {
            return;
        }
        double gap = 1.5 * lw;
        double len = 4 * lw;
        double cx = t.centerX();
        double cy = t.centerY();
        double hx = t.w / 2 + gap;
        double hy = t.h / 2 + gap;
        ctx.p().line(cx - hx - len, cy, cx - hx, cy, argb, lw);
        ctx.p().line(cx + hx, cy, cx + hx + len, cy, argb, lw);
        ctx.p().line(cx, cy - hy - len, cx, cy - hy, argb, lw);
        ctx.p().line(cx, cy + hy, cx, cy + hy + len, argb, lw);
    }

    /** Marks "draw no lens". */
    private static final Box NO_LENS = new Box(0, 0, 0, 0);

    /** Input pixels shown around the window in the lens, on each side. */
    static final int LENS_MARGIN = 2;

    /**
     * A magnifying lens: when one input pixel is drawn smaller than a readable cell, the window and
     * {@link #LENS_MARGIN} pixels around it are drawn again, enlarged, in the corner of the picture away from
     * the window, with the tap being multiplied framed, so a single multiply-add stays visible on a 112-pixel
     * photo. Lines join the window to its enlargement.
     */
    static void lens(SceneContext ctx, Box area, boolean corner, double c, Raster r, TraceFrame tf, Box win) {
        CellDetail f = tf.focus();
        int k = f.kernel();
        int n = k + 2 * LENS_MARGIN;
        double m = ctx.gap() / 3;
        double size = corner ? Math.min(area.w, area.h) * 0.42 : Math.min(area.w, area.h) - 2 * m;
        if (size / n < 3 * c || size < 48) {
            return; // it would magnify less than 3×, or there is no room for a lens
        }
        double lx;
        double ly;
        if (corner) {
            boolean right = win.centerX() < area.centerX();
            boolean below = win.centerY() < area.centerY();
            lx = right ? area.right() - size - m : area.x + m;
            ly = below ? area.bottom() - size - m : area.y + m;
        } else {
            lx = area.centerX() - size / 2;
            ly = area.centerY() - size / 2;
        }
        double cell = size / n;
        Painter p = ctx.p();
        int line = Palette.alpha(ctx.pal().window(), 160);
        p.line(win.x, win.y, lx, ly, line, 1.5);
        p.line(win.right(), win.bottom(), lx + size, ly + size, line, 1.5);
        p.fillRect(lx - 3, ly - 3, size + 6, size + 6, ctx.pal().background());
        int pad = pad(tf);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                int x = f.inX0() - LENS_MARGIN + i;
                int y = f.inY0() - LENS_MARGIN + j;
                boolean inside = x >= 0 && y >= 0 && x < r.width() && y < r.height();
                boolean ring = !inside && x >= -pad && y >= -pad && x < r.width() + pad && y < r.height() + pad;
                int color = inside ? r.pixel(x, y) : ring ? ctx.pal().padding() : ctx.pal().background();
                p.fillRect(lx + i * cell, ly + j * cell, Math.ceil(cell), Math.ceil(cell), color);
            }
        }
        double lw = ctx.highlight();
        p.strokeRect(lx + LENS_MARGIN * cell, ly + LENS_MARGIN * cell, k * cell, k * cell, ctx.pal().window(), lw);
        tf.lastStep().filter(st -> !st.lastOfCell()).ifPresent(st -> p.strokeRect(
                lx + (st.inX() - f.inX0() + LENS_MARGIN) * cell, ly + (st.inY() - f.inY0() + LENS_MARGIN) * cell,
                cell, cell, ctx.pal().current(), Math.max(2, lw * 0.6)));
        p.strokeRect(lx - 3, ly - 3, size + 6, size + 6, ctx.pal().muted(), 1.5);
        p.text("×" + Math.round(cell / c), lx + size - 4, ly + size - ctx.body() * 0.6, ctx.body() * 0.8, true,
                ctx.pal().muted(), Painter.Align.RIGHT);
    }

    private static int pad(TraceFrame tf) {
        return tf.trace().geometry().padding();
    }

    /**
     * The output maps, one tile per output channel captioned by {@code captions}, cells filled as far as
     * computed, the focus cell framed. Returns the focus cell's box.
     */
    public static Box outputs(SceneContext ctx, Box box, TraceFrame tf, List<String> captions) {
        var out = tf.output();
        double cap = ctx.body() * 1.3;
        double legendH = ctx.body() * 2.2;
        Box tilesBox = box.h > 4 * legendH ? new Box(box.x, box.y, box.w, box.h - legendH) : box;
        List<Box> cells = Draw.tiles(tilesBox, out.channels(), out.width(), out.height(), ctx.gap() / 2, cap);
        CellDetail f = tf.focus();
        Box focus = box;
        for (int o = 0; o < out.channels(); o++) {
            Box cell = cells.get(o);
            String caption = o < captions.size() ? captions.get(o) : "#" + o;
            boolean cur = o == f.outChannel();
            Draw.caption(ctx.p(), caption, cell.centerX(), cell.y + cap / 2, cell.w, ctx.body(), cur,
                    cur ? ctx.pal().text() : ctx.pal().muted());
            Raster r = Heatmaps.output(out, o, ctx.pal().pending(), ctx.pal().isDark());
            Box g = Draw.tile(ctx.p(), ctx.pal(), cell.belowTop(cap), r);
            ctx.hits().add(new HitMap.Area(tf.role(), o, out.height(), out.width(), g));
            if (cur) {
                focus = Draw.pixel(g, r, f.outX(), f.outY());
                double lw = ctx.highlight();
                ctx.p().strokeRect(focus.x - lw / 2, focus.y - lw / 2, focus.w + lw, focus.h + lw,
                        ctx.pal().current(), lw);
                crosshair(ctx, focus, ctx.pal().current(), lw);
            }
        }
        if (tilesBox != box && out.channels() > 0) {
            int o = Math.max(0, Math.min(out.channels() - 1, f.outChannel()));
            String name = o < captions.size() ? captions.get(o) : "#" + o;
            legend(ctx, new Box(box.x, box.bottom() - legendH, box.w, legendH), out.scale(o),
                    Draw.withoutParenthesis(name));
        }
        return focus;
    }

    /**
     * The colour key of one map: a bar from the low to the high end of its scale with the values at the ends
     * (and 0 in the middle of a diverging scale), after the map's name.
     */
    public static void legend(SceneContext ctx, Box box, MapScale s, String mapName) {
        Painter p = ctx.p();
        double size = ctx.body() * 0.85;
        double barH = Math.max(8, size * 0.8);
        double y = box.y + box.h * 0.35;
        String head = ctx.words().get("scene.colour-scale", mapName);
        double headW = Math.min(box.w * 0.45, p.textWidth(head, size, false) + ctx.gap());
        Draw.caption(p, head, box.x + headW / 2, y, headW, size, false, ctx.pal().muted());
        double bx = box.x + headW;
        double bw = Math.max(40, box.w - headW - ctx.gap());
        int steps = 48;
        for (int i = 0; i < steps; i++) {
            float v = s.lo() + (s.hi() - s.lo()) * (i + 0.5f) / steps;
            p.fillRect(bx + bw * i / steps, y - barH / 2, bw / steps + 0.5, barH,
                    Heatmaps.color(s, v, ctx.pal().isDark()));
        }
        p.strokeRect(bx, y - barH / 2, bw, barH, ctx.pal().muted(), 1);
        double ly = y + barH / 2 + size * 0.7;
        p.text(Numbers.sum(s.lo()), bx, ly, size, false, ctx.pal().text(), Painter.Align.LEFT);
        p.text(Numbers.sum(s.hi()), bx + bw, ly, size, false, ctx.pal().text(), Painter.Align.RIGHT);
        if (s.signed()) {
            p.text("0", bx + bw / 2, ly, size, false, ctx.pal().text(), Painter.Align.CENTER);
        }
    }

    /** Kernel captions of a trace's output channels in the current language. */
    public static List<String> kernelCaptions(SceneContext ctx, TraceFrame tf) {
        return tf.trace().bank().labels().stream().map(l -> kernelName(ctx, l)).toList();
    }

    /**
     * "kernel.sobel-x" looked up; a numbered label without a name ({@code mix-3}, {@code learned-7}) becomes
     * "output 3"; anything else stays as it is.
     */
    public static String kernelName(SceneContext ctx, String label) {
        String key = "kernel." + label;
        String w = ctx.words().get(key);
        if (!w.equals(key)) {
            return w;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(".*-(\\d+)").matcher(label);
        return m.matches() ? ctx.words().get("scene.out-channel", Integer.parseInt(m.group(1))) : label;
    }
}
