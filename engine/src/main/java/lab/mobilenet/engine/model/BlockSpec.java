package lab.mobilenet.engine.model;

/**
 * One row of an architecture table, before the width multiplier is applied. Rows are written with named
 * factories and withers, e.g. {@code ir(24).expansion(6).stride(2)} or {@code xception(728).reps(3)}, so a
 * table reads like the paper's; every field not named keeps the default shown on its factory.
 *
 * @param type          what the row expands into (see {@link BlockType})
 * @param kernel        the spatial kernel of the block's main convolution (3 unless named)
 * @param stride        stride of the block's first block in a stage (1 unless named)
 * @param expansion     inverted residual's expansion ratio (1 for other types)
 * @param outChannels   output channels at width 1.0
 * @param activation    {@code null} for the network's default activation
 * @param squeezeExcite whether the block has squeeze-excite with ratio 0.25
 * @param reps          Xception: separable convolutions in the block (1 for other types)
 * @param leadingRelu   Xception: whether the block starts with a ReLU (all but the first do)
 * @param growFirst     Xception: whether the first separable conv changes the channel count (else the last)
 */
public record BlockSpec(BlockType type, int kernel, int stride, double expansion, int outChannels,
                        Activation activation, boolean squeezeExcite, int reps, boolean leadingRelu,
                        boolean growFirst) {

    public BlockSpec {
        if (kernel <= 0 || stride <= 0 || outChannels <= 0 || reps <= 0 || !(expansion > 0)) {
            throw new IllegalArgumentException("bad block row: " + type + " k" + kernel + " s" + stride + " e"
                    + expansion + " c" + outChannels + " reps " + reps);
        }
    }

    private static BlockSpec of(BlockType type, int out) {
        return new BlockSpec(type, 3, 1, 1.0, out, null, false, 1, true, true);
    }

    /** {@code ds}: depthwise 3×3 → BN+act → [SE] → pointwise → BN, residual when shapes allow (V2, V3). */
    public static BlockSpec ds(int out) {
        return of(BlockType.DS, out);
    }

    /** {@code dsa}: depthwise 3×3 → BN+act → pointwise → BN+act, never residual (V1). */
    public static BlockSpec dsa(int out) {
        return of(BlockType.DSA, out);
    }

    /** {@code ir}: inverted residual, expansion 1 unless {@link #expansion(double)} says otherwise. */
    public static BlockSpec ir(int out) {
        return of(BlockType.IR, out);
    }

    /** {@code cn}: a 1×1 conv → BN+act (V3's last stage). */
    public static BlockSpec cn(int out) {
        return of(BlockType.CN, out).kernel(1);
    }

    /** Xception's module: 1 separable conv unless {@link #reps(int)} says otherwise, leading ReLU, grow first. */
    public static BlockSpec xception(int out) {
        return of(BlockType.XCEPTION, out);
    }

    public BlockSpec kernel(int k) {
        return new BlockSpec(type, k, stride, expansion, outChannels, activation, squeezeExcite, reps, leadingRelu, growFirst);
    }

    public BlockSpec stride(int s) {
        return new BlockSpec(type, kernel, s, expansion, outChannels, activation, squeezeExcite, reps, leadingRelu, growFirst);
    }

    public BlockSpec expansion(double e) {
        return new BlockSpec(type, kernel, stride, e, outChannels, activation, squeezeExcite, reps, leadingRelu, growFirst);
    }

    public BlockSpec activation(Activation a) {
        return new BlockSpec(type, kernel, stride, expansion, outChannels, a, squeezeExcite, reps, leadingRelu, growFirst);
    }

    /** With squeeze-excite (ratio 0.25). */
    public BlockSpec se() {
        return new BlockSpec(type, kernel, stride, expansion, outChannels, activation, true, reps, leadingRelu, growFirst);
    }

    public BlockSpec reps(int n) {
        return new BlockSpec(type, kernel, stride, expansion, outChannels, activation, squeezeExcite, n, leadingRelu, growFirst);
    }

    /** Xception's first module: its input has just been through the stem's ReLU. */
    public BlockSpec noLeadingRelu() {
        return new BlockSpec(type, kernel, stride, expansion, outChannels, activation, squeezeExcite, reps, false, growFirst);
    }

    /** Xception's exit module: keep the input width until the last separable conv. */
    public BlockSpec growLast() {
        return new BlockSpec(type, kernel, stride, expansion, outChannels, activation, squeezeExcite, reps, leadingRelu, false);
    }

    public BlockSpec withType(BlockType t) {
        return new BlockSpec(t, kernel, stride, expansion, outChannels, activation, squeezeExcite, reps, leadingRelu, growFirst);
    }
}
