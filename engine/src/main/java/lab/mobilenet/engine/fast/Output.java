package lab.mobilenet.engine.fast;

/**
 * Where a step writes its output, decided when the plan is compiled from who reads it: a heap slot
 * (for squeeze-excite, pooling, im2col, the plain-Java depthwise kernel or a later residual add), a native
 * buffer (a GEMM input for the 1×1 convolution or classifier right after, oneDNN's depthwise input or
 * output, or the GEMM's output), or both. Values are written a chunk at a time straight from the kernel's scratch, while they are
 * still in cache.
 *
 * @param slot   heap slot, or −1
 * @param buffer index into {@link Workspace#nativeIn}, or −1
 */
record Output(int slot, int buffer) {

    Output {
        if (slot < 0 && buffer < 0) {
            throw new IllegalArgumentException("an output goes somewhere");
        }
    }

    /** Writes {@code values[0 … len)} at element offset {@code at} of the tensor. */
    void write(Workspace ws, float[] values, int at, int len) {
        if (slot >= 0) {
            System.arraycopy(values, 0, ws.tensors[slot], at, len);
        }
        if (buffer >= 0) {
            ws.nativeInView[buffer].put(at, values, 0, len);
        }
    }

    /** {@link #buffer} of oneDNN's depthwise input ({@link Workspace#depthwiseIn}); 0 and 1 are GEMM inputs. */
    static final int DEPTHWISE_INPUT = 2;

    /**
     * {@link #buffer} of oneDNN's depthwise output ({@link Workspace#depthwiseOut}), where the inspection plan
     * leaves a depthwise layer's tensor for the batch norm after it to read.
     */
    static final int DEPTHWISE_OUTPUT = 3;

    /**
     * {@link #buffer} of the GEMM's output ({@link Workspace#nativeC}): an inspection-plan convolution without
     * bias leaves its product there, as sgemm wrote it, for the batch norm after it to read.
     */
    static final int GEMM_OUTPUT = 4;

    /**
     * The native buffer a oneDNN kernel writes this output into: its own, or the GEMM output ({@link #GEMM_OUTPUT})
     * when it has only a heap slot, from which the kernel's step copies it there.
     */
    int oneDnnBuffer() {
        return buffer >= 0 ? buffer : GEMM_OUTPUT;
    }

    /** Native floats this output needs for a tensor of {@code floats}, written where a oneDNN kernel writes it. */
    void reserveForOneDnn(Workspace.Sizes s, long floats) {
        if (buffer < 0) {
            s.nativeC = Math.max(s.nativeC, floats);
        }
        reserve(s, floats);
    }

    /** Native floats this output needs for a tensor of {@code floats}. */
    void reserve(Workspace.Sizes s, long floats) {
        if (buffer == DEPTHWISE_INPUT || buffer == DEPTHWISE_OUTPUT) {
            s.depthwiseNative = Math.max(s.depthwiseNative, floats);
        } else if (buffer == GEMM_OUTPUT) {
            s.nativeC = Math.max(s.nativeC, floats);
        } else if (buffer >= 0) {
            s.nativeIn = Math.max(s.nativeIn, floats);
        }
    }
}
