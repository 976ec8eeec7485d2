package lab.mobilenet.app.ui.render;

import lab.mobilenet.lessons.ColumnMatrix;
import lab.mobilenet.lessons.GemmFrame;
import lab.mobilenet.lessons.GemmStep;
import lab.mobilenet.lessons.OutputMap;
import lab.mobilenet.lessons.TraceFrame;

/**
 * im2col + GEMM in the classic matrix-product layout: the column matrix B (one column per output pixel, one
 * row per channel·kernel offset) top right, the kernel matrix A (one row per output channel) bottom left,
 * and their product C bottom right under B, so the current patch, its column in B, the kernel row in A and
 * the output cell in C line up. A strip at the bottom compares the memory of B with the image's.
 */
public final class Im2colScenePainter {

    private Im2colScenePainter() {
    }

    public static void paint(SceneContext ctx, Box box, TraceFrame tf, GemmFrame gf) {
        var w = ctx.words();
        ColumnMatrix b = gf.columns();
        int n = tf.trace().geometry().outChannels();
        int kCols = gf.trace().kernelMatrixColumns();
        Box main = box.topPart(0.80);
        Box strip = box.bottomPart(0.82);
        double leftW = main.w * 0.30;
        double gap = ctx.gap();
        double topH = main.h * 0.62;
        Box topLeft = new Box(main.x, main.y, leftW - gap, topH - gap);
        Box topRight = new Box(main.x + leftW, main.y, main.w - leftW, topH - gap);
        Box botLeft = new Box(main.x, main.y + topH, leftW - gap, main.h - topH);
        Box botRight = new Box(main.x + leftW, main.y + topH, main.w - leftW, main.h - topH);

        Box inBox = Draw.title(ctx.p(), ctx.pal(), topLeft, w.get("scene.input-patch"), ctx.body());
        Box win = MapViews.photoWithWindow(ctx, inBox, tf);

        GemmStep s = gf.lastStep().orElseGet(() -> gf.nextStep().orElse(null));
        Box bBox = Draw.title(ctx.p(), ctx.pal(), topRight, w.get("scene.column-matrix", b.rows(), b.columns()),
                ctx.body());
        Raster bR = Heatmaps.grayMatrix(b.values(), b.rows(), b.columns());
        ctx.p().image(bR, bBox.x, bBox.y, bBox.w, bBox.h);
        ctx.p().strokeRect(bBox.x, bBox.y, bBox.w, bBox.h, ctx.pal().muted(), 1);
        double cw = bBox.w / b.columns();
        double rh = bBox.h / b.rows();

        Box aBox = Draw.title(ctx.p(), ctx.pal(), botLeft, w.get("scene.kernel-matrix", n, kCols), ctx.body());
        float[] a = gf.trace().kernelMatrix();
        Raster aR = Heatmaps.matrix(a, n, kCols, Heatmaps.absMax(a), ctx.pal().isDark());
        // A takes the upper part of its corner; col2im's output maps fill the rest
        double aRowH = Math.min(aBox.h * 0.4 / n, aBox.w / kCols * 3);
        Box aImg = new Box(aBox.x, aBox.y, aBox.w, aRowH * n);
        ctx.p().image(aR, aImg.x, aImg.y, aImg.w, aImg.h);
        ctx.p().strokeRect(aImg.x, aImg.y, aImg.w, aImg.h, ctx.pal().muted(), 1);

        Box cBox = Draw.title(ctx.p(), ctx.pal(), botRight, w.get("scene.product-matrix", n, b.columns()),
                ctx.body());
        Box cImg = new Box(cBox.x, aImg.y, cBox.w, aImg.h);
        OutputMap out = tf.output();
        Raster cR = productRaster(out, ctx);
        ctx.p().image(cR, cImg.x, cImg.y, cImg.w, cImg.h);
        ctx.p().strokeRect(cImg.x, cImg.y, cImg.w, cImg.h, ctx.pal().muted(), 1);

        double lw = ctx.highlight();
        if (s != null) {
            double colX = bBox.x + s.column() * cw;
            ctx.p().strokeRect(colX - lw / 2, bBox.y - lw / 2, Math.max(cw, 2) + lw, bBox.h + lw,
                    ctx.pal().window(), lw);
            ctx.p().strokeRect(bBox.x + s.column() * cw, bBox.y + s.matrixRow() * rh, Math.max(cw, 2),
                    Math.max(rh, 2), ctx.pal().current(), Math.max(1.5, lw / 2));
            double aw = aImg.w / kCols;
            ctx.p().strokeRect(aImg.x - lw / 2, aImg.y + s.outRow() * aRowH - lw / 2, aImg.w + lw, aRowH + lw,
                    ctx.pal().weight(), lw);
            ctx.p().strokeRect(aImg.x + s.depth() * aw, aImg.y + s.outRow() * aRowH, aw, aRowH,
                    ctx.pal().current(), Math.max(1.5, lw / 2));
            ctx.p().strokeRect(colX - lw / 2, cImg.y + s.outRow() * aRowH - lw / 2, Math.max(cw, 2) + lw,
                    aRowH + lw, ctx.pal().current(), lw);
            Draw.arrow(ctx.p(), win.right() + lw, win.y, colX - lw, bBox.y + ctx.body(),
                    Palette.alpha(ctx.pal().window(), 210), Math.max(2, lw * 0.6));
        }
        col2im(ctx, new Box(botLeft.x, aImg.bottom() + gap, botLeft.w, botLeft.bottom() - aImg.bottom() - gap), tf,
                s, colX(cImg, cw, s), cImg.y + (s == null ? 0 : s.outRow()) * aRowH + aRowH / 2);
        memory(ctx, strip.inset(gap / 3), gf);
    }

