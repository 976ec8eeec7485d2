package lab.mobilenet.app.export;

import java.util.Locale;
import lab.mobilenet.engine.inspect.ActivationStats;
import lab.mobilenet.engine.inspect.Inspection;
import lab.mobilenet.engine.inspect.InspectionRow;
import lab.mobilenet.engine.inspect.ModuleSpan;

/**
 * The per-module inspection table as CSV (one header line, one line per row, plain numbers) and as a
 * Markdown table (readable, numbers grouped): the same data the {@code inspect} command prints and the
 * Explorer exports.
 */
public final class InspectionTables {

    public static final String CSV_HEADER = "name,kind,type,inputShape,outputShape,macs,params,bytesRead,bytesWritten,"
            + "millis,min,max,mean,std,zeros";

    private InspectionTables() {
    }

    /** Shape as {@code 1x16x48x48}. */
    public static String shape(long[] s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length; i++) {
            b.append(i == 0 ? "" : "x").append(s[i]);
        }
        return b.toString();
    }

    public static String csv(Inspection ins) {
        StringBuilder b = new StringBuilder(CSV_HEADER).append('\n');
        for (InspectionRow r : ins.rows()) {
            ModuleSpan s = r.span();
            ActivationStats st = r.stats();
            b.append(String.join(",", s.name(), s.kind().word(), s.type(), shape(r.inputShape()),
                    shape(r.outputShape()), Long.toString(s.macs()), Long.toString(s.params()),
                    Long.toString(s.bytesRead()), Long.toString(s.bytesWritten()), num(r.millis()), num(st.min()),
                    num(st.max()), num(st.mean()), num(st.std()), num(st.zeros()))).append('\n');
        }
        return b.toString();
    }

    public static String markdown(Inspection ins) {
        StringBuilder b = new StringBuilder();
        var n = ins.plan().network();
        b.append(String.format(Locale.ROOT, "# %s (α = %s, %d×%d)%s%n%n", n.name(), n.width(), ins.plan().height(),
                ins.plan().width(), ins.untrained() ? " — untrained (seeded random weights)" : ""));
        b.append("| name | kind | type | output | MACs | params | bytes read | bytes written | ms | min | max | "
                + "mean | std | zeros |\n");
        b.append("|---|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (InspectionRow r : ins.rows()) {
            ModuleSpan s = r.span();
            ActivationStats st = r.stats();
            b.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s | %,d | %,d | %,d | %,d | %.3f | %.4g | %.4g | "
                            + "%.4g | %.4g | %.1f %% |%n", s.name(), s.kind().word(), s.type(), shape(r.outputShape()),
                    s.macs(), s.params(), s.bytesRead(), s.bytesWritten(), r.millis(), st.min(), st.max(), st.mean(),
                    st.std(), 100 * st.zeros()));
        }
        b.append(String.format(Locale.ROOT, "%nTotal: %,d MACs (layer rows), %,d bytes moved, %.1f ms measured on the "
                + "inspection path (every convolution and batch norm its own tensor).%n", ins.macs(), ins.bytesMoved(),
                ins.millis()));
        return b.toString();
    }

    static String num(double v) {
        return Double.toString(v);
    }
}
