package lab.mobilenet.app.ui.explorer;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import lab.mobilenet.app.ui.render.Painter;
import lab.mobilenet.app.ui.render.Palette;
import lab.mobilenet.engine.inspect.Inspection;
import lab.mobilenet.engine.inspect.InspectionRow;
import lab.mobilenet.engine.inspect.RooflineProbe;
import lab.mobilenet.engine.model.Architecture;

/**
 * The Explorer's charts, drawn through {@link Painter} so the screen and the PNG export are one picture:
 * where the compute goes (MACs beside measured time), a roofline of every layer, and accuracy against
 * MACs from the papers.
 */
public final class ChartPainters {

    /** Group colours: 1×1, depthwise, standard conv, the rest. */
    static final int[] GROUP_COLORS = {0xFF1D5FD6, 0xFFE0115F, 0xFF0F8A3C, 0xFF9CA3AF};
    static final int[] ARCH_COLORS = {0xFF1D5FD6, 0xFF0F8A3C, 0xFFE0115F, 0xFFFF7A00};

    private ChartPainters() {
    }

    /** Two stacked bars (MACs, measured time) split into the four groups, a legend, and the reason they differ. */
    public static void computeSplit(Painter p, Palette pal, ComputeShare s, Function<String, String> words) {
        p.fillRect(0, 0, p.width(), p.height(), pal.background());
        p.text(words.apply("split.title"), 12, 16, 15, true, pal.text(), Painter.Align.LEFT);
        double x0 = 130;
        double barW = p.width() - x0 - 20;
        String[] rows = {words.apply("split.macs"), words.apply("split.time")};
        for (int row = 0; row < 2; row++) {
            double y = 40 + row * 40;
            p.text(rows[row], 12, y + 14, 13, true, pal.text(), Painter.Align.LEFT);
            double x = x0;
            for (int g = 0; g < ComputeShare.GROUPS.size(); g++) {
                double share = row == 0 ? s.macsShare(g) : s.timeShare(g);
                double w = barW * share;
                p.fillRect(x, y, w, 28, GROUP_COLORS[g]);
                if (w > 44) {
                    p.text(String.format(Locale.ROOT, "%.1f%%", 100 * share), x + w / 2, y + 14, 12, true, 0xFFFFFFFF,
                            Painter.Align.CENTER);
                }
                x += w;
            }
        }
        double ly = 132;
        double lx = 12;
        for (int g = 0; g < ComputeShare.GROUPS.size(); g++) {
            String label = String.format(Locale.ROOT, "%s: %.1f%% MACs, %.1f%% time", words.apply("group." + ComputeShare.GROUPS.get(g)),
                    100 * s.macsShare(g), 100 * s.timeShare(g));
            p.fillRect(lx, ly - 6, 12, 12, GROUP_COLORS[g]);
            p.text(label, lx + 18, ly, 12, false, pal.text(), Painter.Align.LEFT);
            ly += 20;
        }
        wrap(p, words.apply("split.why"), 12, ly + 12, p.width() - 24, 12.5, pal.muted());
    }

    /** Log-log roofline: every layer with MACs as a point (intensity, achieved GFLOP/s) under the measured roofs. */
    public static void roofline(Painter p, Palette pal, Inspection ins, RooflineProbe roof, Function<String, String> words) {
        p.fillRect(0, 0, p.width(), p.height(), pal.background());
        p.text(words.apply("roofline.title"), 12, 16, 15, true, pal.text(), Painter.Align.LEFT);
        double left = 70;
        double top = 52;
        double right = p.width() - 20;
        double bottom = p.height() - 60;
        double xMin = 0.05;
        double xMax = 500;
        double yMin = 0.01;
        double yMax = Math.max(100, roof == null ? 100 : roof.peakGflops() * 2);
        p.strokeRect(left, top, right - left, bottom - top, pal.muted(), 1);
        for (double d = 0.1; d <= xMax; d *= 10) {
            double x = lx(d, xMin, xMax, left, right);
            p.line(x, top, x, bottom, Palette.alpha(pal.muted(), 60), 1);
            p.text(num(d), x, bottom + 12, 11, false, pal.muted(), Painter.Align.CENTER);
        }
        for (double d = 0.01; d <= yMax; d *= 10) {
            double y = ly(d, yMin, yMax, top, bottom);
            p.line(left, y, right, y, Palette.alpha(pal.muted(), 60), 1);
            p.text(num(d), left - 6, y, 11, false, pal.muted(), Painter.Align.RIGHT);
        }
        p.text(words.apply("roofline.x"), (left + right) / 2, bottom + 30, 12, false, pal.text(), Painter.Align.CENTER);
        p.text(words.apply("roofline.y"), 12, top - 10, 12, false, pal.text(), Painter.Align.LEFT);
        if (roof != null) {
            double px = xMin;
            double prevX = lx(px, xMin, xMax, left, right);
            double prevY = ly(roof.roof(px), yMin, yMax, top, bottom);
            for (int i = 1; i <= 200; i++) {
                double d = xMin * Math.pow(xMax / xMin, i / 200.0);
                double x = lx(d, xMin, xMax, left, right);
                double y = ly(Math.max(yMin, roof.roof(d)), yMin, yMax, top, bottom);
                p.line(prevX, prevY, x, y, pal.text(), 2);
                prevX = x;
                prevY = y;
            }
            p.text(String.format(Locale.ROOT, words.apply("roofline.roof"), roof.peakGflops(), roof.bandwidthGbPerSec()),
                    right - 6, top + 12, 12, true, pal.text(), Painter.Align.RIGHT);
        } else {
            p.text(words.apply("roofline.measuring"), right - 6, top + 12, 12, false, pal.muted(), Painter.Align.RIGHT);
        }
        if (ins != null) {
            for (InspectionRow r : ins.layerRows()) {
                if (r.span().macs() == 0 || r.millis() <= 0) {
                    continue;
                }
                double x = lx(r.span().intensity(), xMin, xMax, left, right);
                double y = ly(Math.max(yMin, r.gflops()), yMin, yMax, top, bottom);
                int c = GROUP_COLORS[ComputeShare.group(r.span().type())];
                p.fillRect(x - 3.5, y - 3.5, 7, 7, Palette.alpha(c, 210));
            }
        }
        double lgx = left;
        for (int g = 0; g < 3; g++) {
            p.fillRect(lgx, bottom + 44, 10, 10, GROUP_COLORS[g]);
            String t = words.apply("group." + ComputeShare.GROUPS.get(g));
            p.text(t, lgx + 14, bottom + 49, 12, false, pal.text(), Painter.Align.LEFT);
            lgx += 30 + p.textWidth(t, 12, false);
        }
    }

