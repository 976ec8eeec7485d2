package lab.mobilenet.engine.fast;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;

import lab.mobilenet.engine.model.Activation;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.global.dnnl.algorithm;
import org.bytedeco.dnnl.global.dnnl.prop_kind;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.post_ops;
import org.bytedeco.dnnl.primitive_attr;
import org.bytedeco.dnnl.reorder;
import org.bytedeco.dnnl.stream;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * A convolution by oneDNN's JIT kernels, channels-last in and out like the fast path's tensors, batch norm
 * folded into its weights and bias, the activation as a post-op: depthwise layers ({@code jit_dw}; V2's 17 at
 * one thread 0.74 ms against 2.9–3.2 for {@link DepthwiseKernel}, a plain-Java loop that JDK 17 vectorises
 * only so far) and the stem ({@code jit:avx2} on a channels-last image: V2's 3→32 at 224×224 in 0.15 ms with
 * hot caches and 0.32 with cold ones, where im2col and sgemm took 0.76–0.85 ms in the plan). oneDNN's kernel
 * for the planar image as the caller gives it with a channels-last output is its reference one (250 ms),
 * hence the stem's copy of the image channels-last first ({@link OneDnnChannelsLast}).
 *
 * <p>It reads its input from, and writes its output to, native memory (the workspace's staging buffers or the
 * next GEMM's input), pointed at per run. Every call is single-threaded, like every native call of the plans
 * (see {@link MatrixLibrary}); to share a layer between the plan's threads it is cut into bands of output
 * rows, one primitive each, which read only their own input rows.
 */
final class OneDnnConvolution implements AutoCloseable {

    private final NativeOwner owned = new NativeOwner();
    private final int inChannels;
    private final int outChannels;
    private final int h;
    private final int w;
    private final int k;
    private final int stride;
    private final int pad;
    private final int oh;
    private final int ow;
    private final engine cpu;
    private final primitive_attr attr;
    private final memory weights;
    private final memory biasMemory;
    /** The layer cut into 1, 2, … bands of output rows, one primitive each, made when a plan first asks. */
    private final OneDnnParts<Band> bands;

    /** Output rows {@code [o0, o1)}: a convolution of their input rows only, padded where the image ends. */
    private final class Band {
        final int o0;
        final int i0;
        final stream stream;
        final convolution_forward conv;
        final memory src;
        final memory dst;
        final IntMemoryMap args;

        Band(int o0, int o1) {
            this.o0 = o0;
            int top = o0 * stride - pad;
            int bottom = (o1 - 1) * stride - pad + k;
            i0 = Math.max(0, top);
            int i1 = Math.min(h, bottom);
            stream = owned.keep(new stream(cpu));
            memory.desc srcDesc = owned.keep(new memory.desc(new long[] {1, inChannels, i1 - i0, w},
                    memory.data_type.f32, memory.format_tag.nhwc));
            memory.desc dstDesc = owned.keep(new memory.desc(new long[] {1, outChannels, o1 - o0, ow},
                    memory.data_type.f32, memory.format_tag.nhwc));
            convolution_forward.desc d = owned.keep(new convolution_forward.desc(prop_kind.forward_inference,
                    algorithm.convolution_direct, srcDesc, weights.get_desc(), biasMemory.get_desc(), dstDesc,
                    new long[] {stride, stride}, new long[] {i0 - top, pad}, new long[] {bottom - i1, pad}));
            convolution_forward.primitive_desc pd = owned.keep(new convolution_forward.primitive_desc(d, attr, cpu));
            src = owned.keep(new memory(srcDesc, cpu, null));
            dst = owned.keep(new memory(dstDesc, cpu, null));
            conv = owned.keep(new convolution_forward(pd));
            args = owned.keep(new IntMemoryMap());
            args.put(DNNL_ARG_SRC, src);
            args.put(DNNL_ARG_WEIGHTS, weights);
            args.put(DNNL_ARG_BIAS, biasMemory);
            args.put(DNNL_ARG_DST, dst);
            OneDnnParts.ownScratchpad(pd, cpu, args, owned);
        }

        /** This band of the channels-last tensors at {@code in} and {@code out}, on the calling thread. */
        void run(FloatPointer in, FloatPointer out) {
            MatrixLibrary.oneThreadHere();
            // a void* takes the position in bytes: an untyped view, offset by bytes
            src.set_data_handle(new Pointer(in).position((in.position() + (long) i0 * w * inChannels) * Float.BYTES));
            dst.set_data_handle(new Pointer(out).position((out.position() + (long) o0 * ow * outChannels) * Float.BYTES));
            conv.execute(stream, args);
            stream._wait();
        }
    }

    /**
     * @param weightDims oneDNN's dimensions of the weights: {@code {C, 1, 1, k, k}} (grouped, one channel per
     *                   group) for a depthwise layer, {@code {N, M, k, k}} for a standard one
     * @param plain      the weights in the matching plain layout, {@code goihw} or {@code oihw}
     */
    private OneDnnConvolution(int inChannels, int outChannels, int h, int w, int k, int stride, int pad,
                              long[] weightDims, float[] plain, float[] bias, Activation act, boolean addsToOutput) {
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.h = h;
        this.w = w;
        this.k = k;
        this.stride = stride;
        this.pad = pad;
        this.oh = (h + 2 * pad - k) / stride + 1;
        this.ow = (w + 2 * pad - k) / stride + 1;
        this.bands = new OneDnnParts<>(oh, Band::new);
        cpu = owned.keep(new engine(engine.kind.cpu, 0));
        attr = OneDnnParts.userScratchpad(owned);
        post_ops ops = owned.keep(new post_ops());
        switch (act) {
            case IDENTITY -> { }
            case RELU -> ops.append_eltwise(1f, algorithm.eltwise_relu, 0f, 0f);
            case RELU6 -> ops.append_eltwise(1f, algorithm.eltwise_clip, 0f, 6f);
            case HARD_SWISH -> ops.append_eltwise(1f, algorithm.eltwise_hardswish, 0f, 0f);
            default -> throw new IllegalArgumentException("no oneDNN post-op for " + act);
        }
        if (addsToOutput) { // after the activation, as the fast path adds a residual: out = act(conv + bias) + out
            ops.append_sum(1f, memory.data_type.undef);
        }
        attr.set_post_ops(ops);
        // the weights in the layout oneDNN's kernel wants for the whole layer (every band uses the same)
        memory.desc srcDesc = owned.keep(new memory.desc(new long[] {1, inChannels, h, w}, memory.data_type.f32,
                memory.format_tag.nhwc));
        memory.desc dstDesc = owned.keep(new memory.desc(new long[] {1, outChannels, oh, ow}, memory.data_type.f32,
                memory.format_tag.nhwc));
        memory.desc anyWeights = owned.keep(new memory.desc(weightDims, memory.data_type.f32, memory.format_tag.any));
        memory.desc biasDesc = owned.keep(new memory.desc(new long[] {outChannels}, memory.data_type.f32,
                memory.format_tag.x));
        convolution_forward.desc d = owned.keep(new convolution_forward.desc(prop_kind.forward_inference,
                algorithm.convolution_direct, srcDesc, anyWeights, biasDesc, dstDesc, new long[] {stride, stride},
                new long[] {pad, pad}, new long[] {pad, pad}));
        convolution_forward.primitive_desc pd = owned.keep(new convolution_forward.primitive_desc(d, attr, cpu));
        memory.desc plainDesc = owned.keep(new memory.desc(weightDims, memory.data_type.f32,
                weightDims.length == 5 ? memory.format_tag.goihw : memory.format_tag.oihw));
        weights = owned.keep(new memory(pd.weights_desc(), cpu)); // oneDNN's own blocked layout, reordered once
        // the plain copy is freed once reordered: V1's 1x1 layers alone hold 13 MB of weights
        try (FloatPointer plainFloats = new FloatPointer(plain); memory given = new memory(plainDesc, cpu, plainFloats);
             stream once = new stream(cpu); reorder r = new reorder(given, weights)) {
            r.execute(once, given, weights);
            once._wait();
        }
        biasMemory = owned.keep(new memory(biasDesc, cpu, owned.keep(new FloatPointer(bias))));
    }

    /**
     * oneDNN's kernel for a depthwise layer, or null where it has none or oneDNN is not there (the Java kernel
     * runs).
     *
     * @param packed the taps as {@code [(i·k + j)·C + c]}, BN folded ({@link Folding})
     */
    static OneDnnConvolution depthwise(int c, int h, int w, int k, int stride, int pad, float[] packed, float[] bias,
                                       Activation act) {
        if (!runs(act) || JAVA_DEPTHWISE) {
            return null;
        }
        // oneDNN's plain layout for them is goihw, [c][1][1][i][j]
        float[] goihw = new float[packed.length];
        for (int t = 0; t < k * k; t++) {
            for (int ch = 0; ch < c; ch++) {
                goihw[ch * k * k + t] = packed[t * c + ch];
            }
        }
        return new OneDnnConvolution(c, c, h, w, k, stride, pad, new long[] {c, 1, 1, k, k}, goihw, bias, act,
                false);
    }

    /**
     * oneDNN's kernel for a standard convolution (the stem), or null where oneDNN is not there or the activation
     * has no post-op (im2col and sgemm run it).
     *
     * @param packed {@code [K][N]} with {@code K = (i·k + j)·M + m}, BN folded, as {@link GemmStep} takes them
     */
    static OneDnnConvolution standard(int inChannels, int outChannels, int h, int w, int k, int stride, int pad,
                                      float[] packed, float[] bias, Activation act) {
        return standard(inChannels, outChannels, h, w, k, stride, pad, packed, bias, act, false);
    }

    /**
     * As above; with {@code addsToOutput} the result is added to what the output already holds (oneDNN's sum
     * post-op, after the activation): a residual add, the residual copied into the output first.
     */
    static OneDnnConvolution standard(int inChannels, int outChannels, int h, int w, int k, int stride, int pad,
                                      float[] packed, float[] bias, Activation act, boolean addsToOutput) {
        if (!runs(act)) {
            return null;
        }
        // oneDNN's plain layout for them is oihw, [n][m][i][j]
        float[] oihw = new float[packed.length];
        for (int t = 0; t < k * k; t++) {
            for (int m = 0; m < inChannels; m++) {
                for (int n = 0; n < outChannels; n++) {
                    oihw[(n * inChannels + m) * k * k + t] = packed[(t * inChannels + m) * outChannels + n];
                }
            }
        }
        return new OneDnnConvolution(inChannels, outChannels, h, w, k, stride, pad,
                new long[] {outChannels, inChannels, k, k}, oihw, bias, act, addsToOutput);
    }

    /** Whether oneDNN is there and has a post-op for this activation. */
    private static boolean runs(Activation act) {
        return MatrixLibrary.preferred() == MatrixLibrary.ONEDNN && act != Activation.HARD_SIGMOID;
    }

    /** Whether {@link #depthwise} gives a kernel for a layer with this activation (else the Java kernel runs it). */
    static boolean runsDepthwise(Activation act) {
        return runs(act) && !JAVA_DEPTHWISE;
    }

    /** {@code -Dmobilenet.depthwise=java} keeps the plain-Java depthwise kernel (to compare the two). */
    private static final boolean JAVA_DEPTHWISE = "java".equals(System.getProperty("mobilenet.depthwise"));

    /** The most bands this layer can be cut into: one output row each. */
    int rows() {
        return oh;
    }

    /** The output's width. */
    int columns() {
        return ow;
    }

    /** Makes the bands of a {@code count}-way split; call before running them from several threads. */
    void prepare(int count) {
        bands.prepare(count);
    }

    /** Runs band {@code band} of {@code count} on the channels-last tensors at {@code in} and {@code out}. */
    void run(int count, int band, FloatPointer in, FloatPointer out) {
        bands.get(count, band).run(in, out);
    }

    /**
     * Runs band {@code band} of {@code count} from {@code in} into {@code out}'s native buffer
     * ({@link Output#oneDnnBuffer}), then copies the band's rows to {@code out}'s heap slot too where it has one.
     */
    void run(int count, int band, FloatPointer in, Workspace ws, Output out) {
        int buffer = out.oneDnnBuffer();
        run(count, band, in, ws.nativeIn[buffer]);
        if (out.slot() >= 0) {
            int o0 = Step.split(oh, count, band);
            int o1 = Step.split(oh, count, band + 1);
            int row = ow * outChannels;
            ws.nativeInView[buffer].get(o0 * row, ws.tensors[out.slot()], o0 * row, (o1 - o0) * row);
        }
    }

    @Override
    public void close() {
        owned.close();
    }
}
