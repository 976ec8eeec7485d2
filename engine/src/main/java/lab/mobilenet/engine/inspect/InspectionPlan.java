package lab.mobilenet.engine.inspect;

import java.util.ArrayList;
import java.util.List;
import lab.mobilenet.engine.cost.LayerCost;
import lab.mobilenet.engine.cost.ModelSummary;
import lab.mobilenet.engine.model.Activation;
import lab.mobilenet.engine.model.ActivationLayer;
import lab.mobilenet.engine.model.BatchNormLayer;
import lab.mobilenet.engine.model.Layer;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.model.Shape;
import lab.mobilenet.engine.model.SqueezeExciteLayer;

/**
 * The rows an inspection will have, known before running: timm's modules in pre-order (a stage, then each
 * of its blocks followed by the block's layers), with their costs. timm's {@code bn1} is a batch norm with
 * its activation inside, so the engine's {@code bn1} and {@code bn1.act} become one layer row; every other
 * engine layer is a row of its own. {@code .add} rows are the residual additions timm does inside a
 * block's forward (no module of their own there).
 *
 * <p>Squeeze-excite is one engine layer but a timm module with four children: its rows are
 * {@code se.conv_reduce}, {@code se.act1}, {@code se.conv_expand}, {@code se.gate} (inner layer rows, in the
 * order they run, each 1×n×1×1), then {@code se} itself, whose output is the gated feature map. The layer's
 * cost is split between them without overlap, so the layer rows still add up to the summary: each 1×1
 * convolution (type {@code pointwise}, as the engine names every 1×1 convolution) its MACs and weights; {@code se} the two passes over the feature map (pooling it, scaling
 * it). The cost model counts no bytes for the C- and rd-long vectors in between, so neither do these rows.
 */
public record InspectionPlan(Network network, int height, int width, List<ModuleSpan> rows) {

    public InspectionPlan {
        rows = List.copyOf(rows);
    }

    public static InspectionPlan of(Network network, int height, int width) {
        ModelSummary summary = ModelSummary.of(network, height, width);
        List<Layer> layers = network.layers();
        List<ModuleSpan> rows = new ArrayList<>();
        String stage = null;
        String block = null;
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            String b = l.block();
            if (b.startsWith("blocks.")) {
                String s = b.substring(0, b.lastIndexOf('.'));
                if (!s.equals(stage)) {
                    stage = s;
                    rows.add(span(summary, s, RowKind.STAGE, "stage", i, lastWithPrefix(layers, i, s + ".")));
                }
                if (!b.equals(block)) {
                    block = b;
                    int end = lastWithPrefix(layers, i, b + ".");
                    rows.add(span(summary, b, RowKind.BLOCK, blockType(layers.subList(i, end + 1)), i, end));
                }
            }
            int last = i;
            String type = l.type();
            if (l instanceof BatchNormLayer && i + 1 < layers.size() && layers.get(i + 1) instanceof ActivationLayer a
                    && a.name().equals(l.name() + ".act")) {
                last = i + 1;
                type = l.type() + "+" + a.type();
            }
            if (l instanceof SqueezeExciteLayer se) {
                squeezeExcite(rows, summary.layers().get(i), se, i);
            } else {
                rows.add(span(summary, l.name(), RowKind.LAYER, type, i, last));
            }
            i = last;
        }
        return new InspectionPlan(network, height, width, rows);
    }

    /** The layer rows only, in running order: what stepping walks through. */
    public List<ModuleSpan> layerRows() {
        return rows.stream().filter(r -> r.kind() == RowKind.LAYER).toList();
    }

    public ModuleSpan row(String name) {
        for (ModuleSpan r : rows) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        return null;
    }

    /** Headline MACs: the layer rows' sum, which equals {@link ModelSummary#macs()}. */
    public long macs() {
        return layerRows().stream().mapToLong(ModuleSpan::macs).sum();
    }

    private static int lastWithPrefix(List<Layer> layers, int from, String prefix) {
        int last = from;
        while (last + 1 < layers.size() && layers.get(last + 1).name().startsWith(prefix)) {
            last++;
        }
        return last;
    }

    private static String blockType(List<Layer> layers) {
        boolean pwl = false;
        boolean dw = false;
        boolean se = false;
        boolean add = false;
        for (Layer l : layers) {
            String n = l.name();
            pwl |= n.endsWith(".conv_pwl");
            dw |= n.endsWith(".conv_dw");
            se |= l.type().equals("squeeze_excite");
            add |= l.type().equals("add");
        }
        String base = pwl ? "inverted_residual" : dw ? "depthwise_separable" : "conv_bn_act";
        return base + (se ? "+se" : "") + (add ? "+residual" : "");
    }

    /** Squeeze-excite's four inner rows and its own, the layer's cost split between them (see the class comment). */
    private static void squeezeExcite(List<ModuleSpan> rows, LayerCost c, SqueezeExciteLayer se, int index) {
        long c2rd = (long) se.channels() * se.reduced();
        long reduceParams = c2rd + se.reduced();
        long expandParams = c.params() - reduceParams;
        long reduceBytes = reduceParams * c.weightBytes() / c.params(); // float32 weights and biases
        Shape channels = Shape.map(se.channels(), 1, 1);
        Shape reduced = Shape.map(se.reduced(), 1, 1);
        String n = se.name() + ".";
        List<String> parts = SqueezeExciteLayer.PARTS;
        rows.add(new ModuleSpan(n + parts.get(0), RowKind.LAYER, "pointwise", index, index, channels, reduced, c2rd,
                reduceParams, reduceBytes, 0, true));
        rows.add(new ModuleSpan(n + parts.get(1), RowKind.LAYER, Activation.RELU.timmName(), index, index, reduced,
                reduced, 0, 0, 0, 0, true));
        rows.add(new ModuleSpan(n + parts.get(2), RowKind.LAYER, "pointwise", index, index, reduced, channels,
                c.macs() - c2rd, expandParams, c.weightBytes() - reduceBytes, 0, true));
        rows.add(new ModuleSpan(n + parts.get(3), RowKind.LAYER, Activation.HARD_SIGMOID.timmName(), index, index,
                channels, channels, 0, 0, 0, 0, true));
        rows.add(new ModuleSpan(se.name(), RowKind.LAYER, se.type(), index, index, c.input(), c.output(), 0, 0,
                c.activationBytesRead(), c.activationBytesWritten(), false));
    }

    private static ModuleSpan span(ModelSummary summary, String name, RowKind kind, String type, int first, int last) {
        long macs = 0;
        long params = 0;
        long read = 0;
        long written = 0;
        for (int i = first; i <= last; i++) {
            LayerCost c = summary.layers().get(i);
            macs += c.macs();
            params += c.params();
            read += c.activationBytesRead() + c.weightBytes();
            written += c.activationBytesWritten();
        }
        return new ModuleSpan(name, kind, type, first, last, summary.layers().get(first).input(),
                summary.layers().get(last).output(), macs, params, read, written, false);
    }
}
