package lab.mobilenet.lessons;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lab.mobilenet.engine.op.ConvGeometry;

/**
 * The weights of one convolution layer: N kernels of {@code D_K × D_K × (M/groups)} in PyTorch's layout
 * {@code [out, in/groups, k, k]} (row-major), an optional bias, and the {@link ConvGeometry} they belong to.
 *
 * <p>Built either from hand-made 2-D kernels ({@link #fromKernels}) or from learned weights ({@link #learned}),
 * e.g. a network's real first layer {@code conv_stem.weight [32, 3, 3, 3]}.
 */
public final class KernelBank {

    private final ConvGeometry geometry;
    private final float[] weights;
    private final float[] bias;
    private final List<String> labels;

    private KernelBank(ConvGeometry geometry, float[] weights, float[] bias, List<String> labels) {
        this.geometry = geometry;
        this.weights = weights;
        this.bias = bias;
        this.labels = List.copyOf(labels);
    }

    /**
     * Hand-made kernels placed into any geometry: output channel {@code o} uses kernel {@code o mod n}, copied
     * onto each of the {@code M/groups} input channels it reads and divided by that count. So a standard
     * convolution applies the kernel to the mean of the channels, a depthwise one to each channel alone.
     */
    public static KernelBank fromKernels(List<Kernel2d> kernels, ConvGeometry g) {
        if (kernels == null || kernels.isEmpty()) {
            throw new IllegalArgumentException("at least one kernel is needed");
        }
        int k = g.kernel();
        for (Kernel2d kernel : kernels) {
            if (kernel.size() != k) {
                throw new IllegalArgumentException("kernel " + kernel.id() + " is " + kernel.size() + "×"
                        + kernel.size() + " but the geometry needs " + k + "×" + k);
            }
        }
        int inPer = g.inChannelsPerGroup();
        float[] w = new float[Math.toIntExact(g.weightCount())];
        List<String> labels = new ArrayList<>();
        for (int o = 0; o < g.outChannels(); o++) {
            Kernel2d kernel = kernels.get(o % kernels.size());
            labels.add(kernel.id());
            for (int ci = 0; ci < inPer; ci++) {
                for (int t = 0; t < k * k; t++) {
                    w[(o * inPer + ci) * k * k + t] = kernel.get(t / k, t % k) / inPer;
                }
            }
        }
        return new KernelBank(g, w, null, labels);
    }

    /** Standard convolution (groups 1, timm padding) with one output channel per kernel. */
    public static KernelBank standard(List<Kernel2d> kernels, int inChannels, int stride) {
        return fromKernels(kernels, ConvGeometry.standard(inChannels, kernels.size(), sizeOf(kernels), stride));
    }

    /** Depthwise convolution (timm padding): channel {@code c} is filtered by kernel {@code c mod n}. */
    public static KernelBank depthwise(List<Kernel2d> kernels, int channels, int stride) {
        return fromKernels(kernels, ConvGeometry.depthwise(channels, sizeOf(kernels), stride));
    }

    /**
     * Pointwise (1×1) convolution from a mixing matrix: output channel {@code n} is
     * {@code Σ_m mix[n][m] · input_m} at every pixel.
     */
    public static KernelBank pointwise(float[][] mix) {
        if (mix == null || mix.length == 0 || mix[0].length == 0) {
            throw new IllegalArgumentException("mixing matrix must be at least 1×1");
        }
        int m = mix[0].length;
        float[] w = new float[mix.length * m];
        List<String> labels = new ArrayList<>();
        for (int n = 0; n < mix.length; n++) {
            if (mix[n].length != m) {
                throw new IllegalArgumentException("mixing matrix row " + n + " has " + mix[n].length
                        + " values, expected " + m);
            }
            System.arraycopy(mix[n], 0, w, n * m, m);
            labels.add("mix-" + n);
        }
        return new KernelBank(ConvGeometry.pointwise(m, mix.length), w, null, labels);
    }

    /** RGB → grey as a 1×1 convolution with weights (0.299, 0.587, 0.114): one output channel, three inputs. */
    public static KernelBank grayscale() {
        KernelBank b = pointwise(new float[][] {{Planes.LUMA_R, Planes.LUMA_G, Planes.LUMA_B}});
        return new KernelBank(b.geometry, b.weights, null, List.of("grayscale"));
    }

