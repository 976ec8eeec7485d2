package lab.mobilenet.app.ui.explorer;

import java.util.Locale;
import lab.mobilenet.app.ui.render.Painter;
import lab.mobilenet.app.ui.render.Palette;
import lab.mobilenet.engine.runtime.ActivationSnapshot;

/**
 * Squeeze-excite's gate ({@code ….se.gate}, one hard-sigmoid value per channel, {@code 1×C×1×1}) as a strip of
 * C bars on a 0…1 scale: how much of each channel the block lets through. A 1×1 "map" per channel would show
 * nothing but one colour, and the height of a bar reads better than a shade. The numbers are factors, so the
 * captions are language-neutral ({@code ×0.46 … ×0.53}).
 */
final class GateBarsPainter {

    private static final double LEFT = 34;
    private static final double TOP = 14;

    private GateBarsPainter() {
    }

    /** Whether {@code a} is a squeeze-excite gate, which this painter draws instead of the feature-map grid. */
    static boolean isGate(ActivationSnapshot a) {
        return a.layer().endsWith(".se.gate") && FeatureMapPainter.chw(a)[1] == 1 && FeatureMapPainter.chw(a)[2] == 1;
    }

    /**
     * @return the layout for the value under the mouse: one row of C cells, as tall as the bars
     */
    static FeatureMapPainter.Layout paint(Painter p, Palette pal, ActivationSnapshot a, int selectedChannel) {
        p.fillRect(0, 0, p.width(), p.height(), pal.background());
        int c = FeatureMapPainter.chw(a)[0];
        double plotW = Math.max(c, p.width() - LEFT - 10);
        double cell = plotW / c;
        double plotH = Math.max(40, Math.min(160, p.height() - TOP - 40));
        double base = TOP + plotH;
        for (double tick : new double[] {0, 0.5, 1}) {
            double y = base - tick * plotH;
            p.line(LEFT, y, LEFT + plotW, y, tick == 0 ? pal.muted() : Palette.alpha(pal.muted(), 90), 1);
            p.text(String.format(Locale.ROOT, "%.1f", tick), LEFT - 4, y, 11, false, pal.muted(), Painter.Align.RIGHT);
        }
        double gap = cell >= 4 ? 1 : 0;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < c; i++) {
            float v = a.value(i);
            min = Math.min(min, v);
            max = Math.max(max, v);
            double h = Math.max(0, Math.min(1, v)) * plotH;
            p.fillRect(LEFT + i * cell, base - h, Math.max(1, cell - gap), h, pal.weight());
        }
        int sel = Math.max(0, Math.min(c - 1, selectedChannel));
        p.strokeRect(LEFT + sel * cell, TOP, Math.max(2, cell), plotH, pal.current(), 2);
        p.text(String.format(Locale.ROOT, "C = %d   ×%.3g … ×%.3g", c, min, max), LEFT,
                base + 16, 12, false, pal.text(), Painter.Align.LEFT);
        int rows = (int) Math.ceil(plotH / cell);
        return new FeatureMapPainter.Layout(c, rows, c, LEFT, TOP, 0, c, LEFT, TOP, cell);
    }
}
