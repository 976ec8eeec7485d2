package lab.mobilenet.engine.op;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Per-channel operations on NCHW arrays: batch norm, global average pooling, squeeze-excite scaling. */
public final class ChannelOps {

    private ChannelOps() {
    }

    /**
     * Inference batch norm in place: {@code (x - mean) / sqrt(var + eps) · gamma + beta}, computed as one
     * scale and one shift per channel.
     */
    public static INDArray batchNormInPlace(INDArray x, INDArray gamma, INDArray beta, INDArray mean, INDArray var,
                                            double eps) {
        try (INDArray std = Transforms.sqrt(var.add(eps), false);
             INDArray scale = gamma.div(std);
             INDArray shift = mean.mul(scale).rsubi(beta)) {
            Nd4j.getExecutioner().exec(new BroadcastMulOp(x, scale, x, 1));
            Nd4j.getExecutioner().exec(new BroadcastAddOp(x, shift, x, 1));
        }
        return x;
    }

    /** Mean over H and W: {@code [N, C, H, W] → [N, C]}. */
    public static INDArray globalAveragePool(INDArray x) {
        return x.mean(2, 3);
    }

    /** Multiplies every channel map of {@code x [N, C, H, W]} by its gate {@code [N, C]}, in place. */
    public static INDArray scaleChannelsInPlace(INDArray x, INDArray gates) {
        Nd4j.getExecutioner().exec(new BroadcastMulOp(x, gates, x, 0, 1));
        return x;
    }

    /** {@code y = x·Wᵀ + b} for {@code x [N, in]}, {@code W [out, in]}, {@code b [out]}. */
    public static INDArray linear(INDArray x, INDArray weight, INDArray bias) {
        INDArray y = x.mmul(weight.transpose());
        if (bias != null) {
            y.addiRowVector(bias);
        }
        return y;
    }

    /** Numerically stable softmax of each row. */
    public static INDArray softmax(INDArray logits) {
        return Transforms.softmax(logits, true);
    }
}
