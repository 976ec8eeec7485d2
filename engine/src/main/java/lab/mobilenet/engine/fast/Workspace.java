package lab.mobilenet.engine.fast;

import lab.mobilenet.engine.model.SqueezeExciteLayer;
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;

/**
 * All memory a plan needs for one run, allocated once when the plan is compiled and reused by every run:
 * the heap tensors (channels-last activations, assigned to slots by liveness so that a slot is reused as
 * soon as its tensor is dead), per-thread scratch, and the native operands of the GEMMs.
 */
final class Workspace implements AutoCloseable {

    /** What the steps ask for, gathered before the allocation. */
    static final class Sizes {
        int slots;
        int slotFloats;
        int scratchFloats;
        int colsFloats;
        int vectorFloats;
        int gatedWeightFloats;
        int gateRowFloats;
        int innerFloats;
        int depthwiseKernel;
        int depthwiseFloats;
        /** Floats of the largest input or output of a depthwise convolution oneDNN runs, or 0. */
        long depthwiseNative;
        long nativeIn;
        long nativeC;
        /** Floats of the caller's image when the stem copies it to native memory first ({@link StemStep}), or 0. */
        long imageFloats;

        void atLeast(int slotCount, int floats) {
            slots = Math.max(slots, slotCount);
            slotFloats = Math.max(slotFloats, floats);
        }
    }

    final float[][] tensors;
    /** Per thread: accumulators and partial sums (zero-offset, so that the kernels vectorise). */
    final float[][] scratch;
    /** Per thread: gathered inputs, the same size as {@link #scratch}. */
    final float[][] patch;
    /** Per thread: the depthwise kernel's ring of patches and accumulator. */
    final DepthwiseKernel.Scratch[] depthwise;
    /** Per thread: im2col patches of the rows that thread computes. */
    final float[][] cols;
    /** Channel vectors of squeeze-excite (mean, hidden), used by the calling thread only. */
    final float[] vectorA;
    final float[] vectorB;
    /** The last squeeze-excite's gates, read by the 1×1 convolution after it. */
    final float[] gates;
    /** The gates repeated over a chunk of pixels, for the inspection plan's gate pass. */
    final float[] gateRow;
    /**
     * The inspection plan's copies of the last squeeze-excite's four inner vectors (after conv_reduce,
     * act1, conv_expand, gate) and the time each took, for a listener that asks for them.
     */
    final float[][] inner;
    final long[] innerNanos = new long[SqueezeExciteLayer.PARTS.size()];
    /** That convolution's weights with the gates folded in: heap, then native. */
    final float[] gatedWeights;
    final FloatPointer nativeGatedWeights;
    /** The caller's image during a run ({@code [3][H][W]}); the plan serialises runs. */
    float[] input;
    /**
     * GEMM inputs in native memory, two that alternate: the step before a 1×1 convolution writes its
     * output straight into one while the convolution before it still reads the other, so no GEMM input
     * is ever copied in a pass of its own. Parts use disjoint offsets. Then {@link #depthwiseIn},
     * {@link #depthwiseOut} and {@link #nativeC} ({@link Output#DEPTHWISE_INPUT}, {@link Output#DEPTHWISE_OUTPUT},
     * {@link Output#GEMM_OUTPUT}), so that a step can read a tensor where the one before left it.
     */
    final FloatPointer[] nativeIn;
    /** GEMM outputs, read back chunk by chunk by the epilogue. */
    final FloatPointer nativeC;
    /**
     * Views of {@link #nativeIn} and {@link #nativeC} for the chunks copied in and out: a buffer's bulk copy is
     * a plain memory copy, where {@code FloatPointer.put/get} is a JNI call (4096 floats: 0.37 against 0.56 µs,
     * 432 floats: 0.04 against 0.1 µs, measured). Valid while the workspace is open, like the pointers.
     */
    final FloatBuffer[] nativeInView;
    final FloatBuffer nativeCView;
    /** oneDNN's depthwise convolutions read their input from and (unless a GEMM reads it next) write into these. */
    final FloatPointer depthwiseIn;
    final FloatPointer depthwiseOut;
    final FloatBuffer depthwiseInView;
    final FloatBuffer depthwiseOutView;
    /** The caller's image, planar as given, in native memory for oneDNN's stem. */
    final FloatPointer image;
    final FloatBuffer imageView;

    Workspace(Sizes s, int threads) {
        tensors = new float[s.slots][s.slotFloats];
        scratch = new float[threads][Math.max(1, s.scratchFloats)];
        patch = new float[threads][Math.max(1, s.scratchFloats)];
        depthwise = new DepthwiseKernel.Scratch[threads];
        for (int t = 0; t < threads; t++) {
            depthwise[t] = new DepthwiseKernel.Scratch(Math.max(1, s.depthwiseKernel), Math.max(1, s.depthwiseFloats));
        }
        cols = new float[threads][Math.max(1, s.colsFloats)];
        vectorA = new float[Math.max(1, s.vectorFloats)];
        vectorB = new float[Math.max(1, s.vectorFloats)];
        gates = new float[Math.max(1, s.vectorFloats)];
        gateRow = new float[Math.max(1, s.gateRowFloats)];
        inner = new float[SqueezeExciteLayer.PARTS.size()][Math.max(1, s.innerFloats)];
        gatedWeights = new float[Math.max(1, s.gatedWeightFloats)];
        nativeGatedWeights = new FloatPointer(Math.max(1, s.gatedWeightFloats));
        depthwiseIn = new FloatPointer(Math.max(1, s.depthwiseNative));
        depthwiseOut = new FloatPointer(Math.max(1, s.depthwiseNative));
        image = new FloatPointer(Math.max(1, s.imageFloats));
        imageView = image.asBuffer();
        // the third "GEMM input" is oneDNN's depthwise input: a step before it may write there directly; the
        // fourth its output and the fifth the GEMM's, which the inspection plan's batch norm reads in place
        nativeC = new FloatPointer(Math.max(1, s.nativeC));
        nativeIn = new FloatPointer[] {new FloatPointer(Math.max(1, s.nativeIn)),
            new FloatPointer(Math.max(1, s.nativeIn)), depthwiseIn, depthwiseOut, nativeC};
        depthwiseInView = depthwiseIn.asBuffer();
        depthwiseOutView = depthwiseOut.asBuffer();
        nativeCView = nativeC.asBuffer();
        nativeInView = new FloatBuffer[] {nativeIn[0].asBuffer(), nativeIn[1].asBuffer(), depthwiseInView,
            depthwiseOutView, nativeCView};
    }

    @Override
    public void close() {
        nativeIn[0].close();
        nativeIn[1].close();
        nativeC.close();
        depthwiseIn.close();
        depthwiseOut.close();
        image.close();
        nativeGatedWeights.close();
    }
}
