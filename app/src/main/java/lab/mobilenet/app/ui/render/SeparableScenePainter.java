package lab.mobilenet.app.ui.render;

import java.util.List;
import lab.mobilenet.lessons.Comparison;
import lab.mobilenet.lessons.Counters;
import lab.mobilenet.lessons.LessonFrame;
import lab.mobilenet.lessons.TraceFrame;

/**
 * Standard convolution against depthwise + pointwise on the same photo, both stepping one multiply-add per
 * tick: left the standard output growing, right the depthwise maps then the pointwise outputs, below a bar
 * for each side's MACs and the measured ratio next to the paper's 1/N + 1/D_K².
 */
public final class SeparableScenePainter {

    private SeparableScenePainter() {
    }

    public static void paint(SceneContext ctx, Box box, LessonFrame frame, Comparison cmp) {
        List<TraceFrame> t = frame.traces();
        TraceFrame std = t.get(0);
        TraceFrame dw = t.get(1);
        TraceFrame pw = t.get(2);
        Box top = box.topPart(0.62);
        Box bottom = box.bottomPart(0.65);
        Box left = top.leftPart(0.38);
        Box right = top.rightPart(0.40);
        var w = ctx.words();
        Box l = Draw.title(ctx.p(), ctx.pal(), left, w.get("scene.standard-side"), ctx.heading());
        Box lIn = l.topPart(0.45);
        Box lOut = l.bottomPart(0.5);
        Box win = MapViews.photoWithWindow(ctx, lIn, std);
        Box cell = MapViews.outputs(ctx, lOut, std, MapViews.kernelCaptions(ctx, std));
        Draw.arrow(ctx.p(), win.centerX(), win.bottom() + 4, cell.centerX(), cell.y - 6, ctx.pal().window(), 2);

        Box r = Draw.title(ctx.p(), ctx.pal(), right, w.get("scene.separable-side"), ctx.heading());
        Box rDw = r.leftPart(0.48);
        Box rPw = r.rightPart(0.52);
        Box dwT = Draw.title(ctx.p(), ctx.pal(), rDw, w.get("trace.depthwise"), ctx.body());
        Box pwT = Draw.title(ctx.p(), ctx.pal(), rPw, w.get("trace.pointwise"), ctx.body());
        MapViews.outputs(ctx, dwT, dw, channelCaptions(dw));
        MapViews.outputs(ctx, pwT, pw, MapViews.kernelCaptions(ctx, pw));

        bars(ctx, bottom.inset(ctx.gap() / 2), cmp);
    }

    private static List<String> channelCaptions(TraceFrame tf) {
        int n = tf.output().channels();
        return java.util.stream.IntStream.range(0, n).mapToObj(c -> Channels.name(c, n)).toList();
    }

    private static void bars(SceneContext ctx, Box box, Comparison cmp) {
        var w = ctx.words();
        Counters s = cmp.standard();
        Counters p = cmp.separable();
        double h = Math.min(box.h / 4.2, ctx.big() * 1.3);
        double labelW = box.w * 0.18;
        Box b1 = new Box(box.x + labelW, box.y, box.w - labelW, h);
        Box b2 = new Box(box.x + labelW, box.y + h * 1.3, b1.w * ((double) p.macsTotal() / s.macsTotal()), h);
        ctx.p().text(w.get("scene.standard-side"), box.x, b1.centerY(), ctx.p().fitSize(w.get("scene.standard-side"),
                labelW - 8, ctx.body(), true), true, ctx.pal().text(), Painter.Align.LEFT);
        ctx.p().text(w.get("scene.separable-side"), box.x, b2.centerY(), ctx.p().fitSize(
                w.get("scene.separable-side"), labelW - 8, ctx.body(), true), true, ctx.pal().text(),
                Painter.Align.LEFT);
        Draw.bar(ctx.p(), ctx.pal(), b1, s.fraction(), Palette.alpha(ctx.pal().weight(), 170),
                Numbers.count(s.macsDone()) + " / " + Numbers.count(s.macsTotal()) + " MACs", ctx.body());
        Box full2 = new Box(b2.x, b2.y, b1.w, h);
        ctx.p().strokeRect(full2.x, full2.y, full2.w, full2.h, Palette.alpha(ctx.pal().muted(), 90), 1);
        Draw.bar(ctx.p(), ctx.pal(), b2, p.fraction(), Palette.alpha(ctx.pal().product(), 170),
                Numbers.count(p.macsDone()) + " / " + Numbers.count(p.macsTotal()), ctx.body());
        String measured = cmp.measuredRatio().isPresent() ? Numbers.ratio(cmp.measuredRatio().getAsDouble()) : "—";
        String line = w.get("scene.ratio-measured", measured, Numbers.ratio(cmp.totalRatio()));
        double y = b2.bottom() + h * 0.9;
        ctx.p().text(line, box.x, y, ctx.p().fitSize(line, box.w, ctx.big() * 0.8, true), true, ctx.pal().current(),
                Painter.Align.LEFT);
        String exp = w.get("scene.ratio-expected", cmp.ratioFormula().text());
        ctx.p().text(exp, box.x, y + ctx.big(), ctx.p().fitSize(exp, box.w, ctx.body(), false), false,
                ctx.pal().text(), Painter.Align.LEFT);
    }
}
