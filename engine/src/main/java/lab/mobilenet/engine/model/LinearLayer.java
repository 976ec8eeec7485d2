package lab.mobilenet.engine.model;

import java.util.List;

/** Fully connected layer {@code y = x·Wᵀ + b}, W {@code [out, in]}; a 1×1 input map is flattened first. */
public record LinearLayer(String name, int inFeatures, int outFeatures) implements Layer {

    @Override
    public String type() {
        return "linear";
    }

    @Override
    public Shape outputShape(Shape in) {
        if (in.elements() != inFeatures || in.height() != 1 || in.width() != 1) {
            throw new IllegalArgumentException(name + " expects " + inFeatures + " features, got " + in);
        }
        return Shape.vector(outFeatures);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(new ParamSpec(name + ".weight", new long[] {outFeatures, inFeatures}, true),
                new ParamSpec(name + ".bias", new long[] {outFeatures}, true));
    }
}
