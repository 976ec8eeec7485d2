package lab.mobilenet.app.ui.render;

import java.util.List;
import java.util.Locale;
import lab.mobilenet.lessons.BottleneckFrame;
import lab.mobilenet.lessons.BottleneckLesson;
import lab.mobilenet.lessons.LinearBottleneck;
import lab.mobilenet.lessons.ProjectionBlock;

/**
 * Lesson 10, why the bottleneck is linear: on top the spiral, what comes back through n dimensions and ReLU,
 * and what comes back without ReLU, every point coloured by its place along the spiral (so the eye follows
 * which arm was folded away); below, the surviving share for every n and the real MobileNetV2 block whose
 * projection is linear for this reason.
 */
public final class BottleneckScenePainter {

    private BottleneckScenePainter() {
    }

    public static void paint(SceneContext ctx, Box box, BottleneckFrame f) {
        var w = ctx.words();
        double gap = ctx.gap();
        Box top = box.topPart(0.62);
        Box bottom = box.bottomPart(0.64);
        int p = f.input().size();
        boolean[] kept = f.survivors();
        String tolerance = percent(LinearBottleneck.TOLERANCE);
        plot(ctx, top.column(0, 3, gap * 1.5), w.get("scene.bottleneck-input"), f.input(), kept, true,
                w.get("scene.bottleneck-input-note", p), w.get("scene.bottleneck-lost", f.n()), false);
        // the formulas are the same in every language: built here, not in the bundles
        String relu = "y = T⁺[2×" + f.n() + "]·ReLU(T[" + f.n() + "×2]·x)";
        String linear = "y = T⁺[2×" + f.n() + "]·T[" + f.n() + "×2]·x";
        plot(ctx, top.column(1, 3, gap * 1.5), relu, f.relu(), kept, false,
                w.get("scene.bottleneck-survive", percent(f.reluSurvival().share()), f.surviving(), p),
                w.get("scene.bottleneck-tolerance", tolerance), true);
        int linearKept = (int) Math.round(f.linearSurvival().share() * p);
        plot(ctx, top.column(2, 3, gap * 1.5), linear, f.linear(), kept, false,
                w.get("scene.bottleneck-survive", percent(f.linearSurvival().share()), linearKept, p),
                w.get("scene.bottleneck-exact"), false);
        Box lower = bottom.inset(gap / 2);
        // the block's sentence needs the width more than the 29 bars do
        chart(ctx, lower.leftPart(0.36), f);
        block(ctx, lower.rightPart(0.39), f.block());
    }

