package lab.mobilenet.engine.model;

import java.util.List;

/**
 * timm's squeeze-excite as used by MobileNetV3: mean over H×W → 1×1 conv C→rd (+bias) → ReLU →
 * 1×1 conv rd→C (+bias) → hard-sigmoid → scale each channel of the input by its gate.
 */
public record SqueezeExciteLayer(String name, int channels, int reduced) implements Layer {

    /**
     * timm's submodules of {@code SqueezeExcite}, in the order they run: {@code conv_reduce} (C→rd),
     * {@code act1} (ReLU), {@code conv_expand} (rd→C), {@code gate} (hard-sigmoid, the values each channel is
     * multiplied by). The engine runs them inside this one layer.
     */
    public static final List<String> PARTS = List.of("conv_reduce", "act1", "conv_expand", "gate");

    /** The length of part {@code i}'s output vector: rd after the reduce and its ReLU, C after the expand and the gate. */
    public int partChannels(int part) {
        return part < 2 ? reduced : channels;
    }

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
