package lab.mobilenet.engine.model;

import java.util.List;

/**
 * One step of a network's forward pass, as data. Names follow timm's module paths so that a
 * checkpoint key ({@code blocks.1.0.conv_dw.weight}) finds its layer by prefix alone.
 */
public sealed interface Layer permits ConvLayer, BatchNormLayer, ActivationLayer, SqueezeExciteLayer,
        ResidualAddLayer, GlobalPoolLayer, LinearLayer, MaxPoolLayer, ConvShortcutAddLayer {

    /** {@code block12.rep.1.conv1} → {@code block12}. */
    java.util.regex.Pattern NUMBERED_BLOCK = java.util.regex.Pattern.compile("(block\\d+)(\\.|$)");

    /** timm module path, e.g. {@code blocks.1.0.conv_dw}; activations use {@code <bn>.act}. */
    String name();

    /** Short type for tables: conv, depthwise, pointwise, batchnorm, relu6, squeeze_excite, add, pool, linear… */
    String type();

    /** Output shape for a given input shape, by arithmetic alone. */
    Shape outputShape(Shape input);

    /** The tensors this layer reads from a checkpoint. */
    List<ParamSpec> params();

    /**
     * The block this layer belongs to by timm's MobileNet naming: {@code stem}, {@code blocks.3.1} (or Xception's
     * {@code block7}) or {@code head}. {@link Network#blockOf} also knows each family's own stem names.
     */
    default String block() {
        String n = name();
        java.util.regex.Matcher numbered = NUMBERED_BLOCK.matcher(n);
        if (numbered.lookingAt()) {
            return numbered.group(1);
        }
        if (n.startsWith("blocks.")) {
            int second = n.indexOf('.', "blocks.".length());
            int third = second < 0 ? -1 : n.indexOf('.', second + 1);
            return third < 0 ? n : n.substring(0, third);
        }
        return n.equals("conv_stem") || n.startsWith("bn1") ? "stem" : "head";
    }
}
