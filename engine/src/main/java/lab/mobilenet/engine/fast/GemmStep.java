package lab.mobilenet.engine.fast;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemv;

import lab.mobilenet.engine.model.Activation;
import org.bytedeco.javacpp.FloatPointer;

/**
 * A convolution as one matrix product on channels-last data: the output pixels are the rows,
 * {@code out[P × N] = patches[P × K] · W[K × N]}, with {@code K = k·k·M}. For a 1×1 convolution the
 * patches are the input itself, already in native memory (the step before wrote it there); for a k×k
 * one (the stem) they are im2col rows built here. The classifier and V3's head are the same with a single
 * pixel.
 *
 * <p>The product is oneDNN's or OpenBLAS's {@code sgemm} ({@link MatrixLibrary}) called directly on native
 * memory allocated once: ND4J's {@code Nd4j.gemm} wrapper costs about 40 µs per call here, the direct
 * call well under a microsecond; one pixel is OpenBLAS's {@code sgemv}. Each thread multiplies its rows,
 * then runs the fused epilogue (folded bias, activation, residual) on chunks read back into heap scratch,
 * and writes them where the next step reads them.
 */
final class GemmStep implements Step {

    /** Where the patches come from. */
    enum Source {
        /** A 1×1 convolution's input, already in {@link Workspace#nativeIn}. */
        NATIVE,
        /** im2col of a channels-last heap tensor. */
        HEAP,
        /** im2col of the caller's {@code [3][H][W]} image (the stem). */
        IMAGE
    }

    private final StepInfo info;
    private final Source source;
    private final int inSlot;
    private final int inBuffer;
    private final int residual;
    private final Output output;
    private final int h;
    private final int w;
    private final int inChannels;
    private final int kernel;
    private final int stride;
    private final int pad;
    private final int oh;
    private final int ow;
    private final int n;
    private final FloatPointer weights;
    /** The heap copy of the weights, kept only when squeeze-excite gates are folded in per run. */
    private final float[] gatedSource;
    private final int chunk;
    private final float[] biasRows;
    private final Activation act;
    /** The inspection plan's bare product (no bias, activation or residual), left in C for its reader: no epilogue. */
    private final boolean productIsOutput;
    private final MatrixLibrary library;

    /**
     * @param inSlot   heap slot of the input for {@link Source#HEAP}, else ignored
     * @param inBuffer native buffer holding (NATIVE) or receiving (HEAP, IMAGE) the patches
     * @param packed   {@code [K][N]} weights, BN folded ({@link Folding})
     * @param residual slot of the tensor to add after the activation, or −1
     * @param gated    whether the input's channels are to be scaled by the workspace's squeeze-excite gates
     */
    GemmStep(StepInfo info, Source source, int inSlot, int inBuffer, int residual, Output output, int h, int w,
             int inChannels, int kernel, int stride, int pad, int outChannels, float[] packed, float[] bias,
             Activation act, boolean gated) {
        this(info, source, inSlot, inBuffer, residual, output, h, w, inChannels, kernel, stride, pad, outChannels,
                packed, bias, act, gated, MatrixLibrary.preferred());
    }

    /** As above, with the products computed by {@code library} (the tests check both). */
    GemmStep(StepInfo info, Source source, int inSlot, int inBuffer, int residual, Output output, int h, int w,
             int inChannels, int kernel, int stride, int pad, int outChannels, float[] packed, float[] bias,
             Activation act, boolean gated, MatrixLibrary library) {
        this.library = library;
        this.info = info;
        this.source = source;
        this.inSlot = inSlot;
        this.inBuffer = inBuffer;
        this.residual = residual;
        this.output = output;
        this.h = h;
        this.w = w;
        this.inChannels = inChannels;
        this.kernel = kernel;
        this.stride = stride;
        this.pad = pad;
        this.oh = (h + 2 * pad - kernel) / stride + 1;
        this.ow = (w + 2 * pad - kernel) / stride + 1;
        this.n = outChannels;
        if (packed.length != depth() * n || bias.length != n) {
            throw new IllegalArgumentException(info.name() + ": weights do not match the geometry");
        }
        if (source == Source.NATIVE && !(kernel == 1 && stride == 1 && pad == 0)) {
            throw new IllegalArgumentException(info.name() + ": only a 1x1 convolution reads its input as it is");
        }
        if (gated && source != Source.NATIVE) {
            throw new IllegalArgumentException(info.name() + ": gates fold only into a 1x1 convolution");
        }
        this.weights = new FloatPointer(packed);
        this.gatedSource = gated ? packed.clone() : null;
        this.chunk = Math.max(1, 4096 / n);
        this.biasRows = DepthwiseKernel.repeat(bias, 0, n, chunk);
        this.act = act;
        this.productIsOutput = output.buffer() == Output.GEMM_OUTPUT;
        if (source == Source.NATIVE && inBuffer == Output.GEMM_OUTPUT) {
            throw new IllegalArgumentException(info.name() + ": a product cannot read its input where it writes");
        }
        if (productIsOutput && (output.slot() >= 0 || act != Activation.IDENTITY || residual >= 0 || gated
                || !allZero(bias))) {
            throw new IllegalArgumentException(info.name() + ": only a bare product can be left as the output");
        }
    }

