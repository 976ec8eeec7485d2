package lab.mobilenet.lessons;

import java.util.Optional;

/**
 * The matrix view of the im2col lesson: kernel matrix A {@code [N, M·k·k]} times column matrix B
 * {@code [M·k·k, H'·W']}, with the current multiply-add's row and column.
 *
 * @param trace        the GEMM trace (kernel matrix, column matrix, index helpers)
 * @param lastStep     the MAC just done, as matrix indices
 * @param nextStep     the MAC about to be done
 * @param duplication  column-matrix memory / image memory, as a formula
 */
public record GemmFrame(GemmTrace trace, Optional<GemmStep> lastStep, Optional<GemmStep> nextStep,
                        Formula duplication) {

    public ColumnMatrix columns() {
        return trace.columns();
    }

    /** Whether B is the input merely reshaped (only for a 1×1, stride-1, unpadded convolution). */
    public boolean plainReshape() {
        return trace.plainReshape();
    }
}
