package lab.mobilenet.lessons;

import lab.mobilenet.engine.op.ConvGeometry;

/**
 * im2col as plain index arithmetic: which column of the column matrix is which output pixel, which row is which
 * (channel, kernel row, kernel column), which input patch a column copies. These small helpers drive every
 * highlight of the im2col lesson; {@link #columns} builds the matrix itself.
 */
public final class Im2col {

    /** An output pixel, or the top-left input cell of a patch (may lie in the padding, i.e. be negative). */
    public record Cell(int y, int x) {
    }

    /** What one row of the column matrix holds: input channel c at kernel offset (row, col). */
    public record Tap(int channel, int row, int col) {
    }

    private Im2col() {
    }

    /** Column of output pixel (y, x): {@code y·W' + x}. */
    public static int column(int y, int x, int outWidth) {
        if (y < 0 || x < 0 || x >= outWidth) {
            throw new IndexOutOfBoundsException("output pixel (" + y + ", " + x + ") with width " + outWidth);
        }
        return y * outWidth + x;
    }

    /** Output pixel of a column: {@code (column / W', column mod W')}. */
    public static Cell outputCell(int column, int outWidth) {
        if (column < 0 || outWidth <= 0) {
            throw new IndexOutOfBoundsException("column " + column + " with width " + outWidth);
        }
        return new Cell(column / outWidth, column % outWidth);
    }

    /** Row holding channel c at kernel offset (i, j): {@code (c·k + i)·k + j}. */
    public static int row(int channel, int i, int j, int kernel) {
        if (channel < 0 || i < 0 || j < 0 || i >= kernel || j >= kernel) {
            throw new IndexOutOfBoundsException("tap (" + channel + ", " + i + ", " + j + ") with kernel " + kernel);
        }
        return (channel * kernel + i) * kernel + j;
    }

    /** Inverse of {@link #row}. */
    public static Tap tap(int row, int kernel) {
        if (row < 0 || kernel <= 0) {
            throw new IndexOutOfBoundsException("row " + row + " with kernel " + kernel);
        }
        return new Tap(row / (kernel * kernel), (row / kernel) % kernel, row % kernel);
    }

    /** Top-left input cell of the patch a column copies: {@code (y·s − p, x·s − p)}. */
    public static Cell patchOrigin(int column, int outWidth, ConvGeometry g) {
        Cell out = outputCell(column, outWidth);
        return new Cell(out.y() * g.stride() - g.padding(), out.x() * g.stride() - g.padding());
    }

    /**
     * Whether the column matrix is just the input reshaped to {@code [M, H·W]}: a 1×1 kernel with stride 1 and no
     * padding reads each pixel exactly once, so a pointwise convolution is a GEMM with no im2col at all.
     */
    public static boolean isPlainReshape(ConvGeometry g) {
        return g.kernel() == 1 && g.stride() == 1 && g.padding() == 0;
    }

    /** Unfolds an image into its column matrix for this geometry (groups do not change it). */
    public static ColumnMatrix columns(Planes image, ConvGeometry g) {
        if (image.channels() != g.inChannels()) {
            throw new IllegalArgumentException("geometry reads " + g.inChannels() + " channels, image has "
                    + image.channels());
        }
        int k = g.kernel();
        int h = image.height();
        int w = image.width();
        int oh = g.outSize(h);
        int ow = g.outSize(w);
        long size = (long) g.inChannels() * k * k * oh * ow;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("column matrix too large: " + size + " values");
        }
        int rows = g.inChannels() * k * k;
        int cols = oh * ow;
        float[] m = new float[(int) size];
        float[] in = image.raw();
        for (int r = 0; r < rows; r++) {
            Tap t = tap(r, k);
            for (int col = 0; col < cols; col++) {
                int iy = (col / ow) * g.stride() - g.padding() + t.row();
                int ix = (col % ow) * g.stride() - g.padding() + t.col();
                if (iy >= 0 && ix >= 0 && iy < h && ix < w) {
                    m[r * cols + col] = in[(t.channel() * h + iy) * w + ix];
                }
            }
        }
        return new ColumnMatrix(rows, cols, m, image.bytes());
    }
}
