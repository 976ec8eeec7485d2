package lab.mobilenet.lessons;

import java.util.List;
import java.util.Optional;
import lab.mobilenet.engine.model.Activation;
import lab.mobilenet.engine.model.ActivationLayer;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.BatchNormLayer;
import lab.mobilenet.engine.model.ConvLayer;
import lab.mobilenet.engine.model.Layer;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.model.NetworkBuilder;

/**
 * The real inverted-residual block the linear-bottleneck lesson points at, read from the engine's network
 * definition (not typed in): its 1×1 expansion, the depthwise filter and the 1×1 projection, with the
 * activation each is followed by. The lesson's claim "the projection has no ReLU6" is then a fact of the
 * model the app runs, not of the lesson's text.
 *
 * @param network        the network's name, e.g. {@code mobilenetv2_100}
 * @param block          the block's timm name, e.g. {@code blocks.2.1}
 * @param inChannels     channels entering the block (= channels of the thin tensor between blocks)
 * @param expanded       channels after the 1×1 expansion
 * @param outChannels    channels after the 1×1 projection
 * @param expandConv     the expansion conv's name ({@code …conv_pw})
 * @param expandAct      the activation after the expansion (ReLU6 in V2)
 * @param depthwiseAct   the activation after the depthwise conv
 * @param projectConv    the projection conv's name ({@code …conv_pwl})
 * @param projectNorm    the batch norm after it ({@code …bn3})
 * @param projectAct     the activation after the projection's batch norm; empty: linear
 */
public record ProjectionBlock(String network, String block, int inChannels, int expanded, int outChannels,
                              String expandConv, Activation expandAct, Activation depthwiseAct, String projectConv,
                              String projectNorm, Optional<Activation> projectAct) {

    /** The block the lessons use: MobileNetV2's blocks.2.1, 32 channels at 28×28, the block of lesson 8. */
    public static final String V2_BLOCK = "blocks.2.1";

    /** The expansion ratio t: expanded / in channels (6 in MobileNetV2). */
    public double expansion() {
        return expanded / (double) inChannels;
    }

    /** MobileNetV2 (width 1.0)'s {@link #V2_BLOCK}. */
    public static ProjectionBlock mobileNetV2() {
        return of(NetworkBuilder.build(Architecture.MOBILENET_V2, 1.0), V2_BLOCK);
    }

    /**
     * Reads an expand / depthwise / project block of {@code net}: the first conv is the expansion, the last the
     * projection; the activation of each stage is the activation layer right after its batch norm, if any.
     *
     * @throws IllegalArgumentException if {@code block} is not such a block
     */
    public static ProjectionBlock of(Network net, String block) {
        List<Layer> layers = net.blocks().get(block);
        if (layers == null) {
            throw new IllegalArgumentException("no block " + block + " in " + net.name());
        }
        List<Integer> convs = java.util.stream.IntStream.range(0, layers.size())
                .filter(i -> layers.get(i) instanceof ConvLayer).boxed().toList();
        if (convs.size() != 3) {
            throw new IllegalArgumentException(block + " of " + net.name() + " is not expand / depthwise / project: "
                    + convs.size() + " convolutions");
        }
        ConvLayer expand = (ConvLayer) layers.get(convs.get(0));
        ConvLayer project = (ConvLayer) layers.get(convs.get(2));
        int p = convs.get(2);
        if (p + 1 >= layers.size() || !(layers.get(p + 1) instanceof BatchNormLayer norm)) {
            throw new IllegalArgumentException(block + ": the projection " + project.name() + " has no batch norm");
        }
        Activation ea = activationAfter(layers, convs.get(0) + 1)
                .orElseThrow(() -> new IllegalArgumentException(block + ": the expansion has no activation"));
        Activation da = activationAfter(layers, convs.get(1) + 1)
                .orElseThrow(() -> new IllegalArgumentException(block + ": the depthwise conv has no activation"));
        return new ProjectionBlock(net.name(), block, expand.geometry().inChannels(), expand.geometry().outChannels(),
                project.geometry().outChannels(), expand.name(), ea, da, project.name(), norm.name(),
                activationAfter(layers, p + 1));
    }

    /** The activation following the batch norm at {@code bn}, if that layer is a batch norm and one follows. */
    private static Optional<Activation> activationAfter(List<Layer> layers, int bn) {
        if (bn + 1 < layers.size() && layers.get(bn) instanceof BatchNormLayer
                && layers.get(bn + 1) instanceof ActivationLayer a) {
            return Optional.of(a.activation());
        }
        return Optional.empty();
    }
}
