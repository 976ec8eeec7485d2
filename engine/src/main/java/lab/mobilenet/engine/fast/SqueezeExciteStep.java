package lab.mobilenet.engine.fast;

/**
 * timm's squeeze-excite in place on a channels-last tensor: mean per channel → C→rd + ReLU → rd→C +
 * hard-sigmoid → every pixel's channels scaled by their gates. The two passes over the tensor (sum,
 * scale) are split over the threads by pixels; the tiny fully connected part runs on the calling thread.
 */
final class SqueezeExciteStep implements Step {

    private final StepInfo info;
    private final int slot;
    private final int pixels;
    private final int channels;
    private final int reduced;
    private final float[] reduceW;
    private final float[] reduceB;
    private final float[] expandW;
    private final float[] expandB;

    /** Weights in PyTorch's layout: {@code reduceW [rd][C]}, {@code expandW [C][rd]}. */
    SqueezeExciteStep(StepInfo info, int slot, int pixels, int channels, int reduced, float[] reduceW,
                      float[] reduceB, float[] expandW, float[] expandB) {
        this.info = info;
        this.slot = slot;
        this.pixels = pixels;
        this.channels = channels;
        this.reduced = reduced;
        this.reduceW = Folding.transpose(reduceW, reduced, channels);
        this.reduceB = reduceB.clone();
        this.expandW = Folding.transpose(expandW, channels, reduced);
        this.expandB = expandB.clone();
    }

    @Override
    public StepInfo info() {
        return info;
    }

    @Override
    public void reserve(Workspace.Sizes s) {
        s.scratchFloats = Math.max(s.scratchFloats, channels);
        s.vectorFloats = Math.max(s.vectorFloats, channels);
    }

    @Override
    public void run(Workspace ws, WorkerPool pool) {
        float[] x = ws.tensors[slot];
        int parts = Math.min(pool.threads(), pixels);
        pool.run(parts, part -> {
            float[] sums = ws.scratch[part];
            java.util.Arrays.fill(sums, 0, channels, 0f);
            ChannelVectors.addPixels(x, channels, Step.split(pixels, parts, part), Step.split(pixels, parts, part + 1),
                    sums);
        });
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
        ChannelVectors.affine(mean, channels, reduceW, reduceB, reduced, hidden);
        for (int j = 0; j < reduced; j++) {
            hidden[j] = Math.max(hidden[j], 0f);
        }
        float[] gates = ws.vectorC;
        ChannelVectors.affine(hidden, reduced, expandW, expandB, channels, gates);
        for (int j = 0; j < channels; j++) {
            gates[j] = Math.min(Math.max(gates[j] + 3f, 0f), 6f) / 6f;
        }
        pool.run(parts, part -> ChannelVectors.scalePixels(x, channels, Step.split(pixels, parts, part),
                Step.split(pixels, parts, part + 1), gates));
    }
}
