package lab.mobilenet.engine.fast;

import lab.mobilenet.engine.model.Activation;

/** A depthwise convolution with its batch norm and activation fused, split over the threads by output rows. */
final class DepthwiseStep implements Step {

    private final StepInfo info;
    private final int in;
    private final Output out;
    private final int h;
    private final int w;
    private final int channels;
    private final int kernel;
    private final int stride;
    private final int pad;
    private final int oh;
    private final int ow;
    private final float[][] tapRows;
    private final float[] biasRow;
    private final Activation act;

    /** @param packed {@code [(i·k + j)·C + c]}, BN folded ({@link Folding}) */
    DepthwiseStep(StepInfo info, int in, Output out, int h, int w, int channels, int kernel, int stride, int pad,
                  float[] packed, float[] bias, Activation act) {
        this.info = info;
        this.in = in;
        this.out = out;
        this.h = h;
        this.w = w;
        this.channels = channels;
        this.kernel = kernel;
        this.stride = stride;
        this.pad = pad;
        this.oh = (h + 2 * pad - kernel) / stride + 1;
        this.ow = (w + 2 * pad - kernel) / stride + 1;
        int chunk = DepthwiseKernel.chunkPixels(channels, ow);
        this.tapRows = new float[kernel * kernel][];
        for (int t = 0; t < tapRows.length; t++) {
            tapRows[t] = DepthwiseKernel.repeat(packed, t * channels, channels, chunk);
        }
        this.biasRow = DepthwiseKernel.repeat(bias, 0, channels, chunk);
        this.act = act;
    }

    @Override
    public StepInfo info() {
        return info;
    }

    @Override
    public void reserve(Workspace.Sizes s) {
        s.depthwiseKernel = Math.max(s.depthwiseKernel, kernel);
        s.depthwiseFloats = Math.max(s.depthwiseFloats, biasRow.length);
        out.reserve(s, (long) oh * ow * channels);
    }

    @Override
    public void run(Workspace ws, WorkerPool pool) {
        // one band per thread: a band restarts the ring of patches (k − 1 input rows gathered again), which on
        // a 14x14 map cut into six bands of 2–3 rows cost more than the second thread saved
        int bands = Step.shared(pool, info.macs() * MAC_COST) ? Math.min(oh, pool.threads()) : 1;
        float[] src = ws.tensors[in];
        pool.runBands(bands, true, (band, thread) -> DepthwiseKernel.run(src, h, w, channels, tapRows, biasRow, kernel,
                stride, pad, act, ws, out, ow, Step.split(oh, bands, band), Step.split(oh, bands, band + 1),
                ws.depthwise[thread]));
    }

    /**
     * A depthwise MAC costs about as much time as ten in a GEMM (memory-bound, measured 1–2 against 15–30
     * GMAC/s here), so the threshold for sharing a step, set in GEMM MACs, weighs them so.
     */
    private static final long MAC_COST = 10;
}
