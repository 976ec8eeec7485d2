package lab.mobilenet.lessons;

import java.util.Optional;
import lab.mobilenet.engine.op.ConvGeometry;

/**
 * A convolution computed as im2col + GEMM, step by step. The GEMM's loop (output row = channel, output column =
 * pixel, dot product along the column) visits the multiply-adds in exactly the order of {@link ConvTrace}, so
 * the session steps it with {@link #conv()}'s clock and counters; this class adds the matrix view: the column
 * matrix and, for each step, which column and row it reads.
 */
public final class GemmTrace {

    private final ConvTrace conv;
    private final ColumnMatrix columns;

    private GemmTrace(ConvTrace conv) {
        this.conv = conv;
        this.columns = Im2col.columns(conv.input(), conv.geometry());
    }

    public static GemmTrace of(Planes input, KernelBank bank) {
        return new GemmTrace(ConvTrace.of(input, bank));
    }

    /** The same computation as a direct convolution. */
    public ConvTrace conv() {
        return conv;
    }

    public ColumnMatrix columns() {
        return columns;
    }

    /** Kernel matrix A, {@code [N, M/groups·k·k]}: each output channel's kernel flattened into a row. */
    public float[] kernelMatrix() {
        return conv.bank().weights();
    }

    public int kernelMatrixColumns() {
        ConvGeometry g = conv.geometry();
        return g.inChannelsPerGroup() * g.kernel() * g.kernel();
    }

    /** Whether the column matrix is the input merely reshaped (1×1 kernel, stride 1, no padding). */
    public boolean plainReshape() {
        return Im2col.isPlainReshape(conv.geometry());
    }

    public GemmStep step(long index) {
        Step s = conv.step(index);
        int k = conv.geometry().kernel();
        int col = Im2col.column(s.outY(), s.outX(), conv.outWidth());
        return new GemmStep(s, s.outChannel(), col, s.tap(), Im2col.row(s.inChannel(), s.kernelRow(), s.kernelCol(), k));
    }

    public Optional<GemmStep> lastStep(long position) {
        return conv.lastStep(position).map(s -> step(s.index()));
    }

    public Optional<GemmStep> nextStep(long position) {
        return conv.nextStep(position).map(s -> step(s.index()));
    }

    /** Multiply-adds of the whole GEMM: those of the convolution. */
    public long totalMacs() {
        return conv.totalMacs();
    }
}
