package lab.mobilenet.engine.model;

import java.util.ArrayList;
import java.util.List;
import lab.mobilenet.engine.op.ConvGeometry;

/**
 * Expands an architecture table into layers with timm's rules for the width multiplier α: every
 * channel count goes through {@link Channels#scale}, expansion channels through
 * {@link Channels#makeDivisible}, squeeze-excite reduces to {@code makeDivisible(C / 4)}.
 */
public final class NetworkBuilder {

    private final Architecture arch;
    private final double width;
    private final int numClasses;
    private final List<Layer> layers = new ArrayList<>();

    private NetworkBuilder(Architecture arch, double width, int numClasses) {
        this.arch = arch;
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
        Activation modelAct = arch.isV3() ? Activation.HARD_SWISH : Activation.RELU6;
        int stem = stemChannels();
        convBnAct("conv_stem", "bn1", ConvGeometry.standard(3, stem, 3, 2), modelAct);
        int in = stem;
        List<List<BlockSpec>> stages = ArchitectureTables.stages(arch);
        for (int s = 0; s < stages.size(); s++) {
            List<BlockSpec> stage = stages.get(s);
            for (int b = 0; b < stage.size(); b++) {
                BlockSpec spec = stage.get(b);
                Activation act = spec.activation() == null ? modelAct : spec.activation();
                in = block("blocks." + s + "." + b, spec, in, act);
            }
        }
        if (arch.isV3()) {
            efficientHead(in);
        } else {
            convHead(in, modelAct);
        }
        return new Network(arch.timmName(width), arch, width, numClasses, layers);
    }

    private int stemChannels() {
        int base = arch.isV3() ? 16 : 32;
        // timm's MobileNetV3 keeps the stem at 16 below α = 0.75 (fix_stem); V1/V2 always scale it.
        boolean fixStem = arch.isV3() && width < 0.75;
        return fixStem ? base : Channels.scale(base, width);
    }

    private int block(String path, BlockSpec spec, int in, Activation act) {
        int out = Channels.scale(spec.outChannels(), width);
        int k = spec.kernel();
        int s = spec.stride();
        int startIndex = layers.size();
        switch (spec.type()) {
            case DS, DSA -> {
                convBnAct(path + ".conv_dw", path + ".bn1", ConvGeometry.depthwise(in, k, s), act);
                if (spec.squeezeExcite()) {
                    layers.add(new SqueezeExciteLayer(path + ".se", in, Channels.makeDivisible(in * 0.25)));
                }
                conv(path + ".conv_pw", ConvGeometry.pointwise(in, out), false);
                layers.add(new BatchNormLayer(path + ".bn2", out, BatchNormLayer.TIMM_EPS));
                if (spec.type() == BlockType.DSA) {
                    layers.add(new ActivationLayer(path + ".bn2.act", act));
                }
            }
            case IR -> {
                int mid = Channels.makeDivisible(in * spec.expansion());
                convBnAct(path + ".conv_pw", path + ".bn1", ConvGeometry.pointwise(in, mid), act);
                convBnAct(path + ".conv_dw", path + ".bn2", ConvGeometry.depthwise(mid, k, s), act);
                if (spec.squeezeExcite()) {
                    layers.add(new SqueezeExciteLayer(path + ".se", mid, Channels.makeDivisible(mid * 0.25)));
                }
                conv(path + ".conv_pwl", ConvGeometry.pointwise(mid, out), false);
                layers.add(new BatchNormLayer(path + ".bn3", out, BatchNormLayer.TIMM_EPS));
            }
            case CN -> convBnAct(path + ".conv", path + ".bn1", ConvGeometry.standard(in, out, k, s), act);
            case FULL -> convBnAct(path + ".conv", path + ".bn1", ConvGeometry.standard(in, out, k, s), act);
        }
        boolean residual = (spec.type() == BlockType.DS || spec.type() == BlockType.IR) && s == 1 && in == out;
        if (residual) {
            layers.add(new ResidualAddLayer(path + ".add", layers.get(startIndex).name()));
        }
        return out;
    }

    /** V1/V2: [conv_head 1×1 → bn2 → act] → pool + flatten → classifier. V1 has no head conv. */
    private void convHead(int in, Activation act) {
        int features = in;
        if (arch == Architecture.MOBILENET_V2) {
            features = Math.max(1280, Channels.scale(1280, width));
            convBnAct("conv_head", "bn2", ConvGeometry.pointwise(in, features), act);
        }
        layers.add(new GlobalPoolLayer("global_pool", true));
        layers.add(new LinearLayer("classifier", features, numClasses));
    }

    /** V3: pool → conv_head 1×1 with bias, no BN → hard-swish → classifier. The head width is not scaled by α. */
    private void efficientHead(int in) {
        int features = arch == Architecture.MOBILENET_V3_LARGE ? 1280 : 1024;
        layers.add(new GlobalPoolLayer("global_pool", false));
        conv("conv_head", ConvGeometry.pointwise(in, features), true);
        layers.add(new ActivationLayer("act2", Activation.HARD_SWISH));
        layers.add(new LinearLayer("classifier", features, numClasses));
    }

    private void convBnAct(String conv, String bn, ConvGeometry g, Activation act) {
        conv(conv, g, false);
        layers.add(new BatchNormLayer(bn, g.outChannels(), BatchNormLayer.TIMM_EPS));
        layers.add(new ActivationLayer(bn + ".act", act));
    }

    private void conv(String name, ConvGeometry g, boolean bias) {
        layers.add(new ConvLayer(name, g, bias));
    }
}
