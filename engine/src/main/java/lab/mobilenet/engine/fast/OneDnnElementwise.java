package lab.mobilenet.engine.fast;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;

import lab.mobilenet.engine.model.Activation;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.eltwise_forward;
import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.global.dnnl.algorithm;
import org.bytedeco.dnnl.global.dnnl.prop_kind;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive;
import org.bytedeco.dnnl.primitive_attr;
import org.bytedeco.dnnl.reorder;
import org.bytedeco.dnnl.stream;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * An inspection-plan batch norm or activation on a channels-last tensor in native memory, by oneDNN's JIT
 * kernels (a 1×1 depthwise convolution for the batch norm's per-channel scale and shift, {@code eltwise} for
 * the activation), in place or into another native buffer. The Java pass copies each chunk into scratch and
 * back so that the JIT vectorises it (0.3 ns a float here); oneDNN reads and writes each float once (V2's
 * activations at one thread: 0.74–0.79 ms against 1.78–1.81). Like every native call
 * of the plans it runs on the calling thread; a tensor shared by the plan's threads is cut into parts of
 * whole pixels, one primitive each.
 */
final class OneDnnElementwise implements AutoCloseable {

    private final NativeOwner owned = new NativeOwner();
    private final int pixels;
    private final int channels;
    private final engine cpu;
    /** Every part's primitive has its own scratchpad (see {@link OneDnnParts}). */
    private final primitive_attr attr;
    /** Makes the primitive of pixels {@code [p0, p1)}, with the source and destination it reads and writes. */
    private final PartFactory factory;
    private final OneDnnParts<Part> parts;

    private interface PartFactory {
        primitive make(memory.desc desc, IntMemoryMap args);
    }

    /** Pixels {@code [p0, p1)} as a 1×n image. */
    private final class Part {
        final int p0;
        final stream stream;
        final memory src;
        final memory dst;
        final primitive primitive;
        final IntMemoryMap args;

        Part(int p0, int p1) {
            this.p0 = p0;
            memory.desc desc = owned.keep(new memory.desc(new long[] {1, channels, 1, p1 - p0}, memory.data_type.f32,
                    memory.format_tag.nhwc));
            stream = owned.keep(new stream(cpu));
            src = owned.keep(new memory(desc, cpu, null));
            dst = owned.keep(new memory(desc, cpu, null));
            args = owned.keep(new IntMemoryMap());
            args.put(DNNL_ARG_SRC, src);
            args.put(DNNL_ARG_DST, dst);
            primitive = owned.keep(factory.make(desc, args));
        }

        void run(FloatPointer in, FloatPointer out) {
            MatrixLibrary.oneThreadHere();
            // a void* takes the position in bytes: an untyped view, offset by bytes
            src.set_data_handle(new Pointer(in).position((in.position() + (long) p0 * channels) * Float.BYTES));
            dst.set_data_handle(new Pointer(out).position((out.position() + (long) p0 * channels) * Float.BYTES));
            primitive.execute(stream, args);
            stream._wait();
        }
    }

    private OneDnnElementwise(int pixels, int channels, java.util.function.Function<OneDnnElementwise,
            PartFactory> factory) {
        this.pixels = pixels;
        this.channels = channels;
        this.cpu = owned.keep(new engine(engine.kind.cpu, 0));
        this.attr = OneDnnParts.userScratchpad(owned);
        this.factory = factory.apply(this);
        this.parts = new OneDnnParts<>(pixels, Part::new);
    }

    /** Whether oneDNN runs the inspection plan's element-wise passes with this activation (null: a batch norm). */
    static boolean runs(Activation act) {
        return MatrixLibrary.preferred() == MatrixLibrary.ONEDNN && (act == null || algorithmOf(act) != null)
                && !JAVA_PASSES;
    }

    /** {@code -Dmobilenet.elementwise=java} keeps the Java passes (to compare the two). */
    private static final boolean JAVA_PASSES = "java".equals(System.getProperty("mobilenet.elementwise"));

