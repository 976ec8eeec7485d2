package lab.mobilenet.app.ui.render;

import lab.mobilenet.app.ui.render.Painter.Align;
import lab.mobilenet.lessons.CellDetail;
import lab.mobilenet.lessons.Step;
import lab.mobilenet.lessons.TraceFrame;

/**
 * The arithmetic of the output value being computed, with its real numbers: the input window, the kernel
 * weights, their element-wise products (only those already done) and the running sum. For a k×k kernel it
 * shows the current input channel's k×k grids and the partial sum of every channel; for a 1×1 kernel it shows
 * the M channel values at the pixel as vectors.
 */
public final class ArithmeticPainter {

    private ArithmeticPainter() {
    }

    /** Paints {@code tf}'s focus value into {@code box}. */
    public static void paint(SceneContext ctx, Box box, TraceFrame tf, String kernelName) {
        CellDetail cell = tf.focus();
        Painter p = ctx.p();
        Palette pal = ctx.pal();
        String head = ctx.words().get("scene.output-value", tf.focus().outChannel(), cell.outY(), cell.outX())
                + (kernelName.isEmpty() ? "" : "  ·  " + kernelName);
        Box rest = Draw.title(p, pal, box, head, ctx.body());
        if (cell.kernel() == 1) {
            vectors(ctx, rest, tf);
        } else {
            window(ctx, rest, tf);
        }
    }

    /** Index of the tap just done while the value is still half computed, else −1 (nothing to light). */
    private static int currentTap(TraceFrame tf) {
        return tf.tapsDone() > 0 && tf.tapsDone() < tf.focus().taps() ? tf.tapsDone() - 1 : -1;
    }

    /** The running sum shown: the step's own running sum, the final value once complete, the bias before. */
    private static float runningSum(TraceFrame tf) {
        CellDetail c = tf.focus();
        if (tf.tapsDone() >= c.taps()) {
            return c.value();
        }
        return tf.lastStep().map(Step::runningSum).orElse(c.bias());
    }

    private static void window(SceneContext ctx, Box box, TraceFrame tf) {
        Painter p = ctx.p();
        Palette pal = ctx.pal();
        CellDetail c = tf.focus();
        int k = c.kernel();
        int kk = k * k;
        int done = tf.tapsDone();
        int cur = currentTap(tf);
        int ch = done == 0 ? 0 : Math.min(c.inChannels() - 1, (done - 1) / kk);
        if (cur >= 0) {
            ch = cur / kk;
        }
        float[] in = c.inputs();
        boolean[] pad = c.padding();
        float[] w = c.weights();
        float[] pr = c.products();
        float wMax = Heatmaps.absMax(w);
        float pMax = Heatmaps.absMax(pr);
        int base = ch * kk;
        int litTap = cur >= 0 ? cur - base : -1;

        Box sums = box.rightPart(0.70);
        Box grids = box.leftPart(0.70);
        double opW = ctx.big() * 1.1;
        double gw = (grids.w - 2 * opW) / 3;
        Box gIn = new Box(grids.x, grids.y, gw, grids.h);
        Box gW = new Box(grids.x + gw + opW, grids.y, gw, grids.h);
        Box gP = new Box(grids.x + 2 * (gw + opW), grids.y, gw, grids.h);
        String chName = Channels.name(c.firstInChannel() + ch, tf.trace().input().channels());
        Box inBox = Draw.centeredTitle(p, pal, gIn, ctx.words().get("scene.inputs", chName), ctx.body(), pal.window());
        Box wBox = Draw.centeredTitle(p, pal, gW, ctx.words().get("scene.weights"), ctx.body(), pal.weight());
        Box pBox = Draw.centeredTitle(p, pal, gP, ctx.words().get("scene.products"), ctx.body(), pal.product());
        Box a = Draw.numberGrid(p, pal, inBox, k, k, i -> pad[base + i] ? "0" : Numbers.cell(in[base + i]),
                i -> pad[base + i] ? pal.padding() : ColorMaps.gray(in[base + i]), i -> i == litTap, pal.window());
        Draw.numberGrid(p, pal, wBox, k, k, i -> Numbers.cell(w[base + i]),
                i -> ColorMaps.diverging(w[base + i], wMax, pal.isDark()), i -> i == litTap, pal.window());
        Draw.numberGrid(p, pal, pBox, k, k, i -> base + i < done ? Numbers.cell(pr[base + i]) : "",
                i -> base + i < done ? ColorMaps.diverging(pr[base + i], pMax, pal.isDark()) : pal.pending(),
                i -> i == litTap, pal.window());
        double midY = a.centerY();
        p.text("×", gIn.right() + opW / 2, midY, ctx.big(), true, pal.text(), Align.CENTER);
        p.text("=", gW.right() + opW / 2, midY, ctx.big(), true, pal.text(), Align.CENTER);
        sums(ctx, sums.inset(ctx.gap() / 2), tf, ch);
    }

