package lab.mobilenet.engine.model;

/**
 * One row of an architecture table, before the width multiplier is applied.
 *
 * @param activation {@code null} for the network's default activation
 * @param squeezeExcite whether the block has squeeze-excite with ratio 0.25
 */
public record BlockSpec(BlockType type, int kernel, int stride, double expansion, int outChannels,
                        Activation activation, boolean squeezeExcite) {

    public static BlockSpec ds(int k, int s, int out, Activation act, boolean se) {
        return new BlockSpec(BlockType.DS, k, s, 1.0, out, act, se);
    }

    public static BlockSpec dsa(int k, int s, int out) {
        return new BlockSpec(BlockType.DSA, k, s, 1.0, out, null, false);
    }

    public static BlockSpec ir(int k, int s, double e, int out, Activation act, boolean se) {
        return new BlockSpec(BlockType.IR, k, s, e, out, act, se);
    }

    public static BlockSpec cn(int out) {
        return new BlockSpec(BlockType.CN, 1, 1, 1.0, out, null, false);
    }

    public BlockSpec withStride(int s) {
        return new BlockSpec(type, kernel, s, expansion, outChannels, activation, squeezeExcite);
    }

    public BlockSpec withType(BlockType t) {
        return new BlockSpec(t, kernel, stride, expansion, outChannels, activation, squeezeExcite);
    }
}