    /**
     * {@code y = x·scale[c] + shift[c]}: a 1×1 depthwise convolution, weights the scale, bias the shift — the
     * same product and sum as the Java pass, by oneDNN's {@code jit_dw} kernel (its batch norm, {@code
     * bnorm_tbb_jit}, measured slower than the Java pass here: 425 against 346 µs on 112×112×96). oneDNN
     * does not promise that a convolution may write over its input, but a 1×1 depthwise one reads each
     * element before it writes the same element: in place it gave the same values (the plan's parity tests
     * compare every layer's tensor), at 141–151 µs against 207 out of place.
     */
    static OneDnnElementwise affine(int pixels, int channels, float[] scale, float[] shift) {
        return new OneDnnElementwise(pixels, channels, self -> {
            long[] taps = {channels, 1, 1, 1, 1};
            memory given = self.owned.keep(new memory(self.owned.keep(new memory.desc(taps, memory.data_type.f32,
                    memory.format_tag.goihw)), self.cpu, self.owned.keep(new FloatPointer(scale))));
            memory.desc anyTaps = self.owned.keep(new memory.desc(taps, memory.data_type.f32, memory.format_tag.any));
            memory.desc biasDesc = self.owned.keep(new memory.desc(new long[] {channels}, memory.data_type.f32,
                    memory.format_tag.x));
            memory bias = self.owned.keep(new memory(biasDesc, self.cpu, self.owned.keep(new FloatPointer(shift))));
            return (desc, args) -> {
                convolution_forward.desc d = self.owned.keep(new convolution_forward.desc(prop_kind.forward_inference,
                        algorithm.convolution_direct, desc, anyTaps, biasDesc, desc, new long[] {1, 1},
                        new long[] {0, 0}, new long[] {0, 0}));
                convolution_forward.primitive_desc pd = self.owned.keep(new convolution_forward.primitive_desc(d, self.attr,
                        self.cpu));
                memory weights = self.owned.keep(new memory(pd.weights_desc(), self.cpu)); // oneDNN's layout, once
                stream once = self.owned.keep(new stream(self.cpu));
                self.owned.keep(new reorder(given, weights)).execute(once, given, weights);
                once._wait();
                args.put(DNNL_ARG_WEIGHTS, weights);
                args.put(DNNL_ARG_BIAS, bias);
                OneDnnParts.ownScratchpad(pd, self.cpu, args, self.owned);
                return new convolution_forward(pd);
            };
        });
    }

    /** {@code y = act(x)}; only where {@link #runs} says oneDNN has the activation. */
    static OneDnnElementwise activation(int pixels, int channels, Activation act) {
        algorithm alg = algorithmOf(act);
        if (alg == null) {
            throw new IllegalArgumentException("no oneDNN kernel for " + act);
        }
        float alpha = 0f;
        float beta = act == Activation.RELU6 ? 6f : 0f;
        return new OneDnnElementwise(pixels, channels, self -> (desc, args) -> {
            eltwise_forward.desc d = self.owned.keep(new eltwise_forward.desc(prop_kind.forward_inference, alg, desc, alpha,
                    beta));
            eltwise_forward.primitive_desc pd = self.owned.keep(new eltwise_forward.primitive_desc(d, self.attr, self.cpu));
            OneDnnParts.ownScratchpad(pd, self.cpu, args, self.owned);
            return new eltwise_forward(pd);
        });
    }

    private static algorithm algorithmOf(Activation act) {
        return switch (act) {
            case RELU -> algorithm.eltwise_relu;
            case RELU6 -> algorithm.eltwise_clip;
            case HARD_SWISH -> algorithm.eltwise_hardswish;
            default -> null; // hard sigmoid: oneDNN 2.5 has none; identity: no pass
        };
    }

    /** Makes the parts of a {@code count}-way split; call before running them from several threads. */
    void prepare(int count) {
        parts.prepare(count);
    }

    /** Runs part {@code part} of {@code count} on the channels-last tensors at {@code in} and {@code out}. */
    void run(int count, int part, FloatPointer in, FloatPointer out) {
        parts.get(count, part).run(in, out);
    }

    @Override
    public void close() {
        owned.close();
    }
}
