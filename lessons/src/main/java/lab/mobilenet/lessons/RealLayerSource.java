package lab.mobilenet.lessons;

import lab.mobilenet.engine.inspect.Inspection;
import lab.mobilenet.engine.inspect.InspectionPlan;
import lab.mobilenet.engine.inspect.ModuleSpan;
import lab.mobilenet.engine.inspect.RowKind;
import lab.mobilenet.engine.model.ConvLayer;
import lab.mobilenet.engine.runtime.ActivationSnapshot;
import lab.mobilenet.engine.runtime.Weights;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Finds what {@link RealLayer#crop} needs in an inspection run: the layer's input (the previous layer row's
 * kept output, or the network's own input for the first layer) and its weights from the network's tensors.
 */
public final class RealLayerSource {

    /** Side of the output window a lesson steps. */
    public static final int WINDOW = 8;
    /** Output channels a lesson keeps of a bigger layer. */
    public static final int CHANNELS = 4;

    private RealLayerSource() {
    }

    /** Whether the named row is one convolution a lesson can step (standard, depthwise or pointwise). */
    public static boolean steppable(Inspection ins, String name) {
        return ins != null && steppable(ins.plan(), name);
    }

    /** The same question asked of the plan alone, before the layer has run (e.g. to offer a disabled button). */
    public static boolean steppable(InspectionPlan plan, String name) {
        ModuleSpan s = plan == null || name == null ? null : plan.row(name);
        if (s == null || s.kind() != RowKind.LAYER
                || !(plan.network().layers().get(s.first()) instanceof ConvLayer c)) {
            return false;
        }
        return c.geometry().isDepthwise() || c.geometry().groups() == 1;
    }

    /**
     * The row whose output is the input of steppable layer {@code name}: the row that finishes on the engine layer
     * before it, not one of squeeze-excite's inner vectors that finish there too; null for the network's first
     * layer, which reads the network's input.
     */
    public static ModuleSpan inputRow(InspectionPlan plan, String name) {
        ModuleSpan s = plan.row(name);
        if (s.first() == 0) {
            return null;
        }
        return plan.layerRows().stream().filter(r -> r.last() == s.first() - 1 && !r.inner()).findFirst()
                .orElseThrow();
    }

    /**
     * Cuts layer {@code name} of the inspected network for its lesson, centred on output cell ({@code row},
     * {@code col}) from output channel {@code channel} on.
     *
     * @param networkInput the preprocessed {@code [3, H, W]} input the inspection ran on (for the first layer)
     */
    public static RealLayer of(Inspection ins, Weights weights, float[] networkInput, String name, int row, int col,
                               int channel) {
        if (!steppable(ins, name)) {
            throw new IllegalArgumentException("'" + name + "' is not a standard, depthwise or pointwise convolution");
        }
        ModuleSpan s = ins.plan().row(name);
        ConvLayer conv = (ConvLayer) ins.plan().network().layers().get(s.first());
        float[] input;
        int h = s.input().height();
        int w = s.input().width();
        ModuleSpan before = inputRow(ins.plan(), name);
        if (before == null) {
            input = networkInput;
        } else {
            ActivationSnapshot a = ins.outputs().get(before.name());
            if (a == null) {
                throw new IllegalArgumentException("the input of '" + name + "' (" + before.name()
                        + ") has not run yet");
            }
            input = a.values();
        }
        float[] wv;
        float[] bias = null;
        weights.acquire();
        try {
            wv = values(weights.get(name + ".weight"));
            if (conv.bias()) {
                bias = values(weights.get(name + ".bias"));
            }
        } finally {
            weights.release();
        }
        return RealLayer.crop(name, conv.geometry(), input, h, w, wv, bias, row, col, channel, WINDOW, CHANNELS);
    }

    private static float[] values(INDArray t) {
        try (INDArray copy = t.dup('c')) {
            return copy.data().asFloat();
        }
    }

}
