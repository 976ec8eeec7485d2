package lab.mobilenet.engine.fast;

import lab.mobilenet.engine.model.BatchNormLayer;
import lab.mobilenet.engine.model.ConvLayer;
import lab.mobilenet.engine.op.ConvGeometry;
import lab.mobilenet.engine.runtime.Weights;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Batch norm folded into the convolution before it: inference batch norm is the affine map
 * {@code y = s·x + t} per output channel with {@code s = γ / √(var + ε)} and {@code t = β − mean·s},
 * so {@code bn(conv(x, W) + b) = conv(x, s·W) + (s·b + t)}. Computed once, in double, when a plan is
 * compiled; the weights are then rearranged into the layout the fast kernels read.
 */
final class Folding {

    /**
     * The folded weights of one convolution.
     *
     * @param weights GEMM layout {@code [(i·k + j)·M + m][o]} for a standard/pointwise convolution;
     *                depthwise layout {@code [(i·k + j)·C + c]}
     * @param bias    one per output channel
     */
    record Folded(float[] weights, float[] bias) {
    }

    private Folding() {
    }

    /** @param bn the batch norm right after {@code conv}, or {@code null} */
    static Folded fold(ConvLayer conv, BatchNormLayer bn, Weights w) {
        ConvGeometry g = conv.geometry();
        int out = g.outChannels();
        double[] scale = new double[out];
        double[] shift = new double[out];
        java.util.Arrays.fill(scale, 1.0);
        float[] convBias = conv.bias() ? floats(w.get(conv.name() + ".bias")) : new float[out];
        if (bn != null) {
            float[] gamma = floats(w.get(bn.name() + ".weight"));
            float[] beta = floats(w.get(bn.name() + ".bias"));
            float[] mean = floats(w.get(bn.name() + ".running_mean"));
            float[] var = floats(w.get(bn.name() + ".running_var"));
            for (int o = 0; o < out; o++) {
                scale[o] = gamma[o] / Math.sqrt(var[o] + bn.eps());
                shift[o] = beta[o] - mean[o] * scale[o];
            }
        }
        float[] bias = new float[out];
        for (int o = 0; o < out; o++) {
            bias[o] = (float) (convBias[o] * scale[o] + shift[o]);
        }
        float[] torch = floats(w.get(conv.name() + ".weight")); // [out][in/groups][k][k]
        int k = g.kernel();
        int kk = k * k;
        float[] packed = new float[torch.length];
        if (g.isDepthwise()) {
            for (int c = 0; c < out; c++) {
                for (int t = 0; t < kk; t++) {
                    packed[t * out + c] = (float) (torch[c * kk + t] * scale[c]);
                }
            }
        } else if (g.groups() == 1) {
            int in = g.inChannels();
            for (int o = 0; o < out; o++) {
                for (int m = 0; m < in; m++) {
                    for (int t = 0; t < kk; t++) {
                        packed[(t * in + m) * out + o] = (float) (torch[(o * in + m) * kk + t] * scale[o]);
                    }
                }
            }
        } else {
            throw new UnsupportedNetworkException("the fast path has no kernel for grouped convolution " + conv.name());
        }
        return new Folded(packed, bias);
    }

    /** A tensor's values in row-major order, as float32. */
    static float[] floats(INDArray a) {
        if (a.dataType() == DataType.FLOAT) {
            try (INDArray f = a.dup('c')) {
                return f.data().asFloat();
            }
        }
        try (INDArray f = a.castTo(DataType.FLOAT); INDArray d = f.dup('c')) { // castTo converts into a new array
            return d.data().asFloat();
        }
    }

    /** {@code [rows][cols]} → {@code [cols][rows]}. */
    static float[] transpose(float[] m, int rows, int cols) {
        float[] t = new float[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[r * cols + c];
            }
        }
        return t;
    }
}
