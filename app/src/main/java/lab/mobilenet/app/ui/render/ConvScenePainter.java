package lab.mobilenet.app.ui.render;

import lab.mobilenet.lessons.CellDetail;
import lab.mobilenet.lessons.TraceFrame;

/**
 * One convolution, overview → detail → arithmetic: above, the input with the sliding window, an arrow to the
 * output cell being computed and the output maps growing; below, that cell's numbers. The input is drawn as
 * the photo when the window reads all of an RGB image, and channel by channel otherwise (depthwise, grouped,
 * pointwise), so the teacher can show which channels each output reads.
 */
public final class ConvScenePainter {

    private ConvScenePainter() {
    }

    public static void paint(SceneContext ctx, Box box, TraceFrame tf) {
        Box top = box.topPart(0.56);
        Box bottom = box.bottomPart(0.58);
        Box left = top.leftPart(0.42);
        Box right = top.rightPart(0.50);
        var words = ctx.words();
        var g = tf.trace().geometry();
        CellDetail f = tf.focus();
        Box inBox = Draw.title(ctx.p(), ctx.pal(), left, words.get("scene.input", tf.trace().input().channels(),
                tf.trace().input().height(), tf.trace().input().width()), ctx.heading());
        Box outBox = Draw.title(ctx.p(), ctx.pal(), right, words.get("scene.output", g.outChannels(),
                tf.output().height(), tf.output().width()), ctx.heading());
        boolean photo = g.groups() == 1 && tf.trace().input().channels() == 3 && g.kernel() > 1;
        int kk = g.kernel() * g.kernel();
        int currentChannel = f.firstInChannel() + (tf.tapsDone() == 0 ? 0
                : Math.min(f.inChannels() - 1, (tf.tapsDone() - 1) / kk));
        Box win = photo ? MapViews.photoWithWindow(ctx, inBox, tf)
                : MapViews.channelTiles(ctx, inBox, tf, currentChannel);
        Box cell = MapViews.outputs(ctx, outBox, tf, MapViews.kernelCaptions(ctx, tf));
        Draw.arrow(ctx.p(), win.right() + ctx.highlight(), win.centerY(), cell.x - ctx.highlight() * 1.5,
                cell.centerY(), Palette.alpha(ctx.pal().window(), 200), Math.max(2, ctx.highlight() * 0.6));
        String label = tf.trace().bank().labels().get(f.outChannel());
        ArithmeticPainter.paint(ctx, bottom, tf, MapViews.kernelName(ctx, label));
    }
}