    /**
     * The standard convolution that equals a depthwise convolution followed by a pointwise one:
     * {@code W[n][c][i][j] = P[n][c] · D[c][i][j]}. It computes the same output at D_K² times more cost per
     * pixel and channel pair, which is the separable lesson's point; most standard kernels cannot be factored
     * like this, which is why a separable network must be trained as one.
     */
    public static KernelBank factorised(KernelBank depthwise, KernelBank pointwise) {
        ConvGeometry d = depthwise.geometry();
        ConvGeometry p = pointwise.geometry();
        if (!d.isDepthwise() && !(d.groups() == 1 && d.inChannels() == 1 && d.outChannels() == 1)) {
            throw new IllegalArgumentException("first bank must be depthwise, got " + d.kind());
        }
        if (!p.isPointwise() || p.inChannels() != d.outChannels()) {
            throw new IllegalArgumentException("second bank must be pointwise from " + d.outChannels()
                    + " channels, got " + p);
        }
        if (depthwise.hasBias() || pointwise.hasBias()) {
            throw new IllegalArgumentException("factorising banks with bias is not supported");
        }
        int m = d.inChannels();
        int n = p.outChannels();
        int kk = d.kernel() * d.kernel();
        ConvGeometry g = new ConvGeometry(m, n, d.kernel(), d.stride(), d.padding(), 1);
        float[] w = new float[n * m * kk];
        List<String> labels = new ArrayList<>();
        for (int o = 0; o < n; o++) {
            for (int c = 0; c < m; c++) {
                float mix = pointwise.weights[o * m + c];
                for (int t = 0; t < kk; t++) {
                    w[(o * m + c) * kk + t] = mix * depthwise.weights[c * kk + t];
                }
            }
            labels.add("separable-" + o);
        }
        return new KernelBank(g, w, null, labels);
    }

    /**
     * Learned weights in PyTorch layout {@code [out, in/groups, k, k]} for the given geometry, with an optional
     * bias ({@code null} for none).
     */
    public static KernelBank learned(float[] weights, float[] bias, ConvGeometry g) {
        if (weights == null || weights.length != g.weightCount()) {
            throw new IllegalArgumentException("weights must have " + Arrays.toString(g.weightShape()) + " = "
                    + g.weightCount() + " values, got " + (weights == null ? "null" : weights.length));
        }
        if (bias != null && bias.length != g.outChannels()) {
            throw new IllegalArgumentException("bias must have " + g.outChannels() + " values, got " + bias.length);
        }
        List<String> labels = new ArrayList<>();
        for (int o = 0; o < g.outChannels(); o++) {
            labels.add("learned-" + o);
        }
        return new KernelBank(g, weights.clone(), bias == null ? null : bias.clone(), labels);
    }

    /**
     * A network's first layer, e.g. MobileNet's {@code conv_stem.weight} {@code [32, 3, 3, 3]} with stride 2:
     * a standard convolution with timm's padding and no bias (batch norm follows it in the network).
     */
    public static KernelBank learnedStem(float[] weights, int outChannels, int inChannels, int kernel, int stride) {
        return learned(weights, null, ConvGeometry.standard(inChannels, outChannels, kernel, stride));
    }

    public ConvGeometry geometry() {
        return geometry;
    }

    /** A copy of all weights, {@code [out, in/groups, k, k]} row-major. */
    public float[] weights() {
        return weights.clone();
    }

    /** A copy of the bias, or {@code null} when the layer has none. */
    public float[] bias() {
        return bias == null ? null : bias.clone();
    }

    public boolean hasBias() {
        return bias != null;
    }

    public float bias(int o) {
        return bias == null ? 0f : bias[o];
    }

    /** Weight of output channel {@code o}, input channel {@code ci} within its group, kernel row/column. */
    public float weight(int o, int ci, int row, int col) {
        int k = geometry.kernel();
        return weights[((o * geometry.inChannelsPerGroup() + ci) * k + row) * k + col];
    }

    /** A copy of output channel {@code o}'s kernel, {@code [in/groups, k, k]} row-major. */
    public float[] kernel(int o) {
        int per = geometry.inChannelsPerGroup() * geometry.kernel() * geometry.kernel();
        return Arrays.copyOfRange(weights, o * per, (o + 1) * per);
    }

    /** Per output channel, where it came from: a {@link Kernel2d#id()}, {@code learned-<o>},
     * {@code mix-<n>} or {@code separable-<n>}. */
    public List<String> labels() {
        return labels;
    }

    /** Parameters: weights plus bias values. */
    public long params() {
        return weights.length + (bias == null ? 0 : bias.length);
    }

    float[] rawWeights() {
        return weights;
    }

    private static int sizeOf(List<Kernel2d> kernels) {
        if (kernels == null || kernels.isEmpty()) {
            throw new IllegalArgumentException("at least one kernel is needed");
        }
        return kernels.get(0).size();
    }

    @Override
    public String toString() {
        return "KernelBank[" + geometry + ", " + labels + "]";
    }
}
