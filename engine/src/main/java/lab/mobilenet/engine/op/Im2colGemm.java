package lab.mobilenet.engine.op;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Im2col;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Convolution as one matrix product: unfold every receptive field into a column ("im2col"), then
 * multiply the {@code [out, k·k·M]} kernel matrix by the {@code [k·k·M, H'·W']} column matrix (GEMM).
 *
 * <p>The column matrix is returned as well, because it is what the im2col lesson draws: it holds
 * every input value up to k·k times, which is the memory price of turning a convolution into a GEMM.
 */
public final class Im2colGemm {

    /** The column matrix (one per group) and the convolution's output. */
    public record Result(INDArray columns, INDArray output) implements AutoCloseable {
        @Override
        public void close() {
            columns.close();
            output.close();
        }
    }

    private Im2colGemm() {
    }

    /**
     * Unfolds one image {@code [1, M, H, W]} into {@code [M·k·k, H'·W']}: row {@code (c·k + i)·k + j}
     * holds input channel c at kernel offset (i, j) for every output position, row-major.
     */
    public static INDArray columns(INDArray image, ConvGeometry g) {
        if (image.rank() != 4 || image.size(0) != 1 || image.size(1) != g.inChannels()) {
            throw new IllegalArgumentException("im2col takes one image [1, " + g.inChannels() + ", H, W], got "
                    + java.util.Arrays.toString(image.shape()));
        }
        int oh = g.outSize((int) image.size(2));
        int ow = g.outSize((int) image.size(3));
        // libnd4j writes [1, M, k, k, H', W']; read row-major that is exactly the column matrix.
        INDArray out = Nd4j.exec(new Im2col(image, Conv2d.config(g)))[0];
        INDArray cols = out.reshape('c', (long) g.inChannels() * g.kernel() * g.kernel(), (long) oh * ow).dup('c');
        out.close();
        return cols;
    }

    /** Convolution of one image by im2col + GEMM; groups are handled one block of the column matrix at a time. */
    public static Result forward(INDArray image, INDArray weight, INDArray bias, ConvGeometry g) {
        Conv2d.checkShapes(image, weight, bias, g);
        INDArray cols = columns(image, g);
        int oh = g.outSize((int) image.size(2));
        int ow = g.outSize((int) image.size(3));
        int rowsPerGroup = g.inChannelsPerGroup() * g.kernel() * g.kernel();
        int outPer = g.outChannelsPerGroup();
        INDArray out = Nd4j.create(DataType.FLOAT, g.outChannels(), (long) oh * ow);
        INDArray kernels = weight.reshape('c', g.outChannels(), rowsPerGroup);
        for (int grp = 0; grp < g.groups(); grp++) {
            INDArray k = kernels.get(NDArrayIndex.interval(grp * outPer, (grp + 1) * outPer), NDArrayIndex.all());
            INDArray c = cols.get(NDArrayIndex.interval(grp * rowsPerGroup, (grp + 1) * rowsPerGroup), NDArrayIndex.all());
            out.get(NDArrayIndex.interval(grp * outPer, (grp + 1) * outPer), NDArrayIndex.all()).assign(k.mmul(c));
        }
        if (bias != null) {
            out.addiColumnVector(bias.reshape(g.outChannels(), 1));
        }
        INDArray shaped = out.reshape('c', 1, g.outChannels(), oh, ow);
        return new Result(cols, shaped);
    }
}