    private static boolean allZero(float[] v) {
        for (float x : v) {
            if (x != 0f) {
                return false;
            }
        }
        return true;
    }

    private int depth() {
        return kernel * kernel * inChannels;
    }

    @Override
    public StepInfo info() {
        return info;
    }

    @Override
    public void reserve(Workspace.Sizes s) {
        long pixels = (long) oh * ow;
        s.nativeIn = Math.max(s.nativeIn, pixels * depth());
        s.nativeC = Math.max(s.nativeC, pixels * n);
        output.reserve(s, pixels * n);
        s.scratchFloats = Math.max(s.scratchFloats, biasRows.length);
        if (gatedSource != null) {
            s.gatedWeightFloats = Math.max(s.gatedWeightFloats, gatedSource.length);
        }
        if (source != Source.NATIVE) {
            int rowsPerPart = Math.min(oh, rowsPerBlock()); // im2col fills one block at a time
            s.colsFloats = Math.max(s.colsFloats, Math.toIntExact((long) rowsPerPart * ow * depth()));
        }
    }

    @Override
    public void run(Workspace ws, WorkerPool pool) {
        FloatPointer b = gatedSource == null ? weights : gate(ws);
        int pixels = oh * ow;
        if (source == Source.NATIVE && n > pixels) {
            // few pixels, many outputs (the late layers): split the output channels, so that each thread packs
            // only its part of the weights (OpenBLAS packs all of B per call; by rows both threads packed all of
            // it), then run the epilogue split by rows
            long work = pixels == 1 ? info.macs() * GEMV_COST : info.macs();
            int parts = Step.parts(pool, n / COLUMN_ALIGN, work);
            if (parts > 1) {
                pool.run(parts, part -> columns(ws, b, columnStart(parts, part), columnStart(parts, part + 1)));
                if (productIsOutput) {
                    return;
                }
                int rowParts = Math.min(parts, oh);
                pool.run(rowParts, part -> rows(ws, b, Step.split(oh, rowParts, part),
                        Step.split(oh, rowParts, part + 1), part, false));
                return;
            }
        }
        // bands of rows, the caller's from the top, the worker's from the bottom (see WorkerPool)
        int bands = Step.bands(pool, oh, info.macs());
        pool.runBands(bands, Step.shared(pool, info.macs()), (band, thread) -> rows(ws, b, Step.split(oh, bands, band),
                Step.split(oh, bands, band + 1), thread, true));
    }

    /**
     * A MAC of a matrix-vector product (one pixel) costs about as much time as four in a GEMM: each weight
     * is read from memory once and used once (the 1280×1000 classifier: 0.29 ms, 4.4 GMAC/s, measured
     * with StepProbe), so two threads, each reading half the weights, pay even for 1.3 M MACs.
     */
    private static final long GEMV_COST = 4;

    /** Floats per column block: a 64-byte cache line, so that two threads never write the same line of C. */
    private static final int COLUMN_ALIGN = 16;

    private int columnStart(int parts, int part) {
        return part == parts ? n : Step.split(n / COLUMN_ALIGN, parts, part) * COLUMN_ALIGN;
    }

    /** Output channels {@code [n0, n1)} of every pixel: {@code C[:, n0:n1] = A · B[:, n0:n1]}. */
    private void columns(Workspace ws, FloatPointer b, int n0, int n1) {
        if (n1 <= n0) {
            return;
        }
        int k = depth();
        FloatPointer a = new FloatPointer(ws.nativeIn[inBuffer]);
        FloatPointer bp = new FloatPointer(b).position(n0);
        FloatPointer c = new FloatPointer(ws.nativeC).position(n0);
        multiply(oh * ow, n1 - n0, k, a, bp, c);
    }

    /**
     * {@code C[m × cols] = A[m × k] · B[k × cols]}, row strides k, n, n. One pixel (V3's head, every
     * classifier) is a matrix-vector product: OpenBLAS's sgemm with m = 1 still packs all of B and took
     * 0.8–1 ms for the 1000-class classifier here, sgemv reads B once in about 0.1 ms.
     */
    private void multiply(int m, int cols, int k, FloatPointer a, FloatPointer b, FloatPointer c) {
        if (m == 1) {
            cblas_sgemv(CblasRowMajor, CblasTrans, k, cols, 1f, b, n, a, 1, 0f, c, 1);
        } else {
            library.sgemm(false, m, cols, k, a, k, b, n, c, n);
        }
    }

