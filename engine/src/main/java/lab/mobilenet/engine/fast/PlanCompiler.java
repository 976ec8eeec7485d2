package lab.mobilenet.engine.fast;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import lab.mobilenet.engine.model.Activation;
import lab.mobilenet.engine.model.ActivationLayer;
import lab.mobilenet.engine.model.BatchNormLayer;
import lab.mobilenet.engine.model.ConvLayer;
import lab.mobilenet.engine.model.GlobalPoolLayer;
import lab.mobilenet.engine.model.Layer;
import lab.mobilenet.engine.model.LinearLayer;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.model.ResidualAddLayer;
import lab.mobilenet.engine.model.SqueezeExciteLayer;
import lab.mobilenet.engine.op.ConvGeometry;
import lab.mobilenet.engine.runtime.Weights;

/**
 * Turns a network's flat layer list into fast-path steps: each convolution swallows the batch norm,
 * the activation and the residual add that follow it (the only patterns MobileNets have); squeeze-excite,
 * pooling and the classifier become steps of their own. Tensors get heap slots by liveness.
 */
final class PlanCompiler {

    /** The steps, where the logits end up, and the memory the steps asked for. */
    record Compiled(List<Step> steps, int logitsSlot, int classes, Workspace.Sizes sizes) {
    }

    private final List<Step> steps = new ArrayList<>();
    private final SlotAllocator slots = new SlotAllocator();
    private final Workspace.Sizes sizes = new Workspace.Sizes();
    private int maxFloats;

    private PlanCompiler() {
    }

    static Compiled compile(Network network, Weights weights, int height, int width) {
        return new PlanCompiler().build(network, weights, height, width);
    }

    private Compiled build(Network network, Weights weights, int height, int width) {
        network.shapes(height, width); // rejects sizes too small for the network, before anything is built
        Set<String> residualSources = new HashSet<>();
        for (Layer l : network.layers()) {
            if (l instanceof ResidualAddLayer r) {
                residualSources.add(r.from());
            }
        }
        int cur = slots.allocate();
        steps.add(new InputStep(cur, height, width));
        int c = 3;
        int h = height;
        int w = width;
        track(c, h, w);
        List<Layer> layers = network.layers();
        boolean stem = true;
        boolean gated = false; // squeeze-excite gates waiting to be folded into the next 1x1 convolution
        int i = 0;
        while (i < layers.size()) {
            Layer layer = layers.get(i);
            if (residualSources.contains(layer.name())) {
                slots.pin(layer.name(), cur);
            }
            if (gated && !(layer instanceof ConvLayer next && next.geometry().isPointwise())) {
                throw new IllegalArgumentException("the fast path needs a 1x1 convolution right after squeeze-excite, not "
                        + layer.name());
            }
            if (layer instanceof ConvLayer conv) {
                int j = i + 1;
                BatchNormLayer bn = j < layers.size() && layers.get(j) instanceof BatchNormLayer b ? b : null;
                j += bn == null ? 0 : 1;
                ActivationLayer act = j < layers.size() && layers.get(j) instanceof ActivationLayer a ? a : null;
                j += act == null ? 0 : 1;
                ConvGeometry g = conv.geometry();
                ResidualAddLayer add = !g.isDepthwise() && j < layers.size()
                        && layers.get(j) instanceof ResidualAddLayer r ? r : null;
                j += add == null ? 0 : 1;
                Folding.Folded f = Folding.fold(conv, bn, weights);
                Activation activation = act == null ? Activation.IDENTITY : act.activation();
                int out = slots.allocate();
                int oh = g.outSize(h);
                int ow = g.outSize(w);
                long macs = g.macs(h, w);
                if (g.isDepthwise()) {
                    steps.add(new DepthwiseStep(new StepInfo(conv.name(), StepKind.DEPTHWISE, macs), cur, out, h, w, c,
                            g.kernel(), g.stride(), g.padding(), f.weights(), f.bias(), activation));
                } else {
                    int residual = add == null ? -1 : slots.unpin(add.from());
                    StepKind kind = stem ? StepKind.STEM : g.kernel() == 1 ? StepKind.POINTWISE : StepKind.CONV;
                    steps.add(new GemmStep(new StepInfo(conv.name(), kind, macs), cur, out, residual, h, w, c,
                            g.kernel(), g.stride(), g.padding(), g.outChannels(), f.weights(), f.bias(), activation,
                            gated));
                    gated = false;
                    if (residual >= 0) {
                        slots.release(residual);
                    }
                }
                slots.release(cur);
                cur = out;
                c = g.outChannels();
                h = oh;
                w = ow;
                stem = false;
                i = j;
            } else if (layer instanceof SqueezeExciteLayer se) {
                String n = se.name();
                steps.add(new SqueezeExciteStep(new StepInfo(n, StepKind.REST, 2L * se.channels() * se.reduced()), cur,
                        h * w, c, se.reduced(), Folding.floats(weights.get(n + ".conv_reduce.weight")),
                        Folding.floats(weights.get(n + ".conv_reduce.bias")),
                        Folding.floats(weights.get(n + ".conv_expand.weight")),
                        Folding.floats(weights.get(n + ".conv_expand.bias"))));
                gated = true;
                i++;
            } else if (layer instanceof GlobalPoolLayer) {
                int out = slots.allocate();
                steps.add(new PoolStep(new StepInfo(layer.name(), StepKind.REST, 0), cur, out, h * w, c));
                slots.release(cur);
                cur = out;
                h = 1;
                w = 1;
                i++;
            } else if (layer instanceof LinearLayer lin) {
                int out = slots.allocate();
                float[] packed = Folding.transpose(Folding.floats(weights.get(lin.name() + ".weight")),
                        lin.outFeatures(), lin.inFeatures());
                steps.add(new GemmStep(new StepInfo(lin.name(), StepKind.REST, (long) lin.inFeatures() * lin.outFeatures()),
                        cur, out, -1, 1, 1, lin.inFeatures(), 1, 1, 0, lin.outFeatures(), packed,
                        Folding.floats(weights.get(lin.name() + ".bias")), Activation.IDENTITY, false));
                slots.release(cur);
                cur = out;
                c = lin.outFeatures();
                i++;
            } else {
                throw new IllegalArgumentException("the fast path cannot fuse " + layer.name() + " (" + layer.type()
                        + ") into the convolution before it");
            }
            track(c, h, w);
        }
        sizes.atLeast(slots.slots(), maxFloats);
        for (Step s : steps) {
            s.reserve(sizes);
        }
        return new Compiled(List.copyOf(steps), cur, c, sizes);
    }

    private void track(int c, int h, int w) {
        maxFloats = Math.max(maxFloats, Math.multiplyExact(Math.multiplyExact(c, h), w));
    }
}