    private static double colX(Box cImg, double cw, GemmStep s) {
        return s == null ? cImg.x : cImg.x + (s.column() + 0.5) * cw;
    }

    /**
     * col2im closes the circle: each row of C, read back as H' × W', is one output map, the same maps a
     * convolution would have written. The cell just computed is framed and joined to its place in C.
     */
    private static void col2im(SceneContext ctx, Box box, TraceFrame tf, GemmStep s, double fromX, double fromY) {
        if (box.h < ctx.body() * 4 || box.w < 40) {
            return;
        }
        OutputMap out = tf.output();
        Box rest = Draw.title(ctx.p(), ctx.pal(), box, ctx.words().get("scene.col2im", out.height(), out.width()),
                ctx.body());
        java.util.List<Box> tiles = Draw.tiles(rest, out.channels(), out.width(), out.height(), ctx.gap() / 2, 0);
        for (int o = 0; o < out.channels(); o++) {
            Raster r = Heatmaps.output(out, o, ctx.pal().pending(), ctx.pal().isDark());
            Box g = Draw.tile(ctx.p(), ctx.pal(), tiles.get(o), r);
            if (s != null && o == s.outRow()) {
                lab.mobilenet.lessons.Im2col.Cell cell = lab.mobilenet.lessons.Im2col.outputCell(s.column(),
                        out.width());
                Box px = Draw.pixel(g, r, cell.x(), cell.y());
                double lw = ctx.highlight();
                ctx.p().strokeRect(px.x - lw / 2, px.y - lw / 2, px.w + lw, px.h + lw, ctx.pal().current(), lw);
                Draw.arrow(ctx.p(), fromX, fromY, px.right() + lw, px.centerY(),
                        Palette.alpha(ctx.pal().current(), 170), Math.max(1.5, lw * 0.5));
            }
        }
    }

    /** C = A·B as far as computed: row o, column y·W' + x, pending cells grey. */
    private static Raster productRaster(OutputMap out, SceneContext ctx) {
        int cols = out.height() * out.width();
        int[] px = new int[out.channels() * cols];
        for (int o = 0; o < out.channels(); o++) {
            var scale = out.scale(o); // row o of C is output map o: the same colours as its map
            for (int y = 0; y < out.height(); y++) {
                for (int x = 0; x < out.width(); x++) {
                    px[o * cols + y * out.width() + x] = out.state(o, y, x) == OutputMap.CellState.PENDING
                            ? ctx.pal().pending() : Heatmaps.color(scale, out.value(o, y, x), ctx.pal().isDark());
                }
            }
        }
        return Raster.of(cols, out.channels(), px);
    }

    private static void memory(SceneContext ctx, Box box, GemmFrame gf) {
        var w = ctx.words();
        ColumnMatrix b = gf.columns();
        double h = box.h / 3.2;
        double labelW = box.w * 0.2;
        double max = Math.max(b.bytes(), b.imageBytes());
        Box r1 = new Box(box.x + labelW, box.y, (box.w * 0.5 - labelW) * b.imageBytes() / max, h);
        Box r2 = new Box(box.x + labelW, box.y + h * 1.2, (box.w * 0.5 - labelW) * b.bytes() / max, h);
        String l1 = w.get("scene.memory-image");
        String l2 = w.get("scene.memory-columns");
        ctx.p().text(l1, box.x, r1.centerY(), ctx.p().fitSize(l1, labelW - 6, ctx.body(), true), true,
                ctx.pal().text(), Painter.Align.LEFT);
        ctx.p().text(l2, box.x, r2.centerY(), ctx.p().fitSize(l2, labelW - 6, ctx.body(), true), true,
                ctx.pal().text(), Painter.Align.LEFT);
        ctx.p().fillRect(r1.x, r1.y, r1.w, r1.h, Palette.alpha(ctx.pal().weight(), 160));
        ctx.p().fillRect(r2.x, r2.y, r2.w, r2.h, Palette.alpha(ctx.pal().window(), 190));
        ctx.p().text(Numbers.bytes(b.imageBytes()), r1.right() + 8, r1.centerY(), ctx.body(), true,
                ctx.pal().text(), Painter.Align.LEFT);
        ctx.p().text(Numbers.bytes(b.bytes()), r2.right() + 8, r2.centerY(), ctx.body(), true,
                ctx.pal().text(), Painter.Align.LEFT);
        Box f = box.rightPart(0.62);
        String factor = Numbers.factor(b.duplication());
        ctx.p().text(factor, f.x, f.y + h * 0.6, ctx.big() * 1.2, true, ctx.pal().current(), Painter.Align.LEFT);
        String text = w.get("scene.memory-duplication");
        ctx.p().text(text, f.x, f.y + h * 1.8, ctx.p().fitSize(text, f.w, ctx.body(), true), true,
                ctx.pal().text(), Painter.Align.LEFT);
    }
}
