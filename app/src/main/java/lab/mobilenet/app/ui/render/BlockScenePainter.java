package lab.mobilenet.app.ui.render;

import java.util.List;
import java.util.Locale;
import lab.mobilenet.engine.runtime.ActivationSnapshot;
import lab.mobilenet.lessons.ActivationSample;
import lab.mobilenet.lessons.BlockFrame;
import lab.mobilenet.lessons.BlockStage;
import lab.mobilenet.lessons.BlockWalkthrough;
import lab.mobilenet.lessons.StageKind;

/**
 * A real block run on the photo (V2 inverted residual, V3 with squeeze-excite): the stages as a pipeline of
 * boxes with their output shapes and MACs, the stage just done lit; below, its feature maps on the photo,
 * the picture the network saw, and the squeeze-excite gates or the activation's curve.
 */
public final class BlockScenePainter {

    /** Feature maps shown per stage. */
    private static final int MAPS = 8;

    private BlockScenePainter() {
    }

    public static void paint(SceneContext ctx, Box box, BlockFrame f) {
        BlockWalkthrough w = f.walkthrough();
        // the engine describes seeded weights in English; say it in the lesson's language (a file name needs no words)
        String weights = w.pretrained() ? w.weightsSource() : ctx.words().get("scene.weights-untrained");
        String head = w.network() + " · " + w.block() + " · " + weights;
        Box rest = Draw.title(ctx.p(), ctx.pal(), box, head, ctx.body());
        Box pipe = rest.topPart(0.30);
        Box lower = rest.bottomPart(0.33);
        pipeline(ctx, pipe, f);
        Box maps = lower.leftPart(0.64);
        Box side = lower.rightPart(0.66).inset(ctx.gap() / 2);
        ActivationSnapshot act = f.current().map(BlockStage::activation).orElse(w.blockInput());
        String which = f.current().map(s -> ctx.words().get(s.kind().nameKey())).orElse(ctx.words().get(
                "scene.block-input"));
        featureMaps(ctx, maps, act, which);
        Box crop = side.topPart(0.45);
        Box extra = side.bottomPart(0.5);
        Box cropBox = Draw.title(ctx.p(), ctx.pal(), crop, ctx.words().get("scene.network-input"), ctx.body());
        Draw.tile(ctx.p(), ctx.pal(), cropBox, crop(w));
        boolean seDone = w.seGates().isPresent() && f.current().map(s -> s.kind() == StageKind.SE).orElse(false);
        if (seDone) {
            gates(ctx, extra, w.seGates().get());
        } else {
            // after the linear 1×1 projection the block applies no activation: plot f(x) = x, not ReLU6
            boolean linear = f.current().map(s -> s.kind() == StageKind.PROJECT).orElse(false);
            curve(ctx, extra, linear ? ctx.words().get("scene.linear-projection") : w.activationFormula(),
                    linear ? BlockWalkthrough.samples(lab.mobilenet.engine.model.Activation.IDENTITY)
                            : w.activationSamples());
        }
    }

    private static void pipeline(SceneContext ctx, Box box, BlockFrame f) {
        List<BlockStage> stages = f.walkthrough().stages();
        int n = stages.size() + 1;
        double gap = ctx.gap() * 1.6;
        long total = Math.max(1, f.walkthrough().macs());
        for (int i = 0; i < n; i++) {
            Box b = box.column(i, n, gap).inset(2);
            boolean done = i <= f.stagesDone();
            boolean current = i == f.stagesDone();
            String name;
            String shape;
            String macs;
            if (i == 0) {
                name = ctx.words().get("scene.block-input");
                shape = f.walkthrough().inputShape().toString();
                macs = "";
            } else {
                BlockStage s = stages.get(i - 1);
                name = ctx.words().get(s.kind().nameKey());
                shape = s.output().toString();
                macs = Numbers.count(s.macs()) + " MACs";
                double share = (double) s.macs() / total;
                ctx.p().fillRect(b.x, b.bottom() - 6, b.w * share, 6, Palette.alpha(ctx.pal().window(), 220));
            }
            ctx.p().fillRect(b.x, b.y, b.w, b.h - 8, done ? ctx.pal().panel() : ctx.pal().background());
            ctx.p().strokeRect(b.x, b.y, b.w, b.h - 8, current ? ctx.pal().current() : ctx.pal().muted(),
                    current ? ctx.highlight() : 1);
            int color = done ? ctx.pal().text() : ctx.pal().muted();
            ctx.p().text(name, b.centerX(), b.y + b.h * 0.22, ctx.p().fitSize(name, b.w * 0.92, ctx.body(), true), true,
                    color, Painter.Align.CENTER);
            ctx.p().text(shape, b.centerX(), b.y + b.h * 0.48, ctx.p().fitSize(shape, b.w * 0.92, ctx.body(), false),
                    false, color, Painter.Align.CENTER);
            ctx.p().text(macs, b.centerX(), b.y + b.h * 0.72, ctx.p().fitSize(macs, b.w * 0.92, ctx.body() * 0.85,
                    false), false, color, Painter.Align.CENTER);
            if (i > 0) {
                Box prev = box.column(i - 1, n, gap);
                Draw.arrow(ctx.p(), prev.right() - 2, b.y + b.h * 0.4, b.x + 2, b.y + b.h * 0.4, ctx.pal().muted(), 2);
            }
        }
    }

