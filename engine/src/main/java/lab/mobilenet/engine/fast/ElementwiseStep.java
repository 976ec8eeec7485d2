package lab.mobilenet.engine.fast;

import lab.mobilenet.engine.model.Activation;

/**
 * One element-wise layer of the inspection plan on a channels-last tensor, as its own pass: an inference
 * batch norm as a per-channel scale and shift (computed once when the plan is compiled), an activation, a
 * residual add, or squeeze-excite's gates multiplied in. The fast path fuses all of these into the
 * convolution before; the inspection plan keeps each one a tensor of its own so that a listener can look at
 * it. Chunks of whole pixels go through zero-offset scratch (see {@link DepthwiseKernel} for why), with
 * the per-channel rows repeated to the chunk's length; a batch norm or activation from native memory to
 * native memory (in place, mostly) runs on oneDNN's kernels instead ({@link OneDnnElementwise}) where there
 * are any.
 */
final class ElementwiseStep implements Step {

    enum Kind {
        /** {@code y = x·scale[c] + shift[c]}. */
        AFFINE,
        /** {@code y = act(x)}. */
        ACTIVATE,
        /** {@code y = x + residual}. */
        ADD,
        /** {@code y = x·gate[c]}, the gates the squeeze-excite step before left in {@link Workspace#gates}. */
        GATE
    }

    /**
     * Floats per chunk: the chunk, the scale row and the shift row (4 KB each) stay in a 32 KB L1 cache; at 16 KB
     * each they did not (a batch norm over 1.2 M floats: 415 against 346 µs, measured).
     */
    private static final int CHUNK_FLOATS = 1024;

    private final StepInfo info;
    private final Kind kind;
    private final int in;
    /** {@link Workspace#nativeIn} index holding the input when it is not in a heap slot ({@code in} −1), else −1. */
    private final int inBuffer;
    private final int residual;
    private final Output out;
    private final int pixels;
    private final int channels;
    private final int chunk;
    private final float[] scaleRow;
    private final float[] shiftRow;
    private final Activation act;
    /** oneDNN's kernel for a pass from native memory to native memory, or null: the Java pass runs. */
    private final OneDnnElementwise oneDnn;

    private ElementwiseStep(StepInfo info, Kind kind, Input input, int residual, Output out, int pixels, int channels,
                            float[] scale, float[] shift, Activation act) {
        if (input.slot() < 0 && kind == Kind.GATE) {
            throw new IllegalArgumentException(info.name() + ": the gates are multiplied in on the heap");
        }
        this.info = info;
        this.kind = kind;
        this.in = input.slot();
        this.inBuffer = input.slot() < 0 ? input.buffer() : -1;
        this.residual = residual;
        this.out = out;
        this.pixels = pixels;
        this.channels = channels;
        this.chunk = Math.max(1, CHUNK_FLOATS / channels);
        this.scaleRow = scale == null ? null : DepthwiseKernel.repeat(scale, 0, channels, chunk);
        this.shiftRow = shift == null ? null : DepthwiseKernel.repeat(shift, 0, channels, chunk);
        this.act = act;
        // native in, native out: oneDNN's kernels where it has them
        boolean nativeOnly = in < 0 && out.slot() < 0 && (kind == Kind.ACTIVATE || kind == Kind.AFFINE);
        this.oneDnn = !nativeOnly || !OneDnnElementwise.runs(act) ? null : kind == Kind.AFFINE
                ? OneDnnElementwise.affine(pixels, channels, scale, shift)
                : OneDnnElementwise.activation(pixels, channels, act);
    }

    /**
     * Where the input is: a heap slot, else the native buffer the step before left it in (the GEMM's output,
     * oneDNN's depthwise output, or wherever the pass before worked in place), read there rather than copied.
     */
    record Input(int slot, int buffer) {
        Input {
            if (slot < 0 && buffer < 0) {
                throw new IllegalArgumentException("an input is somewhere");
            }
        }
    }

    static ElementwiseStep affine(StepInfo info, Input in, Output out, int pixels, int channels, float[] scale,
                                  float[] shift) {
        return new ElementwiseStep(info, Kind.AFFINE, in, -1, out, pixels, channels, scale, shift, null);
    }

    static ElementwiseStep activate(StepInfo info, Input in, Output out, int pixels, int channels, Activation act) {
        return new ElementwiseStep(info, Kind.ACTIVATE, in, -1, out, pixels, channels, null, null, act);
    }

