package lab.mobilenet.engine.model;

import java.util.ArrayList;
import java.util.List;
import lab.mobilenet.engine.op.ConvGeometry;

/**
 * Expands a {@link NetworkFamily} into layers with timm's rules for the width multiplier α: every channel
 * count goes through {@link Channels#scale}, expansion channels through {@link Channels#makeDivisible},
 * squeeze-excite reduces to {@code makeDivisible(C / 4)}. Block types and head kinds are switched over with
 * switch expressions, so a new kind that says nothing about its layers does not compile.
 */
public final class NetworkBuilder {

    private final Architecture arch;
    private final NetworkFamily family;
    private final double width;
    private final int numClasses;
    private final List<Layer> layers = new ArrayList<>();

    private NetworkBuilder(Architecture arch, double width, int numClasses) {
        this.arch = arch;
        this.family = arch.family();
        this.width = width;
        this.numClasses = numClasses;
    }

    /** The ImageNet-1k network of an architecture at width α. */
    public static Network build(Architecture arch, double width) {
        return build(arch, width, 1000);
    }

    public static Network build(Architecture arch, double width, int numClasses) {
        if (!(width > 0 && width <= 4)) {
            throw new IllegalArgumentException("width multiplier must be in (0, 4], got " + width);
        }
        if (numClasses <= 0) {
            throw new IllegalArgumentException("numClasses must be positive, got " + numClasses);
        }
        return new NetworkBuilder(arch, width, numClasses).assemble();
    }

    private Network assemble() {
        Activation modelAct = family.activation();
        int in = 3;
        for (StemConv s : family.stem()) {
            ConvGeometry g = s.geometry(in, width);
            convBnAct(s.conv(), s.bn(), s.act(), g, modelAct);
            in = g.outChannels();
        }
        List<List<BlockSpec>> stages = family.stages();
        int numbered = 0;
        for (int s = 0; s < stages.size(); s++) {
            List<BlockSpec> stage = stages.get(s);
            for (int b = 0; b < stage.size(); b++) {
                BlockSpec spec = stage.get(b);
                Activation act = spec.activation() == null ? modelAct : spec.activation();
                String path = switch (family.naming()) {
                    case STAGED -> "blocks." + s + "." + b;
                    case NUMBERED -> "block" + (++numbered);
                };
                List<Layer> emitted = block(path, spec, in, act);
                layers.addAll(emitted);
                in = Channels.scale(spec.outChannels(), width);
            }
        }
        head(in, modelAct);
        return new Network(family.timmName(width), arch, width, numClasses, layers);
    }

    /** The layers of one block; the residual add (if any) is the last of them. */
    private List<Layer> block(String path, BlockSpec spec, int in, Activation act) {
        int out = Channels.scale(spec.outChannels(), width);
        int k = spec.kernel();
        int s = spec.stride();
        List<Layer> l = new ArrayList<>();
        return switch (spec.type()) {
            case DS, DSA -> {
                convBnAct(l, path + ".conv_dw", path + ".bn1", path + ".bn1.act", ConvGeometry.depthwise(in, k, s), act);
                if (spec.squeezeExcite()) {
                    l.add(new SqueezeExciteLayer(path + ".se", in, Channels.makeDivisible(in * 0.25)));
                }
                l.add(new ConvLayer(path + ".conv_pw", ConvGeometry.pointwise(in, out), false));
                l.add(new BatchNormLayer(path + ".bn2", out, BatchNormLayer.TIMM_EPS));
                if (spec.type() == BlockType.DSA) {
                    l.add(new ActivationLayer(path + ".bn2.act", act));
                } else if (s == 1 && in == out) {
                    l.add(new ResidualAddLayer(path + ".add", l.get(0).name()));
                }
                yield l;
            }
            case IR -> {
                int mid = Channels.makeDivisible(in * spec.expansion());
                convBnAct(l, path + ".conv_pw", path + ".bn1", path + ".bn1.act", ConvGeometry.pointwise(in, mid), act);
                convBnAct(l, path + ".conv_dw", path + ".bn2", path + ".bn2.act", ConvGeometry.depthwise(mid, k, s), act);
                if (spec.squeezeExcite()) {
                    l.add(new SqueezeExciteLayer(path + ".se", mid, Channels.makeDivisible(mid * 0.25)));
                }
                l.add(new ConvLayer(path + ".conv_pwl", ConvGeometry.pointwise(mid, out), false));
                l.add(new BatchNormLayer(path + ".bn3", out, BatchNormLayer.TIMM_EPS));
                if (s == 1 && in == out) {
                    l.add(new ResidualAddLayer(path + ".add", l.get(0).name()));
                }
                yield l;
            }
            case CN, FULL -> {
                convBnAct(l, path + ".conv", path + ".bn1", path + ".bn1.act", ConvGeometry.standard(in, out, k, s), act);
                yield l;
            }
            case XCEPTION -> XceptionModule.layers(path, spec, in, out, act);
        };
    }

    private void head(int in, Activation act) {
        HeadSpec h = family.head();
        String fc = h.classifier();
        switch (h.kind()) {
            case POOL_LINEAR -> {
                layers.add(new GlobalPoolLayer("global_pool", true));
                layers.add(new LinearLayer(fc, in, numClasses));
            }
            case CONV_POOL_LINEAR -> {
                int base = h.features().get(0);
                int features = Math.max(base, Channels.scale(base, width));
                convBnAct("conv_head", "bn2", "bn2.act", ConvGeometry.pointwise(in, features), act);
                layers.add(new GlobalPoolLayer("global_pool", true));
                layers.add(new LinearLayer(fc, features, numClasses));
            }
            case POOL_CONV_LINEAR -> {
                // V3: the head width is not scaled by α, the conv has a bias and no BN, hard-swish always
                int features = h.features().get(0);
                layers.add(new GlobalPoolLayer("global_pool", false));
                layers.add(new ConvLayer("conv_head", ConvGeometry.pointwise(in, features), true));
                layers.add(new ActivationLayer("act2", Activation.HARD_SWISH));
                layers.add(new LinearLayer(fc, features, numClasses));
            }
            case SEPARABLE_POOL_LINEAR -> {
                int c = in;
                for (int i = 0; i < h.features().size(); i++) {
                    int out = Channels.scale(h.features().get(i), width);
                    String conv = "conv" + (3 + i);
                    layers.add(new ConvLayer(conv + ".conv1", ConvGeometry.depthwise(c, 3, 1), false));
                    convBnAct(conv + ".pointwise", "bn" + (3 + i), "act" + (3 + i), ConvGeometry.pointwise(c, out), act);
                    c = out;
                }
                layers.add(new GlobalPoolLayer("global_pool", true));
                layers.add(new LinearLayer(fc, c, numClasses));
            }
        }
    }

    private void convBnAct(String conv, String bn, String actName, ConvGeometry g, Activation act) {
        convBnAct(layers, conv, bn, actName, g, act);
    }

    static void convBnAct(List<Layer> into, String conv, String bn, String actName, ConvGeometry g, Activation act) {
        into.add(new ConvLayer(conv, g, false));
        into.add(new BatchNormLayer(bn, g.outChannels(), BatchNormLayer.TIMM_EPS));
        into.add(new ActivationLayer(actName, act));
    }
}
