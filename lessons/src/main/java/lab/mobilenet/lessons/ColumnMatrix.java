package lab.mobilenet.lessons;

import java.util.Arrays;

/**
 * The im2col column matrix of one image: {@code rows = M·k·k} (row {@code (c·k + i)·k + j} is input channel c
 * at kernel offset (i, j)), {@code columns = H'·W'} (column {@code y·W' + x} is the receptive field of output
 * pixel (y, x)), row-major; padding taps hold 0.
 *
 * @param imageBytes memory of the image it was unfolded from, to compare with {@link #bytes()}
 */
public record ColumnMatrix(int rows, int columns, float[] values, long imageBytes) {

    public ColumnMatrix {
        if (values == null || values.length != (long) rows * columns) {
            throw new IllegalArgumentException("column matrix must have " + (long) rows * columns + " values");
        }
        values = values.clone();
    }

    /** A copy of the values, {@code rows × columns} row-major. */
    @Override
    public float[] values() {
        return values.clone();
    }

    public float get(int row, int column) {
        if (row < 0 || row >= rows || column < 0 || column >= columns) {
            throw new IndexOutOfBoundsException("(" + row + ", " + column + ") outside " + rows + "×" + columns);
        }
        return values[row * columns + column];
    }

    /** One column (one output pixel's receptive field, all channels), top to bottom. */
    public float[] column(int column) {
        float[] c = new float[rows];
        for (int r = 0; r < rows; r++) {
            c[r] = get(r, column);
        }
        return c;
    }

    /** One row (one channel at one kernel offset, for every output pixel). */
    public float[] row(int row) {
        return Arrays.copyOfRange(values, row * columns, (row + 1) * columns);
    }

    /** Memory as float32, 4 bytes per value. */
    public long bytes() {
        return 4L * values.length;
    }

    /** How many times bigger than the image it came from: about k² for stride 1 and "same" padding. */
    public double duplication() {
        return (double) bytes() / imageBytes;
    }
}