    /**
     * One point cloud fitted into a square, lines joining neighbours along the spiral; with {@code hollowLost}
     * the points that do not survive are drawn hollow. Two caption lines below.
     */
    private static void plot(SceneContext ctx, Box box, String title, BottleneckFrame.Points pts, boolean[] kept,
                             boolean hollowLost, String caption, String note, boolean lit) {
        Painter p = ctx.p();
        Palette pal = ctx.pal();
        Box rest = Draw.centeredTitle(p, pal, box, title, ctx.body(), lit ? pal.current() : pal.text());
        double captionH = ctx.body() * 2.6;
        double side = Math.max(10, Math.min(rest.w, rest.h - captionH));
        Box area = new Box(rest.centerX() - side / 2, rest.y, side, side);
        p.fillRect(area.x, area.y, area.w, area.h, pal.panel());
        p.strokeRect(area.x, area.y, area.w, area.h, lit ? pal.current() : pal.muted(), lit ? 2 : 1);
        double[] xs = pts.xs();
        double[] ys = pts.ys();
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int k = 0; k < xs.length; k++) {
            minX = Math.min(minX, xs[k]);
            maxX = Math.max(maxX, xs[k]);
            minY = Math.min(minY, ys[k]);
            maxY = Math.max(maxY, ys[k]);
        }
        // one scale for both axes, so a spiral folded onto a line looks like a line and not a stretched curve
        double range = Math.max(1e-9, Math.max(maxX - minX, maxY - minY)) * 1.12;
        double cx = (minX + maxX) / 2;
        double cy = (minY + maxY) / 2;
        double s = side / range;
        double ox = area.centerX();
        double oy = area.centerY();
        int axis = Palette.alpha(pal.muted(), 90);
        if (minX <= 0 && maxX >= 0) {
            double x0 = ox - cx * s;
            p.line(x0, area.y, x0, area.bottom(), axis, 1);
        }
        if (minY <= 0 && maxY >= 0) {
            double y0 = oy + cy * s;
            p.line(area.x, y0, area.right(), y0, axis, 1);
        }
        p.pushClip(area.x, area.y, area.w, area.h);
        int n = xs.length;
        double lw = Math.max(1, ctx.unit() * 1.2);
        for (int k = 1; k < n; k++) {
            p.line(ox + (xs[k - 1] - cx) * s, oy - (ys[k - 1] - cy) * s, ox + (xs[k] - cx) * s,
                    oy - (ys[k] - cy) * s, Palette.alpha(along(k / (double) (n - 1)), 150), lw);
        }
        double d = Math.max(3, side / 70);
        for (int k = 0; k < n; k++) {
            double px = ox + (xs[k] - cx) * s - d / 2;
            double py = oy - (ys[k] - cy) * s - d / 2;
            int c = along(k / (double) (n - 1));
            if (hollowLost && !kept[k]) {
                p.fillRect(px, py, d, d, pal.panel());
                p.strokeRect(px, py, d, d, c, Math.max(1, d / 4));
            } else {
                p.fillRect(px, py, d, d, c);
            }
        }
        p.popClip();
        double y = area.bottom() + ctx.body() * 0.85;
        Draw.caption(p, caption, rest.centerX(), y, rest.w, ctx.body(), true, lit ? pal.current() : pal.text());
        Draw.caption(p, note, rest.centerX(), y + ctx.body() * 1.25, rest.w, ctx.body() * 0.85, false, pal.muted());
    }

    /** The surviving share for every n as bars, the current n lit and labelled. */
    private static void chart(SceneContext ctx, Box box, BottleneckFrame f) {
        Painter p = ctx.p();
        Palette pal = ctx.pal();
        var w = ctx.words();
        Box rest = Draw.title(p, pal, box, w.get("scene.bottleneck-chart", BottleneckLesson.MIN_N,
                BottleneckLesson.MAX_N), ctx.body());
        List<Double> share = f.shareByN();
        double labelW = p.textWidth("100 %", ctx.body() * 0.8, false) + ctx.gap() / 2;
        double top = ctx.body() * 1.3; // room for the current bar's label
        double bottomH = ctx.body() * 1.3;
        Box bars = new Box(rest.x + labelW, rest.y + top, Math.max(10, rest.w - labelW),
                Math.max(10, rest.h - top - bottomH));
        for (double v : new double[] {0, 0.5, 1}) {
            double y = bars.bottom() - v * bars.h;
            p.line(bars.x, y, bars.right(), y, Palette.alpha(pal.muted(), 70), 1);
            p.text(percent(v), bars.x - ctx.gap() / 3, y, ctx.body() * 0.8, false, pal.muted(), Painter.Align.RIGHT);
        }
        int count = share.size();
        double bw = bars.w / count;
        for (int i = 0; i < count; i++) {
            int n = BottleneckLesson.MIN_N + i;
            double h = share.get(i) * bars.h;
            boolean current = n == f.n();
            int c = current ? pal.current() : Palette.alpha(pal.weight(), 150);
            p.fillRect(bars.x + i * bw + bw * 0.12, bars.bottom() - h, bw * 0.76, Math.max(1, h), c);
            if (n == BottleneckLesson.MIN_N || n % 5 == 0 || current) {
                p.text(String.valueOf(n), bars.x + (i + 0.5) * bw, bars.bottom() + bottomH * 0.55,
                        ctx.body() * 0.8, current, current ? pal.current() : pal.muted(), Painter.Align.CENTER);
            }
            if (current) {
                String label = "n = " + n + ": " + percent(share.get(i));
                double x = bars.x + (i + 0.5) * bw;
                double tw = p.textWidth(label, ctx.body() * 0.85, true);
                // keep the label inside the chart whichever end the bar is at
                double lx = Math.max(bars.x + tw / 2, Math.min(bars.right() - tw / 2, x));
                double ly = bars.bottom() - h - ctx.body() * 0.6;
                p.fillRect(lx - tw / 2 - 2, ly - ctx.body() * 0.5, tw + 4, ctx.body(), Palette.alpha(pal.background(),
                        220));
                p.text(label, lx, ly, ctx.body() * 0.85, true, pal.current(), Painter.Align.CENTER);
            }
        }
    }

    /**
     * The V2 block as four bars, thin–wide–wide–thin with their channel counts, the three convolutions between
     * them with their activation (the projection's "none" lit), and why, in the lesson's words.
     */
    private static void block(SceneContext ctx, Box box, ProjectionBlock b) {
        Painter p = ctx.p();
        Palette pal = ctx.pal();
        var w = ctx.words();
        Box rest = Draw.title(p, pal, box, w.get("scene.bottleneck-v2", b.network(), b.block()), ctx.body());
        Box diagram = rest.top(Math.min(rest.h * 0.46, ctx.body() * 4.8));
        int[] channels = {b.inChannels(), b.expanded(), b.expanded(), b.outChannels()};
        String[] ops = {w.get("scene.bottleneck-expand"), w.get("scene.bottleneck-depthwise"),
            w.get("scene.bottleneck-project")};
        String[] acts = {b.expandAct().timmName().toUpperCase(Locale.ROOT).replace("RELU", "ReLU"),
            b.depthwiseAct().timmName().toUpperCase(Locale.ROOT).replace("RELU", "ReLU"),
            b.projectAct().map(a -> a.timmName()).orElse(w.get("scene.bottleneck-no-act"))};
        double barW = Math.max(8, diagram.w * 0.06);
        double opW = (diagram.w - 4 * barW) / 3;
        double maxH = diagram.h - ctx.body() * 1.2;
        int most = Math.max(channels[1], channels[0]);
        for (int i = 0; i < 4; i++) {
            double x = diagram.x + i * (barW + opW);
            double h = Math.max(4, maxH * channels[i] / most);
            double y = diagram.y + (maxH - h) / 2;
            boolean thin = i == 0 || i == 3;
            p.fillRect(x, y, barW, h, thin ? pal.current() : Palette.alpha(pal.weight(), 170));
            p.text(String.valueOf(channels[i]), x + barW / 2, diagram.y + maxH + ctx.body() * 0.6, ctx.body() * 0.85,
                    true, thin ? pal.current() : pal.text(), Painter.Align.CENTER);
        }
        for (int i = 0; i < 3; i++) {
            double x = diagram.x + barW + i * (barW + opW);
            double mid = diagram.y + maxH / 2;
            Draw.arrow(p, x + opW * 0.08, mid, x + opW * 0.92, mid, pal.muted(), Math.max(1, ctx.unit()));
            Draw.caption(p, ops[i], x + opW / 2, mid - ctx.body() * 0.75, opW * 0.96, ctx.body() * 0.8, false,
                    pal.text());
            boolean linear = i == 2 && b.projectAct().isEmpty();
            Draw.caption(p, acts[i], x + opW / 2, mid + ctx.body() * 0.8, opW * 0.96, ctx.body() * 0.8, linear,
                    linear ? pal.current() : pal.muted());
        }
        String why = w.get("scene.bottleneck-why", b.projectConv(), b.projectNorm().substring(
                b.projectNorm().lastIndexOf('.') + 1), b.outChannels(), b.expanded(), expansion(b.expansion()));
        Box text = rest.belowTop(diagram.h + ctx.body() * 0.5);
        wrapped(ctx, text, why, ctx.body() * 0.85);
    }

    /**
     * Text broken into lines that fit the box (at spaces, or anywhere in words without spaces, as in 中文), at
     * {@code size} or smaller down to 70 % if the lines would not fit the box's height otherwise.
     */
    static void wrapped(SceneContext ctx, Box box, String text, double size) {
        double s = size;
        List<String> lines = lines(ctx.p(), text, box.w, s);
        while (lines.size() * s * 1.3 > box.h && s > size * 0.7) {
            s *= 0.94;
            lines = lines(ctx.p(), text, box.w, s);
        }
        double lineH = s * 1.3;
        for (int i = 0; i < lines.size(); i++) {
            double y = box.y + lineH * (i + 0.5);
            if (y + lineH / 2 > box.bottom() + 1) {
                break;
            }
            ctx.p().text(lines.get(i), box.x, y, s, false, ctx.pal().text(), Painter.Align.LEFT);
        }
    }

    /** The words of {@code text}, with "x = 6" kept as one word so an equation is never split over two lines. */
    static List<String> unbroken(String text) {
        List<String> words = new java.util.ArrayList<>();
        String[] parts = text.split(" ");
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].equals("=") && !words.isEmpty() && i + 1 < parts.length) {
                words.set(words.size() - 1, words.get(words.size() - 1) + " = " + parts[++i]);
            } else {
                words.add(parts[i]);
            }
        }
        return words;
    }

    static List<String> lines(Painter p, String text, double width, double size) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : unbroken(text)) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (p.textWidth(candidate, size, false) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                out.add(line.toString());
                line.setLength(0);
            }
            // a word wider than the box (CJK text has few spaces): break it between characters
            for (int i = 0; i < word.length(); ) {
                int cp = word.codePointAt(i);
                String next = line + new String(Character.toChars(cp));
                if (p.textWidth(next, size, false) > width && line.length() > 0) {
                    out.add(line.toString());
                    line.setLength(0);
                    continue;
                }
                line.setLength(0);
                line.append(next);
                i += Character.charCount(cp);
            }
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }

    /** A place along the spiral, 0 … 1, as a colour from red through yellow and green to blue and violet. */
    static int along(double t) {
        double h = 0.8 * Math.max(0, Math.min(1, t)) * 6;
        int i = (int) Math.floor(h) % 6;
        double f = h - Math.floor(h);
        double v = 0.88;
        double s = 0.9;
        double pp = v * (1 - s);
        double q = v * (1 - s * f);
        double u = v * (1 - s * (1 - f));
        double r;
        double g;
        double b;
        switch (i) {
            case 0 -> { r = v; g = u; b = pp; }
            case 1 -> { r = q; g = v; b = pp; }
            case 2 -> { r = pp; g = v; b = u; }
            case 3 -> { r = pp; g = q; b = v; }
            case 4 -> { r = u; g = pp; b = v; }
            default -> { r = v; g = pp; b = q; }
        }
        return 0xFF000000 | ((int) Math.round(r * 255) << 16) | ((int) Math.round(g * 255) << 8)
                | (int) Math.round(b * 255);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * share);
    }

    private static String expansion(double t) {
        return t == Math.rint(t) ? String.valueOf((long) t) : String.format(Locale.ROOT, "%.1f", t);
    }
}
