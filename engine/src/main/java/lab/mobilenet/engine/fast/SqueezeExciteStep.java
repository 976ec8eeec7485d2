package lab.mobilenet.engine.fast;

/**
 * timm's squeeze-excite on a channels-last tensor: mean per channel → C→rd + ReLU → rd→C + hard-sigmoid
 * → one gate per channel. The gates are not multiplied into the tensor here: the 1×1 convolution that
 * always follows squeeze-excite in MobileNetV3 folds them into its weights ({@code W'[c][o] = g[c]·W[c][o]}),
 * which costs C·N multiplications instead of a pass over all H·W·C values.
 */
final class SqueezeExciteStep implements Step {

    private final StepInfo info;
    private final int slot;
    private final int pixels;
    private final int channels;
    private final int reduced;
    private final float[][] reduceRows;
    private final float[] reduceB;
    private final float[][] expandRows;
    private final float[] expandB;

    /** Weights in PyTorch's layout: {@code reduceW [rd][C]}, {@code expandW [C][rd]}. */
    SqueezeExciteStep(StepInfo info, int slot, int pixels, int channels, int reduced, float[] reduceW,
                      float[] reduceB, float[] expandW, float[] expandB) {
        this.info = info;
        this.slot = slot;
        this.pixels = pixels;
        this.channels = channels;
        this.reduced = reduced;
        this.reduceRows = ChannelVectors.inputRows(reduceW, reduced, channels);
        this.reduceB = reduceB.clone();
        this.expandRows = ChannelVectors.inputRows(expandW, channels, reduced);
        this.expandB = expandB.clone();
    }

    @Override
    public StepInfo info() {
        return info;
    }

    @Override
    public void reserve(Workspace.Sizes s) {
        s.scratchFloats = Math.max(s.scratchFloats, ChannelVectors.chunkPixels(channels) * channels);
        s.vectorFloats = Math.max(s.vectorFloats, channels);
    }

    @Override
    public void run(Workspace ws, WorkerPool pool) {
        float[] x = ws.tensors[slot];
        int parts = Step.parts(pool, pixels, (long) pixels * channels);
        pool.run(parts, part -> ChannelVectors.sumPixels(x, channels, Step.split(pixels, parts, part),
                Step.split(pixels, parts, part + 1), ws.patch[part], ws.scratch[part]));
        float[] mean = ws.vectorA;
        float inv = 1f / pixels;
        for (int j = 0; j < channels; j++) {
            float s = 0;
            for (int part = 0; part < parts; part++) {
                s += ws.scratch[part][j];
            }
            mean[j] = s * inv;
        }
        float[] hidden = ws.vectorB;
        ChannelVectors.affine(mean, reduceRows, reduceB, reduced, hidden);
        Epilogue.activate(lab.mobilenet.engine.model.Activation.RELU, hidden, reduced);
        float[] gates = ws.gates;
        ChannelVectors.affine(hidden, expandRows, expandB, channels, gates);
        Epilogue.activate(lab.mobilenet.engine.model.Activation.HARD_SIGMOID, gates, channels);
    }
}
