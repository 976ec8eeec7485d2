package lab.mobilenet.app.ui.render;

import java.util.List;
import lab.mobilenet.lessons.GroupCost;
import lab.mobilenet.lessons.TraceFrame;

/**
 * Groups from 1 to M: the grouped convolution being traced (channels of the current group lit) beside a bar
 * for every divisor g of M with its MACs and parameters, the traced g highlighted. g = 1 is a standard
 * convolution, g = M depthwise; cost falls as 1/g.
 */
public final class GroupsScenePainter {

    private GroupsScenePainter() {
    }

    public static void paint(SceneContext ctx, Box box, TraceFrame tf, List<GroupCost> costs) {
        Box left = box.leftPart(0.66);
        Box right = box.rightPart(0.68).inset(ctx.gap() / 2);
        ConvScenePainter.paint(ctx, left, tf);
        Box rest = Draw.title(ctx.p(), ctx.pal(), right, ctx.words().get("scene.group-costs"), ctx.heading());
        int current = tf.trace().geometry().groups();
        long max = costs.stream().mapToLong(GroupCost::macs).max().orElse(1);
        int n = costs.size();
        double rowH = Math.min(rest.h / Math.max(1, n), ctx.big() * 2.2);
        double labelW = rest.w * 0.22;
        for (int i = 0; i < n; i++) {
            GroupCost c = costs.get(i);
            Box row = new Box(rest.x, rest.y + i * rowH, rest.w, rowH * 0.86);
            boolean cur = c.groups() == current;
            int color = cur ? ctx.pal().current() : ctx.pal().text();
            ctx.p().text("g = " + c.groups(), row.x, row.y + row.h * 0.3, ctx.body(), cur, color,
                    Painter.Align.LEFT);
            String kind = ctx.words().get("kind." + c.kind());
            ctx.p().text(kind, row.x, row.y + row.h * 0.72, ctx.p().fitSize(kind, labelW - 4, ctx.body() * 0.8, false),
                    false, ctx.pal().muted(), Painter.Align.LEFT);
            Box bar = new Box(row.x + labelW, row.y + row.h * 0.08, (row.w - labelW) * c.macs() / max,
                    row.h * 0.84);
            ctx.p().fillRect(bar.x, bar.y, Math.max(2, bar.w), bar.h,
                    cur ? Palette.alpha(ctx.pal().current(), 200) : Palette.alpha(ctx.pal().weight(), 140));
            String label = Numbers.count(c.macs()) + " MACs · " + Numbers.count(c.params()) + " params";
            ctx.p().text(label, row.x + labelW + 6, bar.centerY(),
                    ctx.p().fitSize(label, row.w - labelW - 8, ctx.body() * 0.85, cur), cur, ctx.pal().text(),
                    Painter.Align.LEFT);
        }
    }
}
