package lab.mobilenet.engine.op;

/**
 * Plain-loop reference implementations, written for clarity only; the tests compare the engine with them
 * (the inspection path's ops here, the fast path's kernels in {@code lab.mobilenet.engine.fast}).
 */
public final class NaiveOps {

    private NaiveOps() {
    }

    /** Direct convolution of {@code in[n][c][h][w]} (flattened, row-major) with PyTorch's weight layout. */
    public static float[] conv2d(float[] in, int n, int h, int w, float[] weight, float[] bias, ConvGeometry g) {
        int oh = g.outSize(h);
        int ow = g.outSize(w);
        int k = g.kernel();
        int inPer = g.inChannelsPerGroup();
        int outPer = g.outChannelsPerGroup();
        float[] out = new float[n * g.outChannels() * oh * ow];
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < g.outChannels(); o++) {
                int group = o / outPer;
                for (int y = 0; y < oh; y++) {
                    for (int x = 0; x < ow; x++) {
                        double sum = bias == null ? 0 : bias[o];
                        for (int ci = 0; ci < inPer; ci++) {
                            int c = group * inPer + ci;
                            for (int i = 0; i < k; i++) {
                                for (int j = 0; j < k; j++) {
                                    int iy = y * g.stride() - g.padding() + i;
                                    int ix = x * g.stride() - g.padding() + j;
                                    if (iy < 0 || ix < 0 || iy >= h || ix >= w) {
                                        continue;
                                    }
                                    float v = in[((b * g.inChannels() + c) * h + iy) * w + ix];
                                    float wt = weight[((o * inPer + ci) * k + i) * k + j];
                                    sum += (double) v * wt;
                                }
                            }
                        }
                        out[((b * g.outChannels() + o) * oh + y) * ow + x] = (float) sum;
                    }
                }
            }
        }
        return out;
    }

    /** im2col for one image: row (c·k + i)·k + j, column y·W' + x. */
    public static float[] im2col(float[] in, int h, int w, ConvGeometry g) {
        int oh = g.outSize(h);
        int ow = g.outSize(w);
        int k = g.kernel();
        int rows = g.inChannels() * k * k;
        float[] cols = new float[rows * oh * ow];
        for (int c = 0; c < g.inChannels(); c++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    int row = (c * k + i) * k + j;
                    for (int y = 0; y < oh; y++) {
                        for (int x = 0; x < ow; x++) {
                            int iy = y * g.stride() - g.padding() + i;
                            int ix = x * g.stride() - g.padding() + j;
                            float v = (iy < 0 || ix < 0 || iy >= h || ix >= w) ? 0f : in[(c * h + iy) * w + ix];
                            cols[row * oh * ow + y * ow + x] = v;
                        }
                    }
                }
            }
        }
        return cols;
    }

    public static float relu(float x) {
        return Math.max(x, 0f);
    }

    public static float relu6(float x) {
        return Math.min(Math.max(x, 0f), 6f);
    }

    public static float hardSigmoid(float x) {
        return relu6(x + 3f) / 6f;
    }

    public static float hardSwish(float x) {
        return x * relu6(x + 3f) / 6f;
    }

    public static float[] batchNorm(float[] in, int c, int hw, float[] gamma, float[] beta, float[] mean, float[] var, double eps) {
        float[] out = new float[in.length];
        int n = in.length / (c * hw);
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                for (int p = 0; p < hw; p++) {
                    int idx = (b * c + ch) * hw + p;
                    out[idx] = (float) ((in[idx] - mean[ch]) / Math.sqrt(var[ch] + eps) * gamma[ch] + beta[ch]);
                }
            }
        }
        return out;
    }

    /** Per-image per-channel mean over H·W. */
    public static float[] globalAvgPool(float[] in, int n, int c, int hw) {
        float[] out = new float[n * c];
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                double s = 0;
                for (int p = 0; p < hw; p++) {
                    s += in[(b * c + ch) * hw + p];
                }
                out[b * c + ch] = (float) (s / hw);
            }
        }
        return out;
    }

    /** y = x·Wᵀ + b for x [n, in], W [out, in]. */
    public static float[] linear(float[] x, int n, int in, float[] w, float[] b, int out) {
        float[] y = new float[n * out];
        for (int r = 0; r < n; r++) {
            for (int o = 0; o < out; o++) {
                double s = b == null ? 0 : b[o];
                for (int i = 0; i < in; i++) {
                    s += (double) x[r * in + i] * w[o * in + i];
                }
                y[r * out + o] = (float) s;
            }
        }
        return y;
    }

    /** timm's SqueezeExcite: mean → 1×1 reduce (+b) → ReLU → 1×1 expand (+b) → hard-sigmoid → scale. */
    public static float[] squeezeExcite(float[] in, int c, int hw, float[] wr, float[] br, int rd, float[] we, float[] be) {
        float[] pooled = globalAvgPool(in, 1, c, hw);
        float[] reduced = linear(pooled, 1, c, wr, br, rd);
        for (int i = 0; i < rd; i++) {
            reduced[i] = relu(reduced[i]);
        }
        float[] gate = linear(reduced, 1, rd, we, be, c);
        float[] out = new float[in.length];
        for (int ch = 0; ch < c; ch++) {
            float s = hardSigmoid(gate[ch]);
            for (int p = 0; p < hw; p++) {
                out[ch * hw + p] = in[ch * hw + p] * s;
            }
        }
        return out;
    }

    public static float[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] e = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            e[i] = Math.exp(logits[i] - max);
            sum += e[i];
        }
        float[] p = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            p[i] = (float) (e[i] / sum);
        }
        return p;
    }
}
