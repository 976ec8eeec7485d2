package lab.mobilenet.engine.op;

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
        try (INDArray pooled = ChannelOps.globalAveragePool(x);
             INDArray reduced = ChannelOps.linear(pooled, reduceW.reshape(rd, c), reduceB);
             INDArray gates = ChannelOps.linear(Activations.applyInPlace(Activation.RELU, reduced),
                     expandW.reshape(c, rd), expandB)) {
            Activations.applyInPlace(Activation.HARD_SIGMOID, gates);
            ChannelOps.scaleChannelsInPlace(x, gates);
            return pooled.size(0) * 2 * rd * c;
        }
    }
}