    /** Top-1 against MACs (log) for the papers' networks and widths; the current network ringed. */
    public static void accuracy(Painter p, Palette pal, Architecture current, double width, Function<String, String> words) {
        p.fillRect(0, 0, p.width(), p.height(), pal.background());
        p.text(words.apply("accuracy.title"), 12, 16, 15, true, pal.text(), Painter.Align.LEFT);
        double left = 60;
        double top = 40;
        double right = p.width() - 170;
        double bottom = p.height() - 40;
        double xMin = 30;
        double xMax = 700;
        double yMin = 48;
        double yMax = 78;
        p.strokeRect(left, top, right - left, bottom - top, pal.muted(), 1);
        for (double d : new double[] {50, 100, 200, 500}) {
            double x = lx(d, xMin, xMax, left, right);
            p.line(x, top, x, bottom, Palette.alpha(pal.muted(), 60), 1);
            p.text(num(d) + " M", x, bottom + 12, 11, false, pal.muted(), Painter.Align.CENTER);
        }
        for (double a = 50; a <= 75; a += 5) {
            double y = top + (bottom - top) * (yMax - a) / (yMax - yMin);
            p.line(left, y, right, y, Palette.alpha(pal.muted(), 60), 1);
            p.text(num(a) + "%", left - 6, y, 11, false, pal.muted(), Painter.Align.RIGHT);
        }
        p.text(words.apply("accuracy.x"), (left + right) / 2, bottom + 28, 12, false, pal.text(), Painter.Align.CENTER);
        List<Architecture> archs = List.of(Architecture.MOBILENET_V1, Architecture.MOBILENET_V2,
                Architecture.MOBILENET_V3_LARGE, Architecture.MOBILENET_V3_SMALL);
        String[] names = {"V1", "V2", "V3-Large", "V3-Small"};
        for (int a = 0; a < archs.size(); a++) {
            double px = -1;
            double py = -1;
            for (PaperAccuracy e : PaperAccuracy.TABLE) {
                if (e.architecture() != archs.get(a)) {
                    continue;
                }
                double x = lx(e.macsMillions(), xMin, xMax, left, right);
                double y = top + (bottom - top) * (yMax - e.top1()) / (yMax - yMin);
                if (px >= 0) {
                    p.line(px, py, x, y, Palette.alpha(ARCH_COLORS[a], 150), 1.5);
                }
                p.fillRect(x - 4, y - 4, 8, 8, ARCH_COLORS[a]);
                p.text("α " + num(e.width()), x + 7, y - 8, 10, false, pal.muted(), Painter.Align.LEFT);
                if (e.architecture() == current && e.width() == width) {
                    p.strokeRect(x - 9, y - 9, 18, 18, pal.current(), 2.5);
                    p.text(words.apply("accuracy.current"), x + 12, y + 8, 12, true, pal.current(), Painter.Align.LEFT);
                }
                px = x;
                py = y;
            }
            p.fillRect(right + 16, top + 10 + a * 20, 10, 10, ARCH_COLORS[a]);
            p.text("MobileNet " + names[a], right + 32, top + 15 + a * 20, 12, false, pal.text(), Painter.Align.LEFT);
        }
        p.text(words.apply("accuracy.source"), right + 16, top + 100, 10, false, pal.muted(), Painter.Align.LEFT);
    }

