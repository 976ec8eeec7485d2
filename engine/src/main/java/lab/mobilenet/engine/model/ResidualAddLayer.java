package lab.mobilenet.engine.model;

import java.util.List;

/** Adds the input of layer {@code from} (the block's input) to the current tensor: the residual connection. */
public record ResidualAddLayer(String name, String from) implements Layer {

    @Override
    public String type() {
        return "add";
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
