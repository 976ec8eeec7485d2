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
 * Turns a network's layer list into the inspection plan's steps: one layer, one tensor, nothing folded.
 * A convolution runs with its own weights and bias (the fast path's GEMM and depthwise kernels with the
 * identity epilogue), a batch norm is its own pass with a per-channel scale and shift, an activation, a
 * residual add and squeeze-excite's gating are passes of their own. Every layer's output is kept in a heap
 * slot (so that a listener can copy it; an element-wise layer overwrites its input once the listener has had
 * it, unless a residual add still needs it), and also written into a native GEMM input when a 1×1
 * convolution or the classifier reads it next.
 */
final class InspectionCompiler {

    /** The steps, which layer each belongs to, each layer's output slot, and the memory they asked for. */
    record Compiled(List<Step> steps, int[] layerOfStep, int[] slotOfLayer, Workspace.Sizes sizes) {
    }

    private final List<Step> steps = new ArrayList<>();
    private final List<Integer> layerOfStep = new ArrayList<>();
    private final SlotAllocator slots = new SlotAllocator();
    private final Workspace.Sizes sizes = new Workspace.Sizes();
    private final Set<String> residualSources = new HashSet<>();
    private List<Layer> layers;
    private int nativeInputs;

    private InspectionCompiler() {
    }

    static Compiled compile(Network network, Weights weights, int height, int width) {
        return new InspectionCompiler().build(network, weights, height, width);
    }

