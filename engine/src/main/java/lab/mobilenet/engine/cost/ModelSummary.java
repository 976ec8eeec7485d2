package lab.mobilenet.engine.cost;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lab.mobilenet.engine.model.ConvShortcutAddLayer;
import lab.mobilenet.engine.model.Layer;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.model.Shape;

/** Per-layer costs of a network at one input resolution, and their totals. */
public record ModelSummary(Network network, int height, int width, List<LayerCost> layers) {

    public ModelSummary {
        layers = List.copyOf(layers);
    }

    public static ModelSummary of(Network network, int resolution) {
        return of(network, resolution, resolution);
    }

    public static ModelSummary of(Network network, int height, int width) {
        List<LayerCost> costs = new ArrayList<>();
        Map<String, Shape> inputs = new HashMap<>();
        Shape s = Shape.map(3, height, width);
        for (Layer l : network.layers()) {
            inputs.put(l.name(), s);
            Shape skipIn = l instanceof ConvShortcutAddLayer sc ? inputs.get(sc.from()) : null;
            LayerCost c = CostModel.cost(l, s, skipIn, network.blockOf(l));
            costs.add(c);
            s = c.output();
        }
        return new ModelSummary(network, height, width, costs);
    }

    /** Headline multiply-accumulates, as the papers count them. */
    public long macs() {
        return layers.stream().mapToLong(LayerCost::macs).sum();
    }

    public long elementwiseOps() {
        return layers.stream().mapToLong(LayerCost::elementwiseOps).sum();
    }

    public long params() {
        return layers.stream().mapToLong(LayerCost::params).sum();
    }

    public long weightBytes() {
        return layers.stream().mapToLong(LayerCost::weightBytes).sum();
    }

    public long activationBytesRead() {
        return layers.stream().mapToLong(LayerCost::activationBytesRead).sum();
    }

    public long activationBytesWritten() {
        return layers.stream().mapToLong(LayerCost::activationBytesWritten).sum();
    }

    /** MACs of layers whose type is {@code type} (e.g. "depthwise", "pointwise"). */
    public long macsOfType(String type) {
        return layers.stream().filter(c -> c.type().equals(type)).mapToLong(LayerCost::macs).sum();
    }

    public Shape outputShape() {
        return layers.get(layers.size() - 1).output();
    }
}
