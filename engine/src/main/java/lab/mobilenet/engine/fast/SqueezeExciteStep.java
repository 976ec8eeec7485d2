package lab.mobilenet.engine.fast;

import lab.mobilenet.engine.model.Activation;
import lab.mobilenet.engine.model.SqueezeExciteLayer;

/**
 * timm's squeeze-excite on a channels-last tensor: mean per channel → C→rd + ReLU → rd→C + hard-sigmoid
 * → one gate per channel. The gates are not multiplied into the tensor here: the 1×1 convolution that
 * always follows squeeze-excite in MobileNetV3 folds them into its weights ({@code W'[c][o] = g[c]·W[c][o]}),
 * which costs C·N multiplications instead of a pass over all H·W·C values. In the inspection plan it also
 * keeps a copy of each of the four vectors timm's submodules output, with the time each part took
 * ({@link Workspace#inner}, in the order of {@link SqueezeExciteLayer#PARTS}): a few hundred floats,
 * against the H·W·C values of the pass that pools.
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
    private final boolean keepInner;

    /** Weights in PyTorch's layout: {@code reduceW [rd][C]}, {@code expandW [C][rd]}. */
    SqueezeExciteStep(StepInfo info, int slot, int pixels, int channels, int reduced, float[] reduceW,
                      float[] reduceB, float[] expandW, float[] expandB) {
        this(info, slot, pixels, channels, reduced, reduceW, reduceB, expandW, expandB, false);
    }

    /** @param keepInner whether to copy the four inner vectors and their times into {@link Workspace#inner} */
    SqueezeExciteStep(StepInfo info, int slot, int pixels, int channels, int reduced, float[] reduceW,
                      float[] reduceB, float[] expandW, float[] expandB, boolean keepInner) {
        this.keepInner = keepInner;
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
        if (keepInner) {
            s.innerFloats = Math.max(s.innerFloats, channels);
        }
    }

    @Override
    public void run(Workspace ws, WorkerPool pool) {
        float[] x = ws.tensors[slot];
        int parts = Step.parts(pool, pixels, (long) pixels * channels * Step.ELEMENT_COST);
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
        float[] gates = ws.gates;
        if (keepInner) {
            runKeepingInner(ws, mean, hidden, gates);
            return;
        }
        ChannelVectors.affine(mean, reduceRows, reduceB, reduced, hidden);
        Epilogue.activate(Activation.RELU, hidden, reduced);
        ChannelVectors.affine(hidden, expandRows, expandB, channels, gates);
        Epilogue.activate(Activation.HARD_SIGMOID, gates, channels);
    }

    /** The same four parts, each timed, each output copied (the copies are outside the times). */
    private void runKeepingInner(Workspace ws, float[] mean, float[] hidden, float[] gates) {
        long t0 = System.nanoTime();
        ChannelVectors.affine(mean, reduceRows, reduceB, reduced, hidden);
        long t1 = System.nanoTime();
        System.arraycopy(hidden, 0, ws.inner[0], 0, reduced);
        long t2 = System.nanoTime();
        Epilogue.activate(Activation.RELU, hidden, reduced);
        long t3 = System.nanoTime();
        System.arraycopy(hidden, 0, ws.inner[1], 0, reduced);
        long t4 = System.nanoTime();
        ChannelVectors.affine(hidden, expandRows, expandB, channels, gates);
        long t5 = System.nanoTime();
        System.arraycopy(gates, 0, ws.inner[2], 0, channels);
        long t6 = System.nanoTime();
        Epilogue.activate(Activation.HARD_SIGMOID, gates, channels);
        long t7 = System.nanoTime();
        System.arraycopy(gates, 0, ws.inner[3], 0, channels);
        ws.innerNanos[0] = t1 - t0;
        ws.innerNanos[1] = t3 - t2;
        ws.innerNanos[2] = t5 - t4;
        ws.innerNanos[3] = t7 - t6;
    }
}
