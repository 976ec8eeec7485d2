package lab.mobilenet.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lab.mobilenet.engine.cost.LayerCost;
import lab.mobilenet.engine.cost.ModelSummary;

/** Renders a {@link ModelSummary} as an aligned table, CSV or JSON. */
final class SummaryFormat {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryFormat() {
    }

    static String table(ModelSummary s) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s  (α = %s, %dx%d input)%n%n", s.network().name(),
                trim(s.network().width()), s.height(), s.width()));
        String fmt = "%-28s %-14s %-16s %-16s %14s %11s %12s %14s%n";
        b.append(String.format(Locale.ROOT, fmt, "layer", "type", "input", "output", "MACs", "params",
                "weight B", "act. B r/w"));
        for (LayerCost c : s.layers()) {
            b.append(String.format(Locale.ROOT, fmt, c.name(), c.type(), c.input(), c.output(), group(c.macs()),
                    group(c.params()), group(c.weightBytes()),
                    compact(c.activationBytesRead()) + "/" + compact(c.activationBytesWritten())));
        }
        b.append(String.format(Locale.ROOT, "%nTotal: %s MACs (%.1f M; convolutions and fully connected layers, "
                        + "the papers' Mult-Adds; FLOPs = 2 x MACs = %.1f M)%n", group(s.macs()), s.macs() / 1e6,
                2 * s.macs() / 1e6));
        b.append(String.format(Locale.ROOT, "       %s parameters (%.2f M), %s weight bytes%n", group(s.params()),
                s.params() / 1e6, group(s.weightBytes())));
        b.append(String.format(Locale.ROOT, "       %s element-wise ops (batch norm, activations, pooling, adds, "
                + "SE scaling; not in the MACs)%n", group(s.elementwiseOps())));
        b.append(String.format(Locale.ROOT, "       activations: %s bytes read, %s bytes written%n",
                group(s.activationBytesRead()), group(s.activationBytesWritten())));
        return b.toString();
    }

    static String csv(ModelSummary s) {
        StringBuilder b = new StringBuilder(
                "name,type,block,inputShape,outputShape,macs,elementwiseOps,params,weightBytes,activationBytesRead,activationBytesWritten\n");
        for (LayerCost c : s.layers()) {
            b.append(String.join(",", c.name(), c.type(), c.block(), c.input().toString(), c.output().toString(),
                    Long.toString(c.macs()), Long.toString(c.elementwiseOps()), Long.toString(c.params()),
                    Long.toString(c.weightBytes()), Long.toString(c.activationBytesRead()),
                    Long.toString(c.activationBytesWritten()))).append('\n');
        }
        return b.toString();
    }

    static String json(ModelSummary s) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("model", s.network().name());
        root.put("width", s.network().width());
        root.put("resolution", s.height());
        root.put("macs", s.macs());
        root.put("params", s.params());
        root.put("elementwiseOps", s.elementwiseOps());
        root.put("weightBytes", s.weightBytes());
        root.put("activationBytesRead", s.activationBytesRead());
        root.put("activationBytesWritten", s.activationBytesWritten());
        List<Map<String, Object>> layers = new ArrayList<>();
        for (LayerCost c : s.layers()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("name", c.name());
            l.put("type", c.type());
            l.put("block", c.block());
            l.put("inputShape", c.input().nchw());
            l.put("outputShape", c.output().nchw());
            l.put("macs", c.macs());
            l.put("elementwiseOps", c.elementwiseOps());
            l.put("params", c.params());
            l.put("weightBytes", c.weightBytes());
            // activationBytes: everything the layer moves in activations; the two parts follow
            l.put("activationBytes", c.activationBytesRead() + c.activationBytesWritten());
            l.put("activationBytesRead", c.activationBytesRead());
            l.put("activationBytesWritten", c.activationBytesWritten());
            layers.add(l);
        }
        root.put("layers", layers);
        return write(root);
    }

    static String write(Object o) {
        try {
            return JSON.writeValueAsString(o) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static String group(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    static String compact(long bytes) {
        if (bytes >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1fM", bytes / 1e6);
        }
        if (bytes >= 1_000) {
            return String.format(Locale.ROOT, "%.1fK", bytes / 1e3);
        }
        return Long.toString(bytes);
    }

    static String trim(double d) {
        return d == Math.rint(d) ? String.format(Locale.ROOT, "%.1f", d) : Double.toString(d);
    }
}
