package lab.mobilenet.engine.fast;

import lab.mobilenet.engine.model.Activation;
import org.bytedeco.javacpp.FloatPointer;

/**
 * The first convolution, on the caller's {@code [3][H][W]} image, by oneDNN's direct convolution
 * ({@link OneDnnConvolution#standard}): the image copied into native memory and made channels-last there
 * ({@link OneDnnChannelsLast}), then one primitive
 * per band of output rows, the folded bias and the activation as post-ops, written straight into the native
 * buffer its reader reads (oneDNN's depthwise input, a GEMM input, or for the inspection plan the GEMM's output,
 * where the batch norm after it works in place), and copied to a heap slot where a reader needs one there.
 * Where oneDNN is not there, {@link GemmStep} runs the stem as im2col and sgemm.
 */
final class StemStep implements Step {

    private final StepInfo info;
    private final int imageBuffer;
    private final Output out;
    private final int h;
    private final int w;
    private final int inChannels;
    private final int oh;
    private final int ow;
    private final int outChannels;
    private final OneDnnConvolution conv;
    private final OneDnnChannelsLast layout;

    private StemStep(StepInfo info, int imageBuffer, Output out, int h, int w, int inChannels, int outChannels,
                     OneDnnConvolution conv) {
        this.info = info;
        this.imageBuffer = imageBuffer;
        this.out = out;
        this.h = h;
        this.w = w;
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.conv = conv;
        this.layout = new OneDnnChannelsLast(inChannels, h, w);
        this.oh = conv.rows();
        this.ow = conv.columns();
        if (out.buffer() == imageBuffer) {
            throw new IllegalArgumentException(info.name() + ": the output cannot go where the image is copied");
        }
    }

    /**
     * The stem on oneDNN, or null where oneDNN is not there or has no post-op for {@code act}.
     *
     * @param imageBuffer the {@link Workspace#nativeIn} buffer the image is copied into, channels-last
     * @param packed      {@code [K][N]} weights, BN folded, as {@link GemmStep} takes them
     */
    static StemStep create(StepInfo info, int imageBuffer, Output out, int h, int w, int inChannels, int kernel,
                           int stride, int pad, int outChannels, float[] packed, float[] bias, Activation act) {
        if (GEMM_STEM) {
            return null;
        }
        OneDnnConvolution conv = OneDnnConvolution.standard(inChannels, outChannels, h, w, kernel, stride, pad, packed,
                bias, act);
        return conv == null ? null : new StemStep(info, imageBuffer, out, h, w, inChannels, outChannels, conv);
    }

    /** {@code -Dmobilenet.stem=gemm} keeps im2col and sgemm for the stem (to compare the two). */
    private static final boolean GEMM_STEM = "gemm".equals(System.getProperty("mobilenet.stem"));

    @Override
    public StepInfo info() {
        return info;
    }

    @Override
    public void reserve(Workspace.Sizes s) {
        long outFloats = (long) oh * ow * outChannels;
        s.imageFloats = Math.max(s.imageFloats, (long) h * w * inChannels);
        s.nativeIn = Math.max(s.nativeIn, (long) h * w * inChannels);
        out.reserveForOneDnn(s, outFloats);
    }

    @Override
    public void run(Workspace ws, WorkerPool pool) {
        int bands = Step.shared(pool, info.macs()) ? Math.min(oh, pool.threads()) : 1;
        layout.prepare(bands); // made here, on the caller, before threads run them
        conv.prepare(bands);
        FloatPointer image = ws.nativeIn[imageBuffer];
        // the image channels-last, all of it before any band convolves: a band reads a row beyond its own
        pool.run(bands, band -> {
            int y0 = Step.split(h, bands, band);
            int y1 = Step.split(h, bands, band + 1);
            int plane = h * w;
            for (int ch = 0; ch < inChannels; ch++) {
                int at = ch * plane + y0 * w;
                ws.imageView.put(at, ws.input, at, (y1 - y0) * w);
            }
            layout.run(bands, band, ws.image, image);
        });
        pool.run(bands, band -> conv.run(bands, band, image, ws, out));
    }

    @Override
    public void close() {
        conv.close();
        layout.close();
    }
}
