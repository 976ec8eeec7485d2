package lab.mobilenet.engine.model;

import java.util.List;

/**
 * Mean over H×W. V1/V2 (timm's EfficientNet class) flatten to a vector; V3 keeps a 1×1 map because
 * its head convolution runs after the pool.
 */
public record GlobalPoolLayer(String name, boolean flatten) implements Layer {

    @Override
    public String type() {
        return "global_pool";
    }

    @Override
    public Shape outputShape(Shape in) {
        return flatten ? Shape.vector(in.channels()) : Shape.map(in.channels(), 1, 1);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of();
    }
}