    private Compiled build(Network network, Weights weights, int height, int width) {
        network.shapes(height, width); // rejects sizes too small for the network
        layers = network.layers();
        for (Layer l : layers) {
            if (l instanceof ResidualAddLayer r) {
                residualSources.add(r.from());
            }
        }
        int[] slotOfLayer = new int[layers.size()];
        int cur = -1;
        int curBuffer = -1;
        int c = 3;
        int h = height;
        int w = width;
        int maxFloats = 0;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            if (residualSources.contains(layer.name())) {
                slots.pin(layer.name(), cur);
            }
            int pixels = h * w;
            // an element-wise layer overwrites its input (the listener has had its copy), unless a residual needs it
            boolean inPlace = i > 0 && elementwise(layer) && !slots.isPinned(cur);
            Output out = output(i + 1, inPlace ? cur : -1);
            if (layer instanceof ConvLayer conv) {
                ConvGeometry g = conv.geometry();
                Folding.Folded f = Folding.fold(conv, null, weights); // the convolution's own weights, BN not folded
                long macs = g.macs(h, w);
                if (g.isDepthwise()) {
                    if (i == 0) {
                        throw new UnsupportedNetworkException("the inspection plan needs a standard convolution first");
                    }
                    add(i, new DepthwiseStep(new StepInfo(conv.name(), StepKind.DEPTHWISE, macs), cur, out, h, w, c,
                            g.kernel(), g.stride(), g.padding(), f.weights(), f.bias(), Activation.IDENTITY));
                } else {
                    GemmStep.Source source = i == 0 ? GemmStep.Source.IMAGE
                            : direct(g) ? GemmStep.Source.NATIVE : GemmStep.Source.HEAP;
                    int buffer = source == GemmStep.Source.NATIVE ? curBuffer : nativeInputs++ % 2;
                    StepKind kind = i == 0 ? StepKind.STEM : g.kernel() == 1 ? StepKind.POINTWISE : StepKind.CONV;
                    add(i, new GemmStep(new StepInfo(conv.name(), kind, macs), source, cur, buffer, -1, out, h, w, c,
                            g.kernel(), g.stride(), g.padding(), g.outChannels(), f.weights(), f.bias(),
                            Activation.IDENTITY, false));
                }
                c = g.outChannels();
                h = g.outSize(h);
                w = g.outSize(w);
            } else if (i == 0) {
                throw new UnsupportedNetworkException("the inspection plan needs a convolution first, not " + layer.name());
            } else if (layer instanceof BatchNormLayer bn) {
                float[][] st = scaleShift(bn, weights, c);
                add(i, ElementwiseStep.affine(info(layer), cur, out, pixels, c, st[0], st[1]));
            } else if (layer instanceof ActivationLayer a) {
                add(i, ElementwiseStep.activate(info(layer), cur, out, pixels, c, a.activation()));
            } else if (layer instanceof ResidualAddLayer r) {
                int residual = slots.unpin(r.from());
                add(i, ElementwiseStep.add(info(layer), cur, residual, out, pixels, c));
                slots.release(residual);
            } else if (layer instanceof SqueezeExciteLayer se) {
                String n = se.name();
                add(i, new SqueezeExciteStep(new StepInfo(n, StepKind.REST, 2L * se.channels() * se.reduced()), cur,
                        pixels, c, se.reduced(), Folding.floats(weights.get(n + ".conv_reduce.weight")),
                        Folding.floats(weights.get(n + ".conv_reduce.bias")),
                        Folding.floats(weights.get(n + ".conv_expand.weight")),
                        Folding.floats(weights.get(n + ".conv_expand.bias")), true));
                add(i, ElementwiseStep.gate(info(layer), cur, out, pixels, c));
            } else if (layer instanceof GlobalPoolLayer) {
                add(i, new PoolStep(info(layer), cur, out, pixels, c));
                h = 1;
                w = 1;
            } else if (layer instanceof LinearLayer lin) {
                float[] packed = Folding.transpose(Folding.floats(weights.get(lin.name() + ".weight")),
                        lin.outFeatures(), lin.inFeatures());
                add(i, new GemmStep(new StepInfo(lin.name(), StepKind.REST, (long) lin.inFeatures() * lin.outFeatures()),
                        GemmStep.Source.NATIVE, cur, curBuffer, -1, out, 1, 1, lin.inFeatures(), 1, 1, 0,
                        lin.outFeatures(), packed, Folding.floats(weights.get(lin.name() + ".bias")), Activation.IDENTITY,
                        false));
                c = lin.outFeatures();
            } else {
                throw new UnsupportedNetworkException("the inspection plan has no kernel for " + layer.name() + " ("
                        + layer.type() + ")");
            }
            if (cur >= 0 && cur != out.slot()) {
                slots.release(cur);
            }
            cur = out.slot();
            curBuffer = out.buffer();
            slotOfLayer[i] = cur;
            maxFloats = Math.max(maxFloats, Math.multiplyExact(Math.multiplyExact(c, h), w));
        }
        sizes.atLeast(slots.slots(), maxFloats);
        for (Step s : steps) {
            s.reserve(sizes);
        }
        return new Compiled(List.copyOf(steps), layerOfStep.stream().mapToInt(Integer::intValue).toArray(),
                slotOfLayer, sizes);
    }

    private void add(int layer, Step step) {
        steps.add(step);
        layerOfStep.add(layer);
    }

    private static StepInfo info(Layer layer) {
        return new StepInfo(layer.name(), StepKind.REST, 0);
    }

    /** Inference batch norm as {@code y = s·x + t}: {@code s = γ / √(var + ε)}, {@code t = β − mean·s}, in double. */
    static float[][] scaleShift(BatchNormLayer bn, Weights weights, int channels) {
        float[] gamma = Folding.floats(weights.get(bn.name() + ".weight"));
        float[] beta = Folding.floats(weights.get(bn.name() + ".bias"));
        float[] mean = Folding.floats(weights.get(bn.name() + ".running_mean"));
        float[] var = Folding.floats(weights.get(bn.name() + ".running_var"));
        if (gamma.length != channels) {
            throw new IllegalArgumentException(bn.name() + ": " + gamma.length + " channels, the tensor has " + channels);
        }
        float[] scale = new float[channels];
        float[] shift = new float[channels];
        for (int ch = 0; ch < channels; ch++) {
            double s = gamma[ch] / Math.sqrt(var[ch] + (double) bn.eps());
            scale[ch] = (float) s;
            shift[ch] = (float) (beta[ch] - mean[ch] * s);
        }
        return new float[][] {scale, shift};
    }

    /** A 1×1 convolution that reads its input as it is (no im2col). */
    private static boolean direct(ConvGeometry g) {
        return g.kernel() == 1 && g.stride() == 1 && g.padding() == 0 && g.groups() == 1;
    }

    private static boolean elementwise(Layer l) {
        return l instanceof BatchNormLayer || l instanceof ActivationLayer || l instanceof ResidualAddLayer
                || l instanceof SqueezeExciteLayer;
    }

    /**
     * Every layer's output goes to a heap slot ({@code slot}, or a new one when −1); also to a native GEMM
     * input if a 1×1 convolution or the classifier reads it next.
     */
    private Output output(int next, int slot) {
        Layer r = next < layers.size() ? layers.get(next) : null;
        boolean gemm = r instanceof LinearLayer || r instanceof ConvLayer cl && direct(cl.geometry());
        return new Output(slot >= 0 ? slot : slots.allocate(), gemm ? nativeInputs++ % 2 : -1);
    }
}