    static ElementwiseStep add(StepInfo info, Input in, int residual, Output out, int pixels, int channels) {
        return new ElementwiseStep(info, Kind.ADD, in, residual, out, pixels, channels, null, null, null);
    }

    static ElementwiseStep gate(StepInfo info, int in, Output out, int pixels, int channels) {
        return new ElementwiseStep(info, Kind.GATE, new Input(in, -1), -1, out, pixels, channels, null, null, null);
    }

    @Override
    public StepInfo info() {
        return info;
    }

    @Override
    public void reserve(Workspace.Sizes s) {
        s.scratchFloats = Math.max(s.scratchFloats, chunk * channels);
        s.vectorFloats = Math.max(s.vectorFloats, channels);
        if (kind == Kind.GATE) {
            s.gateRowFloats = Math.max(s.gateRowFloats, chunk * channels);
        }
        out.reserve(s, (long) pixels * channels);
    }

    @Override
    public void run(Workspace ws, WorkerPool pool) {
        if (kind == Kind.GATE) { // per run: the gates depend on the input
            for (int t = 0; t < chunk; t++) {
                System.arraycopy(ws.gates, 0, ws.gateRow, t * channels, channels);
            }
        }
        if (oneDnn != null) {
            int parts = Step.parts(pool, pixels, (long) pixels * channels * ONEDNN_ELEMENT_COST);
            oneDnn.prepare(parts); // made here, on the caller, before threads run them
            org.bytedeco.javacpp.FloatPointer src = ws.nativeIn[inBuffer];
            org.bytedeco.javacpp.FloatPointer dst = ws.nativeIn[out.buffer()];
            pool.run(parts, part -> oneDnn.run(parts, part, src, dst));
            return;
        }
        int parts = Step.parts(pool, pixels, (long) pixels * channels * Step.ELEMENT_COST);
        pool.run(parts, part -> range(ws, Step.split(pixels, parts, part), Step.split(pixels, parts, part + 1), part));
    }

    /** A float through oneDNN's kernel, weighed for sharing like {@link Step#ELEMENT_COST}. */
    private static final long ONEDNN_ELEMENT_COST = Step.ELEMENT_COST / 2;

    @Override
    public void close() {
        if (oneDnn != null) {
            oneDnn.close();
        }
    }

    /** Pixels {@code [p0, p1)}. */
    private void range(Workspace ws, int p0, int p1, int part) {
        float[] x = in < 0 ? null : ws.tensors[in];
        java.nio.FloatBuffer source = in < 0 ? ws.nativeInView[inBuffer] : null;
        if (kind == Kind.ACTIVATE && in >= 0 && out.slot() == in) {
            // in place, no copies through scratch (every array at one offset: the loop vectorises)
            for (int p = p0; p < p1; p += chunk) {
                int at = p * channels;
                int len = Math.min(chunk, p1 - p) * channels;
                Epilogue.activateRange(act, x, at, at + len);
                if (out.buffer() >= 0) { // while the chunk is in cache
                    ws.nativeInView[out.buffer()].put(at, x, at, len);
                }
            }
            return;
        }
        float[] acc = ws.scratch[part];
        for (int p = p0; p < p1; p += chunk) {
            int len = Math.min(chunk, p1 - p) * channels;
            if (x != null) {
                System.arraycopy(x, p * channels, acc, 0, len);
            } else {
                source.get(p * channels, acc, 0, len);
            }
            switch (kind) {
                case AFFINE -> {
                    float[] s = scaleRow;
                    float[] t = shiftRow;
                    for (int q = 0; q < len; q++) {
                        acc[q] = acc[q] * s[q] + t[q];
                    }
                }
                case ACTIVATE -> Epilogue.activate(act, acc, len);
                case ADD -> {
                    float[] skip = ws.patch[part];
                    System.arraycopy(ws.tensors[residual], p * channels, skip, 0, len);
                    Epilogue.add(acc, skip, len);
                }
                case GATE -> {
                    float[] g = ws.gateRow;
                    for (int q = 0; q < len; q++) {
                        acc[q] *= g[q];
                    }
                }
                default -> throw new IllegalStateException(kind.name());
            }
            out.write(ws, acc, p * channels, len);
        }
    }
}
