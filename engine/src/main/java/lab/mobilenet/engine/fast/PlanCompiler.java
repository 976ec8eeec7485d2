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
 * pooling and the classifier become steps of their own. Each step's output goes where its reader wants
 * it: a heap slot (slots assigned by liveness), a native GEMM input (the two alternate), or both.
 */
final class PlanCompiler {

    /** The steps, where the logits end up, and the memory the steps asked for. */
    record Compiled(List<Step> steps, int logitsSlot, int classes, Workspace.Sizes sizes) {
    }

    private final List<Step> steps = new ArrayList<>();
    private final SlotAllocator slots = new SlotAllocator();
    private final Workspace.Sizes sizes = new Workspace.Sizes();
    private final Set<String> residualSources = new HashSet<>();
    private List<Layer> layers;
    private int maxFloats;
    private int nativeInputs;

    private PlanCompiler() {
    }

    static Compiled compile(Network network, Weights weights, int height, int width) {
        PlanCompiler compiler = new PlanCompiler();
        return Step.closingOnFailure(compiler.steps, () -> compiler.build(network, weights, height, width));
    }

    private Compiled build(Network network, Weights weights, int height, int width) {
        network.shapes(height, width); // rejects sizes too small for the network, before anything is built
        layers = network.layers();
        for (Layer l : layers) {
            if (l instanceof ResidualAddLayer r) {
                residualSources.add(r.from());
            }
        }
        int cur = -1; // heap slot of the current tensor, -1 if it is only in native memory (or the image)
        int curBuffer = -1; // native buffer holding it, if a GEMM reads it next
        boolean first = true; // the first convolution reads the caller's image
        int c = 3;
        int h = height;
        int w = width;
        boolean gated = false; // squeeze-excite gates waiting to be folded into the next 1x1 convolution
        int i = 0;
        while (i < layers.size()) {
            Layer layer = layers.get(i);
            if (residualSources.contains(layer.name())) {
                slots.pin(layer.name(), cur);
            }
            if (gated && !(layer instanceof ConvLayer next && direct(next.geometry()))) {
                throw new UnsupportedNetworkException("the fast path needs a 1x1 convolution right after squeeze-excite, not "
                        + layer.name());
            }
            Output out;
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
                long macs = g.macs(h, w);
                if (g.isDepthwise()) {
                    if (first) {
                        throw new UnsupportedNetworkException("the fast path needs a standard convolution first, not "
                                + conv.name());
                    }
                    out = output(j);
                    steps.add(new DepthwiseStep(new StepInfo(conv.name(), StepKind.DEPTHWISE, macs), cur,
                            curBuffer == Output.DEPTHWISE_INPUT ? curBuffer : -1, out, h, w, c, g.kernel(), g.stride(),
                            g.padding(), f.weights(), f.bias(), activation, true));
                } else {
                    int residual = add == null ? -1 : slots.unpin(add.from());
                    GemmStep.Source source = first ? GemmStep.Source.IMAGE
                            : direct(g) ? GemmStep.Source.NATIVE : GemmStep.Source.HEAP;
                    int buffer = source == GemmStep.Source.NATIVE ? curBuffer : nativeInputs++ % 2;
                    out = output(j);
                    StepKind kind = first ? StepKind.STEM : g.kernel() == 1 ? StepKind.POINTWISE : StepKind.CONV;
                    StepInfo info = new StepInfo(conv.name(), kind, macs);
                    Step oneDnn = first && residual < 0 ? StemStep.create(info, buffer, out, h, w, c, g.kernel(),
                            g.stride(), g.padding(), g.outChannels(), f.weights(), f.bias(), activation)
                            : source == GemmStep.Source.NATIVE
                            ? PointwiseStep.create(info, buffer, residual, gated, out, h, w, c, g.outChannels(),
                                    f.weights(), f.bias(), activation) : null;
                    steps.add(oneDnn != null ? oneDnn : new GemmStep(info, source, cur, buffer, residual, out, h, w, c,
                            g.kernel(), g.stride(), g.padding(), g.outChannels(), f.weights(), f.bias(), activation,
                            gated));
                    gated = false;
                    if (residual >= 0) {
                        slots.release(residual);
                    }
                }
                first = false;
                c = g.outChannels();
                h = g.outSize(h);
                w = g.outSize(w);
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
                continue; // in place: the tensor and where it lives do not change
            } else if (layer instanceof GlobalPoolLayer) {
                out = output(i + 1);
                steps.add(new PoolStep(new StepInfo(layer.name(), StepKind.REST, 0), cur, out, h * w, c));
                h = 1;
                w = 1;
                i++;
            } else if (layer instanceof LinearLayer lin) {
                float[] packed = Folding.transpose(Folding.floats(weights.get(lin.name() + ".weight")),
                        lin.outFeatures(), lin.inFeatures());
                out = output(i + 1);
                steps.add(new GemmStep(new StepInfo(lin.name(), StepKind.REST, (long) lin.inFeatures() * lin.outFeatures()),
                        GemmStep.Source.NATIVE, cur, curBuffer, -1, out, 1, 1, lin.inFeatures(), 1, 1, 0,
                        lin.outFeatures(), packed, Folding.floats(weights.get(lin.name() + ".bias")), Activation.IDENTITY,
                        false));
                c = lin.outFeatures();
                i++;
            } else {
                throw new UnsupportedNetworkException("the fast path cannot fuse " + layer.name() + " (" + layer.type()
                        + ") into the convolution before it");
            }
            if (cur >= 0) {
                slots.release(cur);
            }
            cur = out.slot();
            curBuffer = out.buffer();
            maxFloats = Math.max(maxFloats, Math.multiplyExact(Math.multiplyExact(c, h), w));
        }
        sizes.atLeast(slots.slots(), maxFloats);
        for (Step s : steps) {
            s.reserve(sizes);
        }
        return new Compiled(List.copyOf(steps), cur, c, sizes);
    }

    /** A 1×1 convolution that reads its input as it is (no im2col). */
    private static boolean direct(ConvGeometry g) {
        return g.kernel() == 1 && g.stride() == 1 && g.padding() == 0 && g.groups() == 1;
    }

    /**
     * Where the output of the step ending before layer {@code next} must go: a native GEMM input if a 1×1
     * convolution or the classifier reads it next (past a squeeze-excite, which only reads it), oneDNN's
     * depthwise input if oneDNN's kernel convolves it next, a heap slot if anything else reads it, a residual
     * add will, or it is the network's output.
     */
    private Output output(int next) {
        boolean heap = next >= layers.size();
        boolean gemm = false;
        boolean depthwise = false;
        int reader = next;
        if (!heap) {
            if (residualSources.contains(layers.get(next).name())) {
                heap = true;
            }
            if (layers.get(reader) instanceof SqueezeExciteLayer) {
                heap = true;
                reader++;
            }
            Layer r = reader < layers.size() ? layers.get(reader) : null;
            if (r instanceof LinearLayer || r instanceof ConvLayer cl && direct(cl.geometry())) {
                gemm = true;
            } else if (r instanceof ConvLayer dc && dc.geometry().isDepthwise()
                    && OneDnnConvolution.runsDepthwise(activationAfter(reader))) {
                depthwise = true; // oneDNN reads it from native memory: written there, no copy
            } else {
                heap = true;
            }
        }
        int buffer = gemm ? nativeInputs++ % 2 : depthwise ? Output.DEPTHWISE_INPUT : -1;
        return new Output(heap ? slots.allocate() : -1, buffer);
    }

    /** The activation fused into the convolution at {@code conv}: the one after its batch norm, if any. */
    private Activation activationAfter(int conv) {
        int j = conv + 1;
        if (j < layers.size() && layers.get(j) instanceof BatchNormLayer) {
            j++;
        }
        return j < layers.size() && layers.get(j) instanceof ActivationLayer a ? a.activation() : Activation.IDENTITY;
    }
}
