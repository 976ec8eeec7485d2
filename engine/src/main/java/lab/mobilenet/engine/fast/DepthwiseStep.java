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
        int parts = Step.parts(pool, oh, info.macs());
        float[] src = ws.tensors[in];
        pool.run(parts, part -> DepthwiseKernel.run(src, h, w, channels, tapRows, biasRow, kernel, stride, pad, act,
                ws, out, ow, Step.split(oh, parts, part), Step.split(oh, parts, part + 1), ws.depthwise[part]));
    }
}