    /** Milliseconds per image against batch size (both log scales), one curve per measured network. */
    public static void latency(Painter p, Palette pal, java.util.Map<String, double[]> curves, int[] batches,
                               Function<String, String> words) {
        p.fillRect(0, 0, p.width(), p.height(), pal.background());
        p.text(words.apply("latency.title"), 12, 16, 15, true, pal.text(), Painter.Align.LEFT);
        if (curves.isEmpty()) {
            p.text(words.apply("latency.none"), 12, 48, 13, false, pal.muted(), Painter.Align.LEFT);
            return;
        }
        double left = 70;
        double top = 44;
        double right = p.width() - 200;
        double bottom = p.height() - 40;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = 0;
        for (double[] c : curves.values()) {
            for (double v : c) {
                yMin = Math.min(yMin, v);
                yMax = Math.max(yMax, v);
            }
        }
        yMin = Math.pow(10, Math.floor(Math.log10(Math.max(1e-3, yMin))));
        yMax = Math.pow(10, Math.ceil(Math.log10(Math.max(yMin * 10, yMax))));
        p.strokeRect(left, top, right - left, bottom - top, pal.muted(), 1);
        for (int b : batches) {
            double x = lx(b, batches[0], batches[batches.length - 1], left, right);
            p.line(x, top, x, bottom, Palette.alpha(pal.muted(), 60), 1);
            p.text(Integer.toString(b), x, bottom + 12, 11, false, pal.muted(), Painter.Align.CENTER);
        }
        for (double d = yMin; d <= yMax * 1.001; d *= 10) {
            for (double m : new double[] {1, 2, 5}) {
                if (d * m > yMax * 1.001) {
                    break;
                }
                double y = ly(d * m, yMin, yMax, top, bottom);
                p.line(left, y, right, y, Palette.alpha(pal.muted(), m == 1 ? 60 : 30), 1);
                p.text(num(d * m), left - 6, y, 11, false, pal.muted(), Painter.Align.RIGHT);
            }
        }
        p.text(words.apply("latency.x"), (left + right) / 2, bottom + 28, 12, false, pal.text(), Painter.Align.CENTER);
        p.text(words.apply("latency.y"), left, top - 10, 12, false, pal.text(), Painter.Align.LEFT);
        int i = 0;
        for (java.util.Map.Entry<String, double[]> e : curves.entrySet()) {
            int c = ARCH_COLORS[i % ARCH_COLORS.length];
            double px = -1;
            double py = -1;
            for (int k = 0; k < batches.length && k < e.getValue().length; k++) {
                double x = lx(batches[k], batches[0], batches[batches.length - 1], left, right);
                double y = ly(e.getValue()[k], yMin, yMax, top, bottom);
                if (px >= 0) {
                    p.line(px, py, x, y, c, 2);
                }
                p.fillRect(x - 3.5, y - 3.5, 7, 7, c);
                px = x;
                py = y;
            }
            double ly0 = top + 10 + i * 36;
            p.fillRect(right + 16, ly0, 10, 10, c);
            p.text(e.getKey(), right + 32, ly0 + 5, p.fitSize(e.getKey(), p.width() - right - 40, 11, false), false,
                    pal.text(), Painter.Align.LEFT);
            p.text(String.format(Locale.ROOT, "%.1f → %.1f ms", e.getValue()[0], e.getValue()[e.getValue().length - 1]),
                    right + 32, ly0 + 20, 11, false, pal.muted(), Painter.Align.LEFT);
            i++;
        }
    }

    private static double lx(double v, double min, double max, double left, double right) {
        return left + (right - left) * Math.log(v / min) / Math.log(max / min);
    }

    private static double ly(double v, double min, double max, double top, double bottom) {
        double t = Math.log(Math.max(min, Math.min(max, v)) / min) / Math.log(max / min);
        return bottom - (bottom - top) * t;
    }

    private static String num(double d) {
        if (Math.abs(d - Math.rint(d)) < 1e-9 * Math.max(1, Math.abs(d))) {
            return Long.toString(Math.round(d));
        }
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", d)).stripTrailingZeros().toPlainString();
    }

    /** Greedy word wrap (also breaks CJK text, which has no spaces, by characters). */
    static void wrap(Painter p, String text, double x, double y, double w, double size, int color) {
        StringBuilder line = new StringBuilder();
        double yy = y;
        for (String word : text.split("(?<= )|(?<=[\\u3000-\\u9fff\\uac00-\\ud7af])")) {
            if (p.textWidth(line + word, size, false) > w && line.length() > 0) {
                p.text(line.toString().strip(), x, yy, size, false, color, Painter.Align.LEFT);
                yy += size * 1.45;
                line.setLength(0);
            }
            line.append(word);
        }
        if (line.length() > 0) {
            p.text(line.toString().strip(), x, yy, size, false, color, Painter.Align.LEFT);
        }
    }
}
