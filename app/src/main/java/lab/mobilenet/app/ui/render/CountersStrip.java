package lab.mobilenet.app.ui.render;

import lab.mobilenet.lessons.Counters;
import lab.mobilenet.lessons.Formula;
import lab.mobilenet.lessons.LessonFrame;

/**
 * The counters and the first formula as one strip of text, for pictures that leave the app (slides, GIFs)
 * and so cannot show the window's side panel.
 */
public final class CountersStrip {

    private CountersStrip() {
    }

    /** Height the strip needs in {@code ctx}. */
    public static double height(SceneContext ctx) {
        return ctx.body() * 4.2;
    }

    public static void paint(SceneContext ctx, Box box, LessonFrame frame) {
        Painter p = ctx.p();
        var w = ctx.words();
        p.fillRect(box.x, box.y, box.w, box.h, ctx.pal().panel());
        if (frame == null) {
            return;
        }
        Counters c = FrameCounters.of(frame);
        String line1 = w.get("counters.macs") + ": " + Numbers.count(c.macsDone()) + " / "
                + Numbers.count(c.macsTotal()) + "    " + w.get("counters.params") + ": " + Numbers.count(c.params())
                + "    " + w.get("counters.bytes-read") + ": " + Numbers.bytes(c.bytesRead()) + "    "
                + w.get("counters.bytes-written") + ": " + Numbers.bytes(c.bytesWritten());
        double pad = ctx.gap();
        p.text(line1, box.x + pad, box.y + box.h * 0.3, p.fitSize(line1, box.w - 2 * pad, ctx.body(), true), true,
                ctx.pal().text(), Painter.Align.LEFT);
        if (!frame.formulas().isEmpty()) {
            Formula f = frame.formulas().get(0);
            String line2 = w.get(f.nameKey()) + ":  " + f.text();
            p.text(line2, box.x + pad, box.y + box.h * 0.72, p.fitSize(line2, box.w - 2 * pad, ctx.body(), false),
                    false, ctx.pal().weight(), Painter.Align.LEFT);
        }
    }
}
