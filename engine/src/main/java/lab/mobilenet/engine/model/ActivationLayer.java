package lab.mobilenet.engine.model;

import java.util.List;

/** An element-wise activation; no parameters, shape unchanged. */
public record ActivationLayer(String name, Activation activation) implements Layer {

    @Override
    public String type() {
        return activation.timmName();
    }

    @Override
    public Shape outputShape(Shape in) {
        return in;
    }

    @Override
    public List<ParamSpec> params() {
        return List.of();
    }
}
