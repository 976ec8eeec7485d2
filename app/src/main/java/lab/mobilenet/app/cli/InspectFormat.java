package lab.mobilenet.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lab.mobilenet.app.export.InspectionTables;
import lab.mobilenet.engine.inspect.ActivationStats;
import lab.mobilenet.engine.inspect.Inspection;
import lab.mobilenet.engine.inspect.InspectionRow;
import lab.mobilenet.engine.inspect.ModuleSpan;
import lab.mobilenet.engine.inspect.RowKind;

/** Renders an {@link Inspection} as an aligned table or JSON (CSV: {@link InspectionTables#csv}). */
final class InspectFormat {

    private InspectFormat() {
    }

    static String table(Inspection ins) {
        StringBuilder b = new StringBuilder();
        var n = ins.plan().network();
        b.append(String.format(Locale.ROOT, "%s  (α = %s, %dx%d input%s)%n%n", n.name(), SummaryFormat.trim(n.width()),
                ins.plan().height(), ins.plan().width(), ins.untrained() ? ", UNTRAINED: seeded random weights" : ""));
        String fmt = "%-30s %-6s %-28s %-14s %14s %10s %11s %9s %10s %10s %10s %10s %7s%n";
        b.append(String.format(Locale.ROOT, fmt, "name", "kind", "type", "output", "MACs", "params", "bytes r/w",
                "ms", "min", "max", "mean", "std", "zeros"));
        for (InspectionRow r : ins.rows()) {
            ModuleSpan s = r.span();
            ActivationStats st = r.stats();
            String indent = s.kind() == RowKind.STAGE ? "" : s.kind() == RowKind.BLOCK ? "  " : s.name().startsWith("blocks.") ? "    " : "";
            b.append(String.format(Locale.ROOT, fmt, indent + s.name(), s.kind().word(), s.type(),
                    InspectionTables.shape(r.outputShape()), SummaryFormat.group(s.macs()), SummaryFormat.group(s.params()),
                    SummaryFormat.compact(s.bytesRead()) + "/" + SummaryFormat.compact(s.bytesWritten()),
                    String.format(Locale.ROOT, "%.3f", r.millis()), g(st.min()), g(st.max()), g(st.mean()), g(st.std()),
                    String.format(Locale.ROOT, "%.1f%%", 100 * st.zeros())));
        }
        b.append(String.format(Locale.ROOT, "%nTotal: %s MACs (the layer rows; the same as summary), %s bytes moved, "
                        + "%.1f ms measured on the inspection path (every convolution and batch norm its own tensor)%n",
                SummaryFormat.group(ins.macs()), SummaryFormat.group(ins.bytesMoved()), ins.millis()));
        return b.toString();
    }

    static String json(Inspection ins) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("model", ins.plan().network().name());
        root.put("width", ins.plan().network().width());
        root.put("resolution", ins.plan().height());
        root.put("untrained", ins.untrained());
        List<Map<String, Object>> layers = new ArrayList<>();
        for (InspectionRow r : ins.rows()) {
            ModuleSpan s = r.span();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("kind", s.kind().word());
            m.put("type", s.type());
            m.put("inputShape", r.inputShape());
            m.put("outputShape", r.outputShape());
            m.put("macs", s.macs());
            m.put("params", s.params());
            m.put("bytesRead", s.bytesRead());
            m.put("bytesWritten", s.bytesWritten());
            m.put("millis", r.millis());
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("min", r.stats().min());
            st.put("max", r.stats().max());
            st.put("mean", r.stats().mean());
            st.put("std", r.stats().std());
            st.put("zeros", r.stats().zeros());
            m.put("stats", st);
            layers.add(m);
        }
        root.put("layers", layers);
        return SummaryFormat.write(root);
    }

    private static String g(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