    /** Per-channel partial sums and the total. */
    private static void sums(SceneContext ctx, Box box, TraceFrame tf, int currentChannel) {
        Painter p = ctx.p();
        Palette pal = ctx.pal();
        CellDetail c = tf.focus();
        int kk = c.kernel() * c.kernel();
        float[] pr = c.products();
        int done = tf.tapsDone();
        int shown = Math.min(c.inChannels(), 6);
        double line = ctx.body() * 1.5;
        double y = box.y + line / 2;
        if (c.inChannels() > 1) {
            for (int ch = 0; ch < shown; ch++) {
                double s = 0;
                int n = 0;
                for (int t = ch * kk; t < (ch + 1) * kk && t < done; t++) {
                    s += pr[t];
                    n++;
                }
                String name = Channels.name(c.firstInChannel() + ch, tf.trace().input().channels());
                String v = n == 0 ? "—" : Numbers.sum((float) s) + (n == kk ? "" : " …");
                p.text("Σ " + name + " = " + v, box.x, y, ctx.body(), ch == currentChannel,
                        ch == currentChannel ? pal.text() : pal.muted(), Align.LEFT);
                y += line;
            }
            if (c.inChannels() > shown) {
                p.text("…", box.x, y, ctx.body(), false, pal.muted(), Align.LEFT);
                y += line;
            }
        }
        if (c.bias() != 0f) {
            p.text("+ bias " + Numbers.sum(c.bias()), box.x, y, ctx.body(), false, pal.muted(), Align.LEFT);
            y += line;
        }
        y += line * 0.3;
        String total = "Σ = " + Numbers.sum(runningSum(tf));
        p.text(total, box.x, y + ctx.big() / 2, p.fitSize(total, box.w, ctx.big(), true), true, pal.current(),
                Align.LEFT);
        String status = ctx.words().get("scene.taps", Math.min(done, c.taps()), c.taps());
        p.text(status, box.x, y + ctx.big() * 1.4, ctx.body(), false, pal.muted(), Align.LEFT);
    }

    private static void vectors(SceneContext ctx, Box box, TraceFrame tf) {
        Painter p = ctx.p();
        Palette pal = ctx.pal();
        CellDetail c = tf.focus();
        int m = c.taps();
        int done = tf.tapsDone();
        int cur = currentTap(tf);
        float[] in = c.inputs();
        float[] w = c.weights();
        float[] pr = c.products();
        float wMax = Heatmaps.absMax(w);
        float pMax = Heatmaps.absMax(pr);
        Box grids = box.leftPart(0.72);
        double labelW = Math.min(grids.w * 0.22, ctx.body() * 8);
        Box cells = new Box(grids.x + labelW, grids.y, grids.w - labelW, grids.h);
        // hundreds of channels (a real layer) do not fit: the page of them holding the tap being done
        int from = MapViews.pageStart(m, cur >= 0 ? cur : done == 0 ? 0 : done - 1);
        int shown = Math.min(m, MapViews.MAX_TILES);
        double cell = Math.min(cells.w / shown, cells.h / 3.4);
        String[] names = {ctx.words().get("scene.inputs-at-pixel"), ctx.words().get("scene.weights"),
            ctx.words().get("scene.products")};
        int[] colors = {pal.window(), pal.weight(), pal.product()};
        for (int r = 0; r < 3; r++) {
            Box row = new Box(cells.x, cells.y + r * cell * 1.15, cell * shown, cell);
            p.text(names[r], grids.x, row.centerY(), p.fitSize(names[r], labelW - 6, ctx.body(), true), true,
                    colors[r], Align.LEFT);
            int rr = r;
            Draw.numberGrid(p, pal, row, 1, shown,
                    j -> rr == 0 ? Numbers.cell(in[from + j]) : rr == 1 ? Numbers.cell(w[from + j])
                            : from + j < done ? Numbers.cell(pr[from + j]) : "",
                    j -> rr == 0 ? ColorMaps.gray(in[from + j]) : rr == 1
                            ? ColorMaps.diverging(w[from + j], wMax, pal.isDark())
                            : from + j < done ? ColorMaps.diverging(pr[from + j], pMax, pal.isDark()) : pal.pending(),
                    j -> from + j == cur, pal.window());
        }
        if (shown < m) {
            String which = Channels.name(from, m) + " … " + Channels.name(from + shown - 1, m) + "  (" + m + ")";
            p.text(which, cells.x, cells.y + 3 * cell * 1.15 + ctx.body(), ctx.body(), false, pal.muted(), Align.LEFT);
        }
        Box right = box.rightPart(0.74).inset(ctx.gap() / 2);
        String total = "Σ = " + Numbers.sum(runningSum(tf));
        p.text(total, right.x, right.y + ctx.big(), p.fitSize(total, right.w, ctx.big(), true), true, pal.current(),
                Align.LEFT);
        p.text(ctx.words().get("scene.taps", Math.min(done, m), m), right.x, right.y + ctx.big() * 2.1, ctx.body(),
                false, pal.muted(), Align.LEFT);
    }
}
