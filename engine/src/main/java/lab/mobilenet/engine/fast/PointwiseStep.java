package lab.mobilenet.engine.fast;

import java.nio.FloatBuffer;
import lab.mobilenet.engine.model.Activation;
import org.bytedeco.javacpp.FloatPointer;

/**
 * A 1×1 convolution by oneDNN's 1×1 convolution kernel ({@link OneDnnConvolution#standard} with {@code k = 1}),
 * the folded bias and the activation as post-ops: the output is written once, where {@link GemmStep} writes
 * the product and then reads it back for its epilogue. Its input is where the step before wrote it, in native
 * memory; its output goes straight into the native buffer its reader reads, and is copied to a heap slot, band by
 * band, where a reader needs it there. V1's thirteen pointwise layers at one thread: 1.1–1.6× faster than
 * sgemm and the epilogue in the plan, measured. A residual add is oneDNN's sum post-op: each band's rows of the
 * residual are copied into the output first. After squeeze-excite, each band first scales its own rows of the
 * input by the gates, in place (the input's native copy has no other reader), where {@link GemmStep} scales the
 * weights: cheaper where the layer has fewer pixels than twice its output channels (MobileNetV3's 7×7 layers;
 * gating the 14×14 inputs measured 5–8 % slower than GemmStep); the others, and single pixels, stay with
 * {@link GemmStep}.
 */
final class PointwiseStep implements Step {

    private final StepInfo info;
    private final int inBuffer;
    private final int residual;
    private final boolean gated;
    /** Pixels per chunk of the gating pass, whose gates are repeated that many times in {@link Workspace#gateRow}. */
    private final int chunk;
    private final Output out;
    private final int pixels;
    private final int inChannels;
    private final int outChannels;
    private final OneDnnConvolution conv;

    private PointwiseStep(StepInfo info, int inBuffer, int residual, boolean gated, Output out, int h, int w,
                          int inChannels, int outChannels, OneDnnConvolution conv) {
        if (inBuffer < 0 || out.oneDnnBuffer() == inBuffer) {
            throw new IllegalArgumentException(info.name() + ": a 1x1 convolution reads a native buffer it does not write");
        }
        this.info = info;
        this.inBuffer = inBuffer;
        this.residual = residual;
        this.gated = gated;
        this.chunk = Math.max(1, 4096 / inChannels);
        this.out = out;
        this.pixels = h * w;
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.conv = conv;
    }

    /**
     * The layer on oneDNN, or null where oneDNN is not there or has no post-op for {@code act} (then
     * {@link GemmStep} runs it).
     *
     * @param inBuffer the {@link Workspace#nativeIn} buffer the input is in, channels-last
     * @param residual heap slot of the tensor to add after the activation, or −1
     * @param gated    whether the input's channels are to be scaled by the workspace's squeeze-excite gates first
     * @param packed   {@code [M][N]} weights, BN folded, as {@link GemmStep} takes them
     */
    static PointwiseStep create(StepInfo info, int inBuffer, int residual, boolean gated, Output out, int h, int w,
                                int inChannels, int outChannels, float[] packed, float[] bias, Activation act) {
        if (GEMM_POINTWISE || h * w < 2 || gated && h * w > 2 * outChannels) {
            return null;
        }
        OneDnnConvolution conv = OneDnnConvolution.standard(inChannels, outChannels, h, w, 1, 1, 0, packed, bias, act,
                residual >= 0);
        return conv == null ? null
                : new PointwiseStep(info, inBuffer, residual, gated, out, h, w, inChannels, outChannels, conv);
    }

    /** {@code -Dmobilenet.pointwise=gemm} keeps sgemm and the Java epilogue for every 1×1 layer (to compare). */
    private static final boolean GEMM_POINTWISE = "gemm".equals(System.getProperty("mobilenet.pointwise"));

    @Override
    public StepInfo info() {
        return info;
    }

    @Override
    public void reserve(Workspace.Sizes s) {
        long outFloats = (long) pixels * outChannels;
        new Output(-1, inBuffer).reserve(s, (long) pixels * inChannels); // the input's buffer, of its kind
        if (gated) {
            s.gateRowFloats = Math.max(s.gateRowFloats, chunk * inChannels);
            s.scratchFloats = Math.max(s.scratchFloats, chunk * inChannels);
            s.vectorFloats = Math.max(s.vectorFloats, inChannels);
        }
        out.reserveForOneDnn(s, outFloats);
    }

    @Override
    public void run(Workspace ws, WorkerPool pool) {
        int rows = conv.rows();
        int bands = Step.bands(pool, rows, info.macs());
        conv.prepare(bands); // made here, on the caller, before threads run them
        FloatPointer in = ws.nativeIn[inBuffer];
        FloatBuffer targetView = ws.nativeInView[out.oneDnnBuffer()];
        int rowFloats = conv.columns() * outChannels;
        if (gated) { // per run: the gates depend on the input
            for (int t = 0; t < chunk; t++) {
                System.arraycopy(ws.gates, 0, ws.gateRow, t * inChannels, inChannels);
            }
        }
        // bands of rows, the caller's from the top, the worker's from the bottom (see WorkerPool)
        pool.runBands(bands, Step.shared(pool, info.macs()), (band, thread) -> {
            if (gated) {
                int width = conv.columns();
                gate(ws, Step.split(rows, bands, band) * width, Step.split(rows, bands, band + 1) * width, thread);
            }
            if (residual >= 0) { // the band's rows of the residual where oneDNN adds its result
                int at = Step.split(rows, bands, band) * rowFloats;
                int len = Step.split(rows, bands, band + 1) * rowFloats - at;
                targetView.put(at, ws.tensors[residual], at, len);
            }
            conv.run(bands, band, in, ws, out);
        });
    }

    /** Pixels {@code [p0, p1)} of the input, in place: each channel times its gate, a chunk at a time in scratch. */
    private void gate(Workspace ws, int p0, int p1, int thread) {
        FloatBuffer view = ws.nativeInView[inBuffer];
        float[] acc = ws.scratch[thread];
        float[] g = ws.gateRow;
        for (int p = p0; p < p1; p += chunk) {
            int at = p * inChannels;
            int len = Math.min(chunk, p1 - p) * inChannels;
            view.get(at, acc, 0, len);
            for (int q = 0; q < len; q++) {
                acc[q] *= g[q]; // both arrays at offset 0: vectorised
            }
            view.put(at, acc, 0, len);
        }
    }

    @Override
    public void close() {
        conv.close();
    }
}
