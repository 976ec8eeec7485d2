package lab.mobilenet.engine.model;

import java.util.List;

/**
 * timm's squeeze-excite as used by MobileNetV3: mean over H×W → 1×1 conv C→rd (+bias) → ReLU →
 * 1×1 conv rd→C (+bias) → hard-sigmoid → scale each channel of the input by its gate.
 */
public record SqueezeExciteLayer(String name, int channels, int reduced) implements Layer {

    @Override
    public String type() {
        return "squeeze_excite";
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
        return List.of(
                new ParamSpec(name + ".conv_reduce.weight", new long[] {reduced, channels, 1, 1}, true),
                new ParamSpec(name + ".conv_reduce.bias", new long[] {reduced}, true),
                new ParamSpec(name + ".conv_expand.weight", new long[] {channels, reduced, 1, 1}, true),
                new ParamSpec(name + ".conv_expand.bias", new long[] {channels}, true));
    }
}
