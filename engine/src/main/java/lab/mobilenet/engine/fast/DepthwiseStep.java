package lab.mobilenet.engine.fast;

import lab.mobilenet.engine.model.Activation;
import org.bytedeco.javacpp.FloatPointer;

/**
 * A depthwise convolution with its batch norm and activation fused: oneDNN's kernel where it has one
 * ({@link OneDnnConvolution}, on the calling thread), else the plain-Java one split over the threads by output rows.
 */
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
    /** oneDNN's kernel for this layer, or null: the Java one runs. */
    private final OneDnnConvolution oneDnn;
    private final int inBuffer;

    /** @param packed {@code [(i·k + j)·C + c]}, BN folded ({@link Folding}) */
    DepthwiseStep(StepInfo info, int in, Output out, int h, int w, int channels, int kernel, int stride, int pad,
                  float[] packed, float[] bias, Activation act) {
        this(info, in, -1, out, h, w, channels, kernel, stride, pad, packed, bias, act, true);
    }

    /**
     * @param in            heap slot of the input, or −1 when it is only in native memory
     * @param inBuffer      the {@link Workspace#nativeIn} buffer the step before left the input in for oneDNN
     *                      (usually {@link Output#DEPTHWISE_INPUT}; no copy), else −1
     * @param oneDnnIfThere false keeps the Java kernel even where oneDNN has one (the tests check both)
     */
    DepthwiseStep(StepInfo info, int in, int inBuffer, Output out, int h, int w, int channels, int kernel, int stride,
                  int pad, float[] packed, float[] bias, Activation act, boolean oneDnnIfThere) {
        this.info = info;
        this.inBuffer = inBuffer;
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
        this.oneDnn = oneDnnIfThere ? OneDnnConvolution.depthwise(channels, h, w, kernel, stride, pad, packed, bias, act)
                : null;
        int target = out.buffer() >= 0 ? out.buffer() : Output.DEPTHWISE_OUTPUT;
        if (inBuffer >= 0 ? oneDnn == null || inBuffer == target : in < 0) {
            throw new IllegalArgumentException(info.name() + ": input in slot " + in + ", buffer " + inBuffer
                    + ", oneDNN " + (oneDnn != null));
        }
    }

    /** Whether oneDNN's kernel runs this layer. */
    boolean usesOneDnn() {
        return oneDnn != null;
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
        if (oneDnn != null) {
            s.depthwiseNative = Math.max(s.depthwiseNative, Math.max((long) h * w, (long) oh * ow) * channels);
        }
    }

    @Override
    public void run(Workspace ws, WorkerPool pool) {
        if (oneDnn != null) {
            runOneDnn(ws, pool);
            return;
        }
        // one band per thread: a band restarts the ring of patches (k − 1 input rows gathered again), which on
        // a 14x14 map cut into six bands of 2–3 rows cost more than the second thread saved
        int bands = Step.shared(pool, info.macs() * MAC_COST) ? Math.min(oh, pool.threads()) : 1;
        float[] src = ws.tensors[in];
        pool.runBands(bands, true, (band, thread) -> DepthwiseKernel.run(src, h, w, channels, tapRows, biasRow, kernel,
                stride, pad, act, ws, out, ow, Step.split(oh, bands, band), Step.split(oh, bands, band + 1),
                ws.depthwise[thread]));
    }

    /**
     * The input copied into native memory, then oneDNN's kernel and the output copied where its readers want
     * it; both shared by bands of rows like the Java kernel. The copy is finished before any band convolves, as
     * a band reads a row or two beyond its own at its edges.
     */
    private void runOneDnn(Workspace ws, WorkerPool pool) {
        int bands = Step.shared(pool, info.macs() * ONEDNN_MAC_COST) ? Math.min(oneDnn.rows(), pool.threads()) : 1;
        oneDnn.prepare(bands); // made here, on the caller, before threads run them
        float[] src = in < 0 ? null : ws.tensors[in];
        // straight into the reader's native buffer (a GEMM input, or oneDNN's own output for the inspection
        // plan's batch norm), else into oneDNN's output and from there to the heap
        boolean toBuffer = out.buffer() >= 0;
        FloatPointer target = toBuffer ? ws.nativeIn[out.buffer()] : ws.depthwiseOut;
        java.nio.FloatBuffer targetView = toBuffer ? ws.nativeInView[out.buffer()] : ws.depthwiseOutView;
        int rowIn = w * channels;
        int rowOut = ow * channels;
        FloatPointer source = inBuffer < 0 ? ws.depthwiseIn : ws.nativeIn[inBuffer];
        if (inBuffer < 0) { // else the step before left it in native memory
            pool.run(bands, band -> {
                int r0 = Step.split(h, bands, band);
                ws.depthwiseInView.put(r0 * rowIn, src, r0 * rowIn, (Step.split(h, bands, band + 1) - r0) * rowIn);
            });
        }
        pool.run(bands, band -> {
            oneDnn.run(bands, band, source, target);
            if (out.slot() >= 0) {
                int o0 = Step.split(oh, bands, band);
                int o1 = Step.split(oh, bands, band + 1);
                targetView.get(o0 * rowOut, ws.tensors[out.slot()], o0 * rowOut, (o1 - o0) * rowOut);
            }
        });
    }

    /** oneDNN's depthwise MAC, measured at 15–26 GMAC/s, weighs about 2.5 of a GEMM's when sharing a step. */
    private static final long ONEDNN_MAC_COST = 3;

    @Override
    public void close() {
        if (oneDnn != null) {
            oneDnn.close();
        }
    }

    /**
     * A depthwise MAC costs about as much time as ten in a GEMM (memory-bound, measured 1–2 against 15–30
     * GMAC/s here), so the threshold for sharing a step, set in GEMM MACs, weighs them so.
     */
    private static final long MAC_COST = 10;
}
