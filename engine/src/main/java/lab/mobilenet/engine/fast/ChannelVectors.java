package lab.mobilenet.engine.fast;

/**
 * Small channel-vector kernels on channels-last data: per-channel sums over pixels (for pooling and
 * squeeze-excite) and fully connected layers on one vector. Written with zero-offset arrays in every
 * inner loop so that the JIT vectorises them (see {@link DepthwiseKernel}).
 */
final class ChannelVectors {

    private ChannelVectors() {
    }

    /** Pixels per chunk when summing {@code c} channels. */
    static int chunkPixels(int c) {
        return Math.max(1, 2048 / c);
    }

    /**
     * Per-channel sums of pixels {@code [p0, p1)} of {@code x [P][c]}, left in {@code sums[0 … c)}.
     *
     * @param patch scratch of {@code chunkPixels(c)·c} floats; {@code sums} as large
     */
    static void sumPixels(float[] x, int c, int p0, int p1, float[] patch, float[] sums) {
        int chunk = chunkPixels(c);
        java.util.Arrays.fill(sums, 0, chunk * c, 0f);
        for (int p = p0; p < p1; p += chunk) {
            int len = Math.min(chunk, p1 - p) * c;
            System.arraycopy(x, p * c, patch, 0, len);
            Epilogue.add(sums, patch, len);
        }
        for (int t = 1; t < chunk; t++) { // fold the chunk's pixel columns into the first
            int at = t * c;
            for (int j = 0; j < c; j++) {
                sums[j] += sums[at + j];
            }
        }
    }

    /**
     * {@code y = b + x·W} for {@code x [in]} and {@code W} as rows {@code rows[i][out]} (PyTorch's
     * {@code [out][in]} transposed): each input adds its row of W, a loop the JIT vectorises.
     */
    static void affine(float[] x, float[][] rows, float[] bias, int out, float[] y) {
        System.arraycopy(bias, 0, y, 0, out);
        for (int i = 0; i < rows.length; i++) {
            float v = x[i];
            float[] row = rows[i];
            for (int j = 0; j < out; j++) {
                y[j] += v * row[j];
            }
        }
    }

    /** PyTorch's {@code [out][in]} matrix as {@code in} rows of {@code out} weights. */
    static float[][] inputRows(float[] m, int out, int in) {
        float[][] rows = new float[in][out];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                rows[i][o] = m[o * in + i];
            }
        }
        return rows;
    }
}
