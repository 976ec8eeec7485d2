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
 * residual add and squeeze-excite's gating are passes of their own. A layer's output goes where its reader
 * wants it, as on the fast path: into a native GEMM input when a 1×1 convolution or the classifier reads it
 * next, into oneDNN's depthwise input when oneDNN convolves it next; a convolution leaves its output where
 * sgemm or oneDNN wrote it, and the batch norm and activation after it work there in place; anything else,
 * and whatever a residual
 * add needs later, goes to a heap slot (an element-wise layer overwrites its input there once the listener
 * has had it, unless a residual add still needs it). A listener copies a layer's output from wherever it
 * is, right after the layer ran: each tensor lives until its reader has read it.
 */
final class InspectionCompiler {

    /**
     * The steps, which layer each belongs to, where each layer's output is (a heap slot, else −1 and the
     * {@link Workspace#nativeIn} buffer), and the memory they asked for.
     */
    record Compiled(List<Step> steps, int[] layerOfStep, int[] slotOfLayer, int[] bufferOfLayer,
                    Workspace.Sizes sizes) {
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
        InspectionCompiler compiler = new InspectionCompiler();
        return Step.closingOnFailure(compiler.steps, () -> compiler.build(network, weights, height, width));
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
        int[] bufferOfLayer = new int[layers.size()];
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
            boolean inPlace = cur >= 0 && elementwise(layer) && !slots.isPinned(cur);
            Output out = output(i, inPlace ? cur : -1, cur < 0 ? curBuffer : -1);
            ElementwiseStep.Input input = i == 0 ? null : new ElementwiseStep.Input(cur, curBuffer);
            if (layer instanceof ConvLayer conv) {
                ConvGeometry g = conv.geometry();
                Folding.Folded f = Folding.fold(conv, null, weights); // the convolution's own weights, BN not folded
                long macs = g.macs(h, w);
                if (g.isDepthwise()) {
                    if (i == 0) {
                        throw new UnsupportedNetworkException("the inspection plan needs a standard convolution first");
                    }
                    add(i, new DepthwiseStep(new StepInfo(conv.name(), StepKind.DEPTHWISE, macs), cur,
                            cur < 0 || curBuffer == Output.DEPTHWISE_INPUT ? curBuffer : -1, out, h, w, c, g.kernel(), g.stride(),
                            g.padding(), f.weights(), f.bias(), Activation.IDENTITY, true));
                } else {
                    GemmStep.Source source = i == 0 ? GemmStep.Source.IMAGE
                            : direct(g) ? GemmStep.Source.NATIVE : GemmStep.Source.HEAP;
                    int buffer = source == GemmStep.Source.NATIVE ? curBuffer : nativeInputs++ % 2;
                    StepKind kind = i == 0 ? StepKind.STEM : g.kernel() == 1 ? StepKind.POINTWISE : StepKind.CONV;
                    StepInfo info = new StepInfo(conv.name(), kind, macs);
                    Step oneDnn = i == 0 ? StemStep.create(info, buffer, out, h, w, c, g.kernel(), g.stride(),
                            g.padding(), g.outChannels(), f.weights(), f.bias(), Activation.IDENTITY)
                            : source == GemmStep.Source.NATIVE ? PointwiseStep.create(info, buffer, -1, false, out, h, w, c,
                                    g.outChannels(), f.weights(), f.bias(), Activation.IDENTITY) : null;
                    add(i, oneDnn != null ? oneDnn : new GemmStep(info, source, cur, buffer, -1, out, h, w, c, g.kernel(),
                            g.stride(), g.padding(), g.outChannels(), f.weights(), f.bias(), Activation.IDENTITY,
                            false));
                }
                c = g.outChannels();
                h = g.outSize(h);
                w = g.outSize(w);
            } else if (i == 0) {
                throw new UnsupportedNetworkException("the inspection plan needs a convolution first, not " + layer.name());
            } else if (layer instanceof BatchNormLayer bn) {
                float[][] st = scaleShift(bn, weights, c);
                add(i, ElementwiseStep.affine(info(layer), input, out, pixels, c, st[0], st[1]));
            } else if (layer instanceof ActivationLayer a) {
                add(i, ElementwiseStep.activate(info(layer), input, out, pixels, c, a.activation()));
            } else if (layer instanceof ResidualAddLayer r) {
                int residual = slots.unpin(r.from());
                add(i, ElementwiseStep.add(info(layer), input, residual, out, pixels, c));
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
            bufferOfLayer[i] = curBuffer;
            maxFloats = Math.max(maxFloats, Math.multiplyExact(Math.multiplyExact(c, h), w));
        }
        sizes.atLeast(slots.slots(), maxFloats);
        for (Step s : steps) {
            s.reserve(sizes);
        }
        return new Compiled(List.copyOf(steps), layerOfStep.stream().mapToInt(Integer::intValue).toArray(),
                slotOfLayer, bufferOfLayer, sizes);
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
     * Where layer {@code i}'s output goes, so that no step writes a tensor to memory that has gone cold:
     * <ul>
     * <li>a batch norm or activation whose input is in native memory only ({@code inputBuffer}, else −1) works
     * in place there if the next layer can read it there: a batch norm, an activation, oneDNN's depthwise
     * convolution, or a 1×1 convolution or the classifier (unless it is the GEMM's own output);</li>
     * <li>else a native GEMM input if a 1×1 convolution or the classifier reads it next, oneDNN's depthwise
     * input if oneDNN convolves it next;</li>
     * <li>else, if a batch norm or activation reads it next, where the layer computed it: oneDNN's depthwise
     * output, or the GEMM's output for a convolution without bias (no epilogue runs);</li>
     * <li>and a heap slot ({@code slot}, or a new one when −1) for any other reader, for a residual add
     * later, or for the network's output.</li>
     * </ul>
     */
    private Output output(int i, int slot, int inputBuffer) {
        Layer l = layers.get(i);
        Layer r = i + 1 < layers.size() ? layers.get(i + 1) : null;
        boolean heap = r == null || residualSources.contains(r.name());
        boolean gemmReads = r instanceof LinearLayer || r instanceof ConvLayer cl && direct(cl.geometry());
        boolean depthwiseReads = r instanceof ConvLayer dc && dc.geometry().isDepthwise() && oneDnnDepthwise();
        boolean elementwiseReads = r instanceof BatchNormLayer || r instanceof ActivationLayer;
        boolean elementwise = l instanceof BatchNormLayer || l instanceof ActivationLayer;
        int buffer = -1;
        if (elementwise && inputBuffer >= 0 && (elementwiseReads || depthwiseReads
                || gemmReads && inputBuffer != Output.GEMM_OUTPUT)) {
            buffer = inputBuffer;
        } else if (gemmReads) {
            buffer = nativeInputs++ % 2;
        } else if (depthwiseReads) {
            buffer = Output.DEPTHWISE_INPUT;
        } else if (elementwiseReads && l instanceof ConvLayer c && c.geometry().isDepthwise() && oneDnnDepthwise()) {
            buffer = Output.DEPTHWISE_OUTPUT;
        } else if (elementwiseReads && !heap && l instanceof ConvLayer c && !c.geometry().isDepthwise() && !c.bias()) {
            buffer = Output.GEMM_OUTPUT;
        }
        heap |= buffer < 0;
        return new Output(!heap ? -1 : slot >= 0 ? slot : slots.allocate(), buffer);
    }

    /** Whether oneDNN runs the inspection plan's depthwise layers (no activation fused in them). */
    private static boolean oneDnnDepthwise() {
        return OneDnnConvolution.runsDepthwise(Activation.IDENTITY);
    }
}
