package lab.mobilenet.engine.op;

import java.util.Arrays;
import lab.mobilenet.engine.model.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * timm's squeeze-excite (MobileNetV3): average each channel, squeeze C → rd with a 1×1 conv + ReLU,
 * excite rd → C with a 1×1 conv + hard-sigmoid, and scale every channel by its gate.
 */
public final class SqueezeExcite {

    private SqueezeExcite() {
    }

    /**
     * Scales {@code x [N, C, H, W]} in place.
     *
     * @param reduceW {@code [rd, C, 1, 1]}; {@code expandW} {@code [C, rd, 1, 1]}
     * @return the multiply-accumulates of the two 1×1 convolutions
     */
    public static long forwardInPlace(INDArray x, INDArray reduceW, INDArray reduceB, INDArray expandW, INDArray expandB) {
        long rd = reduceW.size(0);
        long c = reduceW.size(1);
        try (INDArray gates = gateMatrix(x, reduceW, reduceB, expandW, expandB)) {
            ChannelOps.scaleChannelsInPlace(x, gates);
            return x.size(0) * 2 * rd * c;
        }
    }

    /**
     * The per-channel gates of the first image of {@code x [N, C, H, W]}, each in [0, 1], without scaling
     * {@code x}: what squeeze-excite multiplies each channel by.
     *
     * @param reduceW {@code [rd, C, 1, 1]}; {@code expandW} {@code [C, rd, 1, 1]}
     * @return C gates
     */
    public static float[] gates(INDArray x, INDArray reduceW, INDArray reduceB, INDArray expandW, INDArray expandB) {
        try (INDArray gates = gateMatrix(x, reduceW, reduceB, expandW, expandB);
             INDArray first = gates.getRow(0).dup('c')) {
            return first.data().asFloat();
        }
    }

    /**
     * The four vectors timm's submodules output, without scaling {@code x}: after {@code conv_reduce}
     * {@code [N, rd]}, {@code act1} {@code [N, rd]}, {@code conv_expand} {@code [N, C]} and {@code gate}
     * {@code [N, C]}, each row-major.
     */
    public static float[][] parts(INDArray x, INDArray reduceW, INDArray reduceB, INDArray expandW, INDArray expandB) {
        long rd = reduceW.size(0);
        long c = reduceW.size(1);
        if (x.rank() != 4 || x.size(1) != c) {
            throw new IllegalArgumentException("squeeze-excite expects [N, " + c + ", H, W], got "
                    + Arrays.toString(x.shape()));
        }
        float[][] out = new float[4][];
        try (INDArray pooled = ChannelOps.globalAveragePool(x);
             INDArray reduced = ChannelOps.linear(pooled, reduceW.reshape(rd, c), reduceB)) {
            out[0] = floats(reduced);
            out[1] = floats(Activations.applyInPlace(Activation.RELU, reduced));
            try (INDArray expanded = ChannelOps.linear(reduced, expandW.reshape(c, rd), expandB)) {
                out[2] = floats(expanded);
                out[3] = floats(Activations.applyInPlace(Activation.HARD_SIGMOID, expanded));
            }
        }
        return out;
    }

    private static float[] floats(INDArray a) {
        try (INDArray c = a.dup('c')) {
            return c.data().asFloat();
        }
    }

    /** Gates {@code [N, C]}: mean of each channel → 1×1 conv C→rd + ReLU → 1×1 conv rd→C + hard-sigmoid. */
    private static INDArray gateMatrix(INDArray x, INDArray reduceW, INDArray reduceB, INDArray expandW,
                                       INDArray expandB) {
        long rd = reduceW.size(0);
        long c = reduceW.size(1);
        if (x.rank() != 4 || x.size(1) != c) {
            throw new IllegalArgumentException("squeeze-excite expects [N, " + c + ", H, W], got "
                    + Arrays.toString(x.shape()));
        }
        try (INDArray pooled = ChannelOps.globalAveragePool(x);
             INDArray reduced = ChannelOps.linear(pooled, reduceW.reshape(rd, c), reduceB)) {
            INDArray gates = ChannelOps.linear(Activations.applyInPlace(Activation.RELU, reduced),
                    expandW.reshape(c, rd), expandB);
            return Activations.applyInPlace(Activation.HARD_SIGMOID, gates);
        }
    }
}
