package lab.mobilenet.engine.op;

import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * 2-D convolution on NCHW float32 arrays with PyTorch's weight layout {@code [out, in/groups, k, k]}.
 *
 * <p>Standard and pointwise convolutions go to libnd4j's {@code conv2d}, depthwise ones to its
 * {@code depthwise_conv2d}; other group counts run one {@code conv2d} per group (MobileNets never
 * need them, the "groups from 1 to M" lesson does).
 */
public final class Conv2d {

    private Conv2d() {
    }

    /**
     * @param input  {@code [N, M, H, W]}
     * @param weight {@code [outChannels, M/groups, k, k]}
     * @param bias   {@code [outChannels]} or {@code null}
     * @return a new array {@code [N, outChannels, H', W']}
     */
    public static INDArray forward(INDArray input, INDArray weight, INDArray bias, ConvGeometry g) {
        checkShapes(input, weight, bias, g);
        if (g.groups() == 1) {
            return standard(input, weight, bias, g);
        }
        if (g.isDepthwise()) {
            return depthwise(input, weight, bias, g);
        }
        return grouped(input, weight, bias, g);
    }

    private static INDArray standard(INDArray input, INDArray weight, INDArray bias, ConvGeometry g) {
        INDArray out = Nd4j.create(DataType.FLOAT, outShape(input, g));
        Conv2D op = bias == null
                ? new Conv2D(new INDArray[] {input, weight}, new INDArray[] {out}, config(g))
                : new Conv2D(new INDArray[] {input, weight, bias}, new INDArray[] {out}, config(g));
        Nd4j.exec(op);
        return out;
    }

    private static INDArray depthwise(INDArray input, INDArray weight, INDArray bias, ConvGeometry g) {
        INDArray out = Nd4j.create(DataType.FLOAT, outShape(input, g));
        // libnd4j's depthwise weight format 1 is [multiplier, channels, k, k]; ours is [channels, 1, k, k],
        // the same numbers in the same order. The Java DepthwiseConv2D wrapper of 1.0.0-M2.1 does not pass
        // the weight-format argument, so the op is built by name with all eleven integer arguments.
        INDArray w = weight.reshape('c', 1, g.inChannels(), g.kernel(), g.kernel());
        DynamicCustomOp.DynamicCustomOpsBuilder b = DynamicCustomOp.builder("depthwise_conv2d")
                .addInputs(bias == null ? new INDArray[] {input, w} : new INDArray[] {input, w, bias})
                .addOutputs(out)
                .addIntegerArguments(g.kernel(), g.kernel(), g.stride(), g.stride(), g.padding(), g.padding(),
                        1, 1, 0 /* explicit padding */, 0 /* NCHW */, 1 /* OIYX */);
        DynamicCustomOp op = b.build();
        Nd4j.exec(op);
        return out;
    }

    private static INDArray grouped(INDArray input, INDArray weight, INDArray bias, ConvGeometry g) {
        int inPer = g.inChannelsPerGroup();
        int outPer = g.outChannelsPerGroup();
        ConvGeometry one = new ConvGeometry(inPer, outPer, g.kernel(), g.stride(), g.padding(), 1);
        INDArray out = Nd4j.create(DataType.FLOAT, outShape(input, g));
        for (int grp = 0; grp < g.groups(); grp++) {
            INDArray x = input.get(NDArrayIndex.all(), NDArrayIndex.interval(grp * inPer, (grp + 1) * inPer),
                    NDArrayIndex.all(), NDArrayIndex.all()).dup('c');
            INDArray w = weight.get(NDArrayIndex.interval(grp * outPer, (grp + 1) * outPer),
                    NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all()).dup('c');
            INDArray b = bias == null ? null : bias.get(NDArrayIndex.interval(grp * outPer, (grp + 1) * outPer)).dup();
            try (INDArray part = standard(x, w, b, one)) {
                out.get(NDArrayIndex.all(), NDArrayIndex.interval(grp * outPer, (grp + 1) * outPer),
                        NDArrayIndex.all(), NDArrayIndex.all()).assign(part);
            }
            x.close();
            w.close();
            if (b != null) {
                b.close();
            }
        }
        return out;
    }

    static Conv2DConfig config(ConvGeometry g) {
        return Conv2DConfig.builder()
                .kH(g.kernel()).kW(g.kernel())
                .sH(g.stride()).sW(g.stride())
                .pH(g.padding()).pW(g.padding())
                .dH(1).dW(1)
                .paddingMode(PaddingMode.VALID)
                .dataFormat(Conv2DConfig.NCHW)
                .weightsFormat(WeightsFormat.OIYX)
                .build();
    }

    static long[] outShape(INDArray input, ConvGeometry g) {
        return new long[] {input.size(0), g.outChannels(), g.outSize((int) input.size(2)), g.outSize((int) input.size(3))};
    }

    static void checkShapes(INDArray input, INDArray weight, INDArray bias, ConvGeometry g) {
        if (input.rank() != 4 || input.size(1) != g.inChannels()) {
            throw new IllegalArgumentException("input must be [N, " + g.inChannels() + ", H, W], got "
                    + java.util.Arrays.toString(input.shape()));
        }
        if (!java.util.Arrays.equals(weight.shape(), g.weightShape())) {
            throw new IllegalArgumentException("weight must be " + java.util.Arrays.toString(g.weightShape())
                    + ", got " + java.util.Arrays.toString(weight.shape()));
        }
        if (bias != null && (bias.length() != g.outChannels())) {
            throw new IllegalArgumentException("bias must have " + g.outChannels() + " values, got " + bias.length());
        }
    }
}
