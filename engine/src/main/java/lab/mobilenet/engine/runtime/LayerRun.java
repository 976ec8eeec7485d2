package lab.mobilenet.engine.runtime;

import java.util.List;
import lab.mobilenet.engine.model.Layer;

/**
 * What happened when one layer ran: shapes, measured wall time, the multiply-accumulates actually
 * executed (counted from the arrays the op ran on), the output when it was asked for, and the tensors
 * inside the layer when they were asked for ({@link RunListener#wantsInner}, else empty).
 */
public record LayerRun(int index, Layer layer, long[] inputShape, long[] outputShape, long nanos, long macs,
                       ActivationSnapshot activation, List<InnerRun> inner) {

    public LayerRun {
        inputShape = inputShape.clone();
        outputShape = outputShape.clone();
        inner = List.copyOf(inner);
    }

    /** A run with no inner tensors. */
    public LayerRun(int index, Layer layer, long[] inputShape, long[] outputShape, long nanos, long macs,
                    ActivationSnapshot activation) {
        this(index, layer, inputShape, outputShape, nanos, macs, activation, List.of());
    }

    @Override
    public long[] inputShape() {
        return inputShape.clone();
    }

    @Override
    public long[] outputShape() {
        return outputShape.clone();
    }

    public double millis() {
        return nanos / 1e6;
    }
}
