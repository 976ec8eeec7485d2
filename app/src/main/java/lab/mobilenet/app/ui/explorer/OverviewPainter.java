package lab.mobilenet.app.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import lab.mobilenet.app.ui.render.Numbers;
import lab.mobilenet.app.ui.render.Painter;
import lab.mobilenet.app.ui.render.Palette;
import lab.mobilenet.engine.inspect.Inspection;
import lab.mobilenet.engine.inspect.InspectionPlan;
import lab.mobilenet.engine.inspect.InspectionRow;
import lab.mobilenet.engine.inspect.ModuleSpan;
import lab.mobilenet.engine.inspect.RowKind;

/**
 * The overview strip: one line per stage and block, with timm's name, a bar of its MACs and a bar of its
 * measured time (each scaled to the largest of its kind, labelled with its share of the whole network),
 * and the tensor shape it hands on. The block holding the selected row is opened to its layers. Drawing
 * only, through {@link Painter}, so the same picture can be exported.
 */
public final class OverviewPainter {

    /** Height of one line, in pixels. */
    public static final double ROW = 22;

    /** Where a row was drawn, for clicks. */
    public record Hit(String name, double top, double bottom) {
    }

    private OverviewPainter() {
    }

    /** The rows shown: stages, blocks, top-level layers, and the layers of the block holding {@code selected}. */
    public static List<ModuleSpan> visibleRows(InspectionPlan plan, String selected) {
        ModuleSpan sel = selected == null ? null : plan.row(selected);
        String open = sel == null ? null : sel.kind() == RowKind.LAYER ? blockOf(sel.name()) : sel.name();
        List<ModuleSpan> out = new ArrayList<>();
        for (ModuleSpan r : plan.rows()) {
            if (r.kind() != RowKind.LAYER || !r.name().startsWith("blocks.") || blockOf(r.name()).equals(open)) {
                out.add(r);
            }
        }
        return out;
    }

    static String blockOf(String layerName) {
        String[] p = layerName.split("\\.");
        return p.length >= 3 && p[0].equals("blocks") ? p[0] + "." + p[1] + "." + p[2] : layerName;
    }

    /**
     * @param ins      what has run (may be null)
     * @param current  the layer row the stepping stands at (may be null)
     * @param words    localised words: "macs", "time", "not-run"
     */
    public static List<Hit> paint(Painter p, Palette pal, InspectionPlan plan, Inspection ins, String selected,
                                  String current, Function<String, String> words) {
        List<Hit> hits = new ArrayList<>();
        p.fillRect(0, 0, p.width(), p.height(), pal.background());
        List<ModuleSpan> rows = visibleRows(plan, selected);
        double w = p.width();
        double nameW = Math.min(300, w * 0.3);
        double typeW = Math.min(190, w * 0.17);
        double shapeW = 130;
        double barW = Math.max(60, (w - nameW - typeW - shapeW - 30) / 2);
        double macX = nameW + typeW + 10;
        double timeX = macX + barW + 10;
        double shapeX = timeX + barW + 10;
        double total = Math.max(1, plan.macs());
        double totalMs = ins == null ? 0 : ins.millis();
        double y = 0;
        header(p, words.apply("name"), 6, nameW + typeW - 10, pal.muted());
        header(p, words.apply("macs"), macX, barW - 4, pal.weight());
        header(p, words.apply("time"), timeX, barW - 4, pal.window());
        header(p, words.apply("shape"), shapeX, shapeW, pal.muted());
        y += ROW;
        // the bars' scales, once per kind rather than once per row (a V3 has ~200 rows)
        java.util.Map<RowKind, Double> macScale = new java.util.EnumMap<>(RowKind.class);
        java.util.Map<RowKind, Double> msScale = new java.util.EnumMap<>(RowKind.class);
        for (RowKind k : RowKind.values()) {
            macScale.put(k, maxMacs(plan, k));
            msScale.put(k, ins == null ? 0 : maxMillis(ins, k));
        }
        for (ModuleSpan r : rows) {
            InspectionRow done = ins == null ? null : ins.row(r.name());
            boolean isSel = r.name().equals(selected);
            boolean isCur = r.name().equals(current);
            if (r.kind() == RowKind.STAGE) {
                p.fillRect(0, y, w, ROW, pal.panel());
            }
            if (isCur) {
                p.fillRect(0, y, w, ROW, Palette.alpha(pal.window(), 60));
            }
            if (isSel) {
                p.strokeRect(1, y + 1, w - 2, ROW - 2, pal.current(), 2);
            }
            double indent = r.kind() == RowKind.STAGE ? 6 : r.kind() == RowKind.BLOCK ? 22
                    : r.name().startsWith("blocks.") ? 40 : 6;
            int textColor = done == null ? pal.muted() : pal.text();
            double fs = r.kind() == RowKind.LAYER ? 12 : 13;
            p.text(r.name(), indent, y + ROW / 2, p.fitSize(r.name(), nameW - indent - 4, fs, r.kind() != RowKind.LAYER),
                    r.kind() != RowKind.LAYER, textColor, Painter.Align.LEFT);
            p.text(r.type(), nameW, y + ROW / 2, p.fitSize(r.type(), typeW - 4, 11, false), false, pal.muted(),
                    Painter.Align.LEFT);
            double maxMacs = macScale.get(r.kind());
            bar(p, pal, macX, y, barW, r.macs() / maxMacs, pal.weight(),
                    r.macs() == 0 ? "0" : Numbers.count(r.macs()) + String.format(Locale.ROOT, "  %.1f%%", 100 * r.macs() / total));
            if (done != null) {
                double maxMs = msScale.get(r.kind());
                bar(p, pal, timeX, y, barW, maxMs <= 0 ? 0 : done.millis() / maxMs, pal.window(),
                        String.format(Locale.ROOT, "%.2f ms  %.1f%%", done.millis(),
                                totalMs <= 0 ? 0 : 100 * done.millis() / totalMs));
            } else {
                p.text(words.apply("not-run"), timeX + 4, y + ROW / 2, 11, false, pal.muted(), Painter.Align.LEFT);
            }
            p.text("→ " + r.output(), shapeX, y + ROW / 2, p.fitSize("→ " + r.output(), shapeW, 11, false), false,
                    pal.muted(), Painter.Align.LEFT);
            hits.add(new Hit(r.name(), y, y + ROW));
            y += ROW;
        }
        return hits;
    }

    private static void header(Painter p, String s, double x, double w, int color) {
        p.text(s, x, ROW / 2, p.fitSize(s, w, 12, true), true, color, Painter.Align.LEFT);
    }

    private static void bar(Painter p, Palette pal, double x, double y, double w, double frac, int color, String label) {
        p.fillRect(x, y + 4, w, ROW - 8, pal.pending());
        p.fillRect(x, y + 4, Math.max(frac > 0 ? 1 : 0, w * Math.min(1, frac)), ROW - 8, Palette.alpha(color, 200));
        p.text(label, x + 4, y + ROW / 2, 10.5, false, pal.text(), Painter.Align.LEFT);
    }

    private static double maxMacs(InspectionPlan plan, RowKind kind) {
        return Math.max(1, plan.rows().stream().filter(r -> r.kind() == kind).mapToLong(ModuleSpan::macs).max().orElse(1));
    }

    private static double maxMillis(Inspection ins, RowKind kind) {
        return ins.rows().stream().filter(r -> r.kind() == kind).mapToDouble(InspectionRow::millis).max().orElse(0);
    }

    /** The canvas height needed for the visible rows. */
    public static double height(InspectionPlan plan, String selected) {
        return ROW * (visibleRows(plan, selected).size() + 1);
    }
}
