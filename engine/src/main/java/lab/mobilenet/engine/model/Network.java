package lab.mobilenet.engine.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole network as data: the ordered layers of its forward pass, named by timm's module paths.
 *
 * @param name timm's model name, e.g. {@code mobilenetv2_140}
 */
public record Network(String name, Architecture architecture, double width, int numClasses, List<Layer> layers) {

    public Network {
        layers = List.copyOf(layers);
    }

    /** Every tensor a checkpoint for this network holds (running statistics included), in forward order. */
    public List<ParamSpec> params() {
        List<ParamSpec> all = new ArrayList<>();
        for (Layer l : layers) {
            all.addAll(l.params());
        }
        return all;
    }

    /** Learnable parameters, as {@code sum(p.numel() for p in model.parameters())} counts them. */
    public long learnableParameterCount() {
        return params().stream().filter(ParamSpec::learnable).mapToLong(ParamSpec::count).sum();
    }

    /** The input shape of every layer and the final output, for an input of {@code H×W}. */
    public List<Shape> shapes(int height, int width) {
        List<Shape> shapes = new ArrayList<>();
        Shape s = Shape.map(3, height, width);
        shapes.add(s);
        for (Layer l : layers) {
            s = l.outputShape(s);
            shapes.add(s);
        }
        return shapes;
    }

    public Layer layer(String layerName) {
        for (Layer l : layers) {
            if (l.name().equals(layerName)) {
                return l;
            }
        }
        throw new IllegalArgumentException("no layer named " + layerName + " in " + name);
    }

    public int indexOf(String layerName) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).name().equals(layerName)) {
                return i;
            }
        }
        return -1;
    }

    /** Layers grouped by block ({@code stem}, {@code blocks.i.j} or {@code blockN}, {@code head}), in order. */
    public Map<String, List<Layer>> blocks() {
        Map<String, List<Layer>> blocks = new LinkedHashMap<>();
        for (Layer l : layers) {
            blocks.computeIfAbsent(blockOf(l), k -> new ArrayList<>()).add(l);
        }
        return blocks;
    }

    /**
     * The block a layer belongs to, with this family's own stem names: {@code stem} for the stem's convs, batch
     * norms and activations (Xception's {@code bn2} is in its stem, V2's {@code bn2} in its head), otherwise
     * {@link Layer#block()}.
     */
    public String blockOf(Layer layer) {
        return architecture.family().stemLayerNames().contains(layer.name()) ? "stem" : layer.block();
    }

    /** The first convolution's weights, e.g. {@code conv_stem}: what the lessons show as learned kernels. */
    public ConvLayer stem() {
        return (ConvLayer) layers.get(0);
    }
}
