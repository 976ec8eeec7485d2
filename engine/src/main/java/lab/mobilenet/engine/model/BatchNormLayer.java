package lab.mobilenet.engine.model;

import java.util.List;

/** Inference batch norm: {@code (x - mean) / sqrt(var + eps) · weight + bias} per channel. */
public record BatchNormLayer(String name, int channels, double eps) implements Layer {

    /** PyTorch's default, used by all four timm MobileNets. */
    public static final double TIMM_EPS = 1e-5;

    @Override
    public String type() {
        return "batchnorm";
    }

    @Override
    public Shape outputShape(Shape in) {
        if (in.channels() != channels) {
            throw new IllegalArgumentException(name + " expects " + channels + " channels, got " + in);
        }
        return in;
    }

    @Override
    public List<ParamSpec> params() {
        long[] c = {channels};
        return List.of(new ParamSpec(name + ".weight", c, true), new ParamSpec(name + ".bias", c, true),
                new ParamSpec(name + ".running_mean", c, false), new ParamSpec(name + ".running_var", c, false));
    }
}
