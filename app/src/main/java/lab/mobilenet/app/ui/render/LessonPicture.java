package lab.mobilenet.app.ui.render;

import java.util.Locale;
import lab.mobilenet.lessons.LessonFrame;
import lab.mobilenet.lessons.TraceFrame;

/**
 * Draws a whole lesson frame: picks the scene from what the frame carries (a matrix view → im2col, a
 * comparison → separable vs standard, group costs → groups, a multiplier table, a real block, the spiral of
 * the linear-bottleneck lesson, otherwise the
 * convolution scene of the leading trace) so it keeps working whatever the lesson ids are. Used by the desktop canvas and by the exporter.
 */
public final class LessonPicture {

    private LessonPicture() {
    }

    /** Paints {@code frame} over the whole painter area; {@code title} goes on top when not empty. */
    public static void paint(SceneContext ctx, LessonFrame frame, String title) {
        Painter p = ctx.p();
        p.fillRect(0, 0, p.width(), p.height(), ctx.pal().background());
        Box box = new Box(0, 0, p.width(), p.height()).inset(ctx.gap());
        if (!title.isEmpty()) {
            box = Draw.title(p, ctx.pal(), box, title, ctx.heading() * 1.2);
        }
        if (frame == null) {
            p.text(ctx.words().get("scene.loading"), box.centerX(), box.centerY(), ctx.heading(), false,
                    ctx.pal().muted(), Painter.Align.CENTER);
            return;
        }
        if (frame.multipliers().isPresent()) {
            MultipliersScenePainter.paint(ctx, box, frame.multipliers().get());
            return;
        }
        if (frame.block().isPresent()) {
            BlockScenePainter.paint(ctx, box, frame.block().get());
            return;
        }
        if (frame.bottleneck().isPresent()) {
            BottleneckScenePainter.paint(ctx, box, frame.bottleneck().get());
            return;
        }
        if (frame.traces().isEmpty()) {
            textOnly(ctx, box, frame);
            return;
        }
        TraceFrame lead = frame.traces().get(0);
        if (frame.gemm().isPresent()) {
            Im2colScenePainter.paint(ctx, box, lead, frame.gemm().get());
        } else if (frame.comparison().isPresent() && frame.traces().size() >= 3) {
            SeparableScenePainter.paint(ctx, box, frame, frame.comparison().get());
        } else if (!frame.groupCosts().isEmpty()) {
            GroupsScenePainter.paint(ctx, box, lead, frame.groupCosts());
        } else {
            ConvScenePainter.paint(ctx, box, lead);
        }
    }

    /** A lesson without a trace yet: its formulas, large. */
    private static void textOnly(SceneContext ctx, Box box, LessonFrame frame) {
        String head = ctx.words().get(frame.formulas().isEmpty() ? "lesson.needs-engine-model" : "scene.needs-model");
        Box rest = Draw.title(ctx.p(), ctx.pal(), box, head, ctx.heading());
        double y = rest.y + ctx.big();
        for (var f : frame.formulas()) {
            String caption = ctx.words().get(f.nameKey());
            ctx.p().text(caption.equals(f.nameKey()) ? f.id().toUpperCase(Locale.ROOT) : caption, rest.x, y,
                    ctx.body(), true, ctx.pal().muted(), Painter.Align.LEFT);
            String sym = f.symbolic();
            String num = "= " + f.substituted();
            ctx.p().text(sym, rest.x, y + ctx.big() * 0.9, ctx.p().fitSize(sym, rest.w, ctx.big() * 0.8, false), false,
                    ctx.pal().text(), Painter.Align.LEFT);
            ctx.p().text(num, rest.x, y + ctx.big() * 1.8, ctx.p().fitSize(num, rest.w, ctx.big() * 0.8, true), true,
                    ctx.pal().weight(), Painter.Align.LEFT);
            y += ctx.big() * 3;
        }
    }
}