    /** {@code W'[c][o] = gate[c]·W[c][o]}: scaling the input channels, done to the (much smaller) weights. */
    private FloatPointer gate(Workspace ws) {
        float[] g = ws.gates;
        float[] scaled = ws.gatedWeights;
        for (int c = 0; c < inChannels; c++) {
            float v = g[c];
            int at = c * n;
            for (int o = 0; o < n; o++) {
                scaled[at + o] = gatedSource[at + o] * v; // both arrays at the same offset: vectorised
            }
        }
        ws.nativeGatedWeights.put(scaled, 0, gatedSource.length);
        return ws.nativeGatedWeights;
    }

    /**
     * Output rows {@code [y0, y1)}: the product (unless {@link #columns} already made it) and the epilogue,
     * in thread {@code part}'s scratch, a block of rows at a time ({@link #rowsPerBlock}).
     */
    private void rows(Workspace ws, FloatPointer b, int y0, int y1, int part, boolean multiply) {
        int step = rowsPerBlock();
        for (int y = y0; y < y1; y += step) {
            block(ws, b, y, Math.min(y1, y + step), part, multiply);
        }
    }

    /**
     * Floats of C one block may produce before its epilogue reads them back: 128 KB, so that they are still
     * in the core's L2 cache. A whole band of an early layer (56 rows of 112 pixels × 96 channels, 2.4 MB)
     * went out to memory and came back for the epilogue.
     */
    static final int BLOCK_OUTPUT_FLOATS = 32 * 1024;
    /**
     * The fewest pixels a block multiplies: every {@code sgemm} call packs B again, which costs about one
     * pass over B, so a block of m pixels adds about 1/m to the product's work.
     */
    static final int MIN_BLOCK_PIXELS = 256;

    /** Output rows per block: {@link #BLOCK_OUTPUT_FLOATS} of output, at least {@link #MIN_BLOCK_PIXELS}. */
    int rowsPerBlock() {
        int pixels = Math.max(MIN_BLOCK_PIXELS, BLOCK_OUTPUT_FLOATS / n);
        return Math.max(1, pixels / ow);
    }

    /** Rows {@code [y0, y1)}: the product and the epilogue of one block. */
    private void block(Workspace ws, FloatPointer b, int y0, int y1, int part, boolean multiply) {
        int p0 = y0 * ow;
        int rows = (y1 - y0) * ow;
        if (rows == 0) {
            return;
        }
        int k = depth();
        FloatPointer a = new FloatPointer(ws.nativeIn[inBuffer]).position((long) p0 * k);
        FloatPointer c = new FloatPointer(ws.nativeC).position((long) p0 * n);
        if (!multiply) { // columns() has made this part of C
            assert c.position() == (long) p0 * n;
        } else if (source == Source.IMAGE) {
            // the stem: patches transposed, [K][rows] for this part, so that im2col writes rows, not scatters
            float[] cols = ws.cols[part];
            Layouts.im2colPlanarTransposed(ws.input, h, w, inChannels, kernel, stride, pad, ow, y0, y1, cols, rows);
            a.put(cols, 0, rows * k);
            library.sgemm(true, rows, n, k, a, rows, b, n, c, n);
        } else {
            if (source == Source.HEAP) {
                float[] cols = ws.cols[part];
                Layouts.im2col(ws.tensors[inSlot], h, w, inChannels, kernel, stride, pad, ow, y0, y1, cols);
                a.put(cols, 0, rows * k);
            }
            multiply(rows, n, k, a, b, c);
        }
        if (productIsOutput) {
            return; // the product is the output, where the reader reads it
        }
        // the epilogue, a chunk of pixels at a time in zero-offset scratch (see DepthwiseKernel for why)
        float[] acc = ws.scratch[part];
        float[] res = residual < 0 ? null : ws.tensors[residual];
        for (int p = p0; p < p0 + rows; p += chunk) {
            int len = Math.min(chunk, p0 + rows - p) * n;
            ws.nativeCView.get(p * n, acc, 0, len);
            Epilogue.biasActivate(act, acc, biasRows, len);
            if (res != null) {
                float[] skip = ws.patch[part];
                System.arraycopy(res, p * n, skip, 0, len);
                Epilogue.add(acc, skip, len);
            }
            output.write(ws, acc, p * n, len);
        }
    }

    @Override
    public void close() {
        weights.close();
    }
}
