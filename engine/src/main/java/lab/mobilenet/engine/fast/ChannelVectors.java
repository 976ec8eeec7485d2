package lab.mobilenet.engine.fast;

/**
 * Small channel-vector kernels on channels-last data: the mean over pixels and the fully connected
 * layers of squeeze-excite, written as counted loops over contiguous floats (one offset array each) so
 * that the JIT vectorises them.
 */
final class ChannelVectors {

    private ChannelVectors() {
    }

    /** {@code sums[j] += x[p·c + j]} over pixels {@code [p0, p1)}; {@code sums} is not cleared first. */
    static void addPixels(float[] x, int c, int p0, int p1, float[] sums) {
        for (int p = p0; p < p1; p++) {
            int at = p * c;
            for (int j = 0; j < c; j++) {
                sums[j] += x[at + j];
            }
        }
    }

    /**
     * {@code y = b + x·W} for {@code x [in]}, {@code W [in][out]} (transposed from PyTorch's {@code [out][in]}):
     * each input adds its row of W, a loop the JIT vectorises, where a dot product per output would not be.
     */
    static void affine(float[] x, int in, float[] weights, float[] bias, int out, float[] y) {
        System.arraycopy(bias, 0, y, 0, out);
        for (int i = 0; i < in; i++) {
            float v = x[i];
            int at = i * out;
            for (int j = 0; j < out; j++) {
                y[j] += v * weights[at + j];
            }
        }
    }

    /** {@code x[p·c + j] *= gates[j]} over pixels {@code [p0, p1)}. */
    static void scalePixels(float[] x, int c, int p0, int p1, float[] gates) {
        for (int p = p0; p < p1; p++) {
            int at = p * c;
            for (int j = 0; j < c; j++) {
                x[at + j] *= gates[j];
            }
        }
    }
}
