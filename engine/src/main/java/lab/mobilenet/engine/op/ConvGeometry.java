package lab.mobilenet.engine.op;

/**
 * The shape arithmetic of one 2-D convolution, independent of any data.
 *
 * <p>A convolution maps {@code inChannels} maps of {@code inHeight×inWidth} to {@code outChannels}
 * maps. With {@code groups = 1} every output channel reads every input channel (standard
 * convolution); with {@code groups = inChannels = outChannels} every output channel reads exactly one
 * input channel (depthwise); a 1×1 kernel with {@code groups = 1} is the pointwise case.
 * Padding is symmetric zero padding, as in PyTorch.
 */
public record ConvGeometry(int inChannels, int outChannels, int kernel, int stride, int padding, int groups) {

    public ConvGeometry {
        if (inChannels <= 0 || outChannels <= 0) {
            throw new IllegalArgumentException("channels must be positive: in=" + inChannels + " out=" + outChannels);
        }
        if (kernel <= 0 || stride <= 0 || padding < 0) {
            throw new IllegalArgumentException("bad kernel/stride/padding: " + kernel + "/" + stride + "/" + padding);
        }
        if (groups <= 0 || inChannels % groups != 0 || outChannels % groups != 0) {
            throw new IllegalArgumentException("groups " + groups + " must divide in=" + inChannels + " and out=" + outChannels);
        }
    }

    /** timm's default padding for a kernel: {@code ((stride - 1) + (k - 1)) / 2}, i.e. 0, 1, 2 for k = 1, 3, 5. */
    public static int timmPadding(int kernel, int stride) {
        return ((stride - 1) + (kernel - 1)) / 2;
    }

    /** A standard convolution (groups = 1) with timm's padding. */
    public static ConvGeometry standard(int in, int out, int kernel, int stride) {
        return new ConvGeometry(in, out, kernel, stride, timmPadding(kernel, stride), 1);
    }

    /** A depthwise convolution: one k×k filter per channel, channels never mix. */
    public static ConvGeometry depthwise(int channels, int kernel, int stride) {
        return new ConvGeometry(channels, channels, kernel, stride, timmPadding(kernel, stride), channels);
    }

    /** A pointwise (1×1) convolution: mixes channels at each pixel. */
    public static ConvGeometry pointwise(int in, int out) {
        return new ConvGeometry(in, out, 1, 1, 0, 1);
    }

    public boolean isDepthwise() {
        return groups > 1 && groups == inChannels && groups == outChannels;
    }

    public boolean isPointwise() {
        return kernel == 1 && groups == 1;
    }

    /** Input channels each output channel reads: {@code M / groups}. */
    public int inChannelsPerGroup() {
        return inChannels / groups;
    }

    public int outChannelsPerGroup() {
        return outChannels / groups;
    }

    /** {@code floor((size + 2p - k) / s) + 1}. */
    public int outSize(int inSize) {
        int out = Math.floorDiv(inSize + 2 * padding - kernel, stride) + 1;
        if (out <= 0) {
            throw new IllegalArgumentException("input size " + inSize + " too small for kernel " + kernel
                    + " with padding " + padding);
        }
        return out;
    }

    /** PyTorch weight layout {@code [out, in/groups, k, k]}. */
    public long[] weightShape() {
        return new long[] {outChannels, inChannelsPerGroup(), kernel, kernel};
    }

    public long weightCount() {
        return (long) outChannels * inChannelsPerGroup() * kernel * kernel;
    }

    /** Multiply-accumulates for one image: every output value costs {@code k·k·M/groups}. */
    public long macs(int inHeight, int inWidth) {
        return (long) outChannels * outSize(inHeight) * outSize(inWidth) * kernel * kernel * inChannelsPerGroup();
    }

    /** Human name of the case: "depthwise", "pointwise", "grouped" or "standard". */
    public String kind() {
        if (isDepthwise()) {
            return "depthwise";
        }
        if (isPointwise()) {
            return "pointwise";
        }
        return groups > 1 ? "grouped" : "standard";
    }
}
