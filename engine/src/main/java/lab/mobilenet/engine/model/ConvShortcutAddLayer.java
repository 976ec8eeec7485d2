package lab.mobilenet.engine.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A residual connection whose shortcut changes shape: the input of layer {@code from} (the block's input) goes
 * through a 1×1 convolution (strided like the block) and a batch norm, and is added to the current tensor.
 * Xception's modules {@code block1}–{@code block3} and {@code block12} have one ({@code skip}, {@code skipbn});
 * the middle flow's modules use a plain {@link ResidualAddLayer}.
 */
public record ConvShortcutAddLayer(String name, String from, ConvLayer conv, BatchNormLayer norm) implements Layer {

    public ConvShortcutAddLayer {
        if (norm.channels() != conv.geometry().outChannels()) {
            throw new IllegalArgumentException(name + ": batch norm of " + norm.channels() + " channels after a conv to "
                    + conv.geometry().outChannels());
        }
    }

    @Override
    public String type() {
        return "add_conv_shortcut";
    }

    /** The current tensor's shape; it must have the shortcut conv's output channels. */
    @Override
    public Shape outputShape(Shape in) {
        if (in.channels() != conv.geometry().outChannels()) {
            throw new IllegalArgumentException(name + " expects " + conv.geometry().outChannels() + " channels, got " + in);
        }
        return in;
    }

    /** The shortcut's output for a block input of {@code skipIn}: must equal the main path's shape to be added. */
    public Shape shortcutShape(Shape skipIn) {
        return norm.outputShape(conv.outputShape(skipIn));
    }

    @Override
    public List<ParamSpec> params() {
        List<ParamSpec> p = new ArrayList<>(conv.params());
        p.addAll(norm.params());
        return p;
    }
}
