package lab.mobilenet.engine.fast;

import lab.mobilenet.engine.model.Activation;

/**
 * One element-wise layer of the inspection plan on a channels-last tensor, as its own pass: an inference
 * batch norm as a per-channel scale and shift (computed once when the plan is compiled), an activation, a
 * residual add, or squeeze-excite's gates multiplied in. The fast path fuses all of these into the
 * convolution before; the inspection plan keeps each one a tensor of its own so that a listener can look at
 * it. Chunks of whole pixels go through zero-offset scratch (see {@link DepthwiseKernel} for why), with
 * the per-channel rows repeated to the chunk's length.
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

    private final StepInfo info;
    private final Kind kind;
    private final int in;
    private final int residual;
    private final Output out;
    private final int pixels;
    private final int channels;
    private final int chunk;
    private final float[] scaleRow;
    private final float[] shiftRow;
    private final Activation act;

    private ElementwiseStep(StepInfo info, Kind kind, int in, int residual, Output out, int pixels, int channels,
                            float[] scale, float[] shift, Activation act) {
        this.info = info;
        this.kind = kind;
        this.in = in;
        this.residual = residual;
        this.out = out;
        this.pixels = pixels;
        this.channels = channels;
        this.chunk = Math.max(1, 4096 / channels);
        this.scaleRow = scale == null ? null : DepthwiseKernel.repeat(scale, 0, channels, chunk);
        this.shiftRow = shift == null ? null : DepthwiseKernel.repeat(shift, 0, channels, chunk);
        this.act = act;
    }

    static ElementwiseStep affine(StepInfo info, int in, Output out, int pixels, int channels, float[] scale,
                                  float[] shift) {
        return new ElementwiseStep(info, Kind.AFFINE, in, -1, out, pixels, channels, scale, shift, null);
    }

    static ElementwiseStep activate(StepInfo info, int in, Output out, int pixels, int channels, Activation act) {
        return new ElementwiseStep(info, Kind.ACTIVATE, in, -1, out, pixels, channels, null, null, act);
    }

    static ElementwiseStep add(StepInfo info, int in, int residual, Output out, int pixels, int channels) {
        return new ElementwiseStep(info, Kind.ADD, in, residual, out, pixels, channels, null, null, null);
    }

    static ElementwiseStep gate(StepInfo info, int in, Output out, int pixels, int channels) {
        return new ElementwiseStep(info, Kind.GATE, in, -1, out, pixels, channels, null, null, null);
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
        int parts = Step.parts(pool, pixels, (long) pixels * channels * Step.ELEMENT_COST);
        pool.run(parts, part -> range(ws, Step.split(pixels, parts, part), Step.split(pixels, parts, part + 1), part));
    }

    /** Pixels {@code [p0, p1)}. */
    private void range(Workspace ws, int p0, int p1, int part) {
        float[] x = ws.tensors[in];
        if (kind == Kind.ACTIVATE && out.slot() == in) { // in place, no copies through scratch
            Epilogue.activateRange(act, x, p0 * channels, p1 * channels);
            if (out.buffer() >= 0) {
                ws.nativeInView[out.buffer()].put(p0 * channels, x, p0 * channels, (p1 - p0) * channels);
            }
            return;
        }
        float[] acc = ws.scratch[part];
        for (int p = p0; p < p1; p += chunk) {
            int len = Math.min(chunk, p1 - p) * channels;
            System.arraycopy(x, p * channels, acc, 0, len);
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
