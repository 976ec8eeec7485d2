package lab.mobilenet.lessons;

/**
 * One multiply-add of the GEMM {@code C = A·B} that im2col turns a convolution into: kernel matrix
 * {@code A [N, M/groups·k·k]} times column matrix {@code B [M·k·k, H'·W']}. It is the same multiply-add as
 * {@link #conv()}, seen through matrix indices.
 *
 * @param conv       the same MAC as a convolution step
 * @param outRow     row of A and of C: the output channel
 * @param column     column of B and of C: the output pixel {@code y·W' + x}
 * @param depth      index along the dot product, 0 … M/groups·k·k − 1 (column of A)
 * @param matrixRow  row of B read: {@code (c·k + i)·k + j} with c the absolute input channel
 */
public record GemmStep(Step conv, int outRow, int column, int depth, int matrixRow) {

    /** A[outRow][depth], the weight. */
    public float a() {
        return conv.weight();
    }

    /** B[matrixRow][column], the copied input value. */
    public float b() {
        return conv.input();
    }
}