    private static void featureMaps(SceneContext ctx, Box box, ActivationSnapshot a, String which) {
        long[] s = a.shape();
        int c = (int) s[1];
        int h = (int) s[2];
        int wd = (int) s[3];
        int shown = Math.min(MAPS, c);
        Box rest = Draw.title(ctx.p(), ctx.pal(), box, ctx.words().get("scene.feature-maps", which, shown, c),
                ctx.body());
        float[] v = a.values();
        List<Box> cells = Draw.tiles(rest, shown, wd, h, ctx.gap() / 2, 0);
        for (int ch = 0; ch < shown; ch++) {
            // each map on its own robust scale (padding border and extreme tails left out)
            lab.mobilenet.lessons.MapScale scale = lab.mobilenet.lessons.MapScale.ofInterior(v, h, wd, ch, 1);
            int[] px = new int[h * wd];
            for (int i = 0; i < px.length; i++) {
                px[i] = Heatmaps.color(scale, v[ch * h * wd + i], ctx.pal().isDark());
            }
            Draw.tile(ctx.p(), ctx.pal(), cells.get(ch), Raster.wrap(wd, h, px));
        }
    }

    private static Raster crop(BlockWalkthrough w) {
        var img = w.crop();
        int[] px = new int[img.width() * img.height()];
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                px[y * img.width() + x] = 0xFF000000 | img.rgbAt(x, y);
            }
        }
        return Raster.wrap(img.width(), img.height(), px);
    }

    private static void gates(SceneContext ctx, Box box, float[] g) {
        Box rest = Draw.title(ctx.p(), ctx.pal(), box, ctx.words().get("scene.se-gates", g.length), ctx.body());
        double bw = rest.w / g.length;
        for (int i = 0; i < g.length; i++) {
            double bh = rest.h * Math.max(0, Math.min(1, g[i]));
            ctx.p().fillRect(rest.x + i * bw, rest.bottom() - bh, Math.max(1, bw - 1), bh,
                    Palette.alpha(ctx.pal().product(), 210));
        }
        ctx.p().strokeRect(rest.x, rest.y, rest.w, rest.h, ctx.pal().muted(), 1);
    }

    private static void curve(SceneContext ctx, Box box, String title, List<ActivationSample> pts) {
        Box rest = Draw.title(ctx.p(), ctx.pal(), box, title, ctx.body());
        if (pts.size() < 2) {
            return;
        }
        float xMin = pts.get(0).x();
        float xMax = pts.get(pts.size() - 1).x();
        float yMin = Math.min(0, (float) pts.stream().mapToDouble(ActivationSample::y).min().orElse(0));
        float yMax = Math.max(1, (float) pts.stream().mapToDouble(ActivationSample::y).max().orElse(1));
        ctx.p().line(rest.x, sy(0, yMin, yMax, rest), rest.right(), sy(0, yMin, yMax, rest), ctx.pal().muted(), 1);
        ctx.p().line(sx(0, xMin, xMax, rest), rest.y, sx(0, xMin, xMax, rest), rest.bottom(), ctx.pal().muted(), 1);
        for (int i = 1; i < pts.size(); i++) {
            ActivationSample a = pts.get(i - 1);
            ActivationSample b = pts.get(i);
            ctx.p().line(sx(a.x(), xMin, xMax, rest), sy(a.y(), yMin, yMax, rest), sx(b.x(), xMin, xMax, rest),
                    sy(b.y(), yMin, yMax, rest), ctx.pal().weight(), Math.max(2, ctx.highlight() * 0.7));
        }
        ctx.p().text(String.format(Locale.ROOT, "x ∈ [%.0f, %.0f]", xMin, xMax), rest.right(), rest.bottom() - 8,
                ctx.body() * 0.8, false, ctx.pal().muted(), Painter.Align.RIGHT);
    }

    private static double sx(float x, float lo, float hi, Box b) {
        return b.x + (x - lo) / (hi - lo) * b.w;
    }

    private static double sy(float y, float lo, float hi, Box b) {
        return b.bottom() - (y - lo) / (hi - lo) * b.h;
    }
}
