package lab.mobilenet.engine.runtime;

import lab.mobilenet.engine.model.Layer;

/**
 * What happened when one layer ran: shapes, measured wall time, the multiply-accumulates actually
 * executed (counted from the arrays the op ran on), and the output when it was asked for.
 */
public record LayerRun(int index, Layer layer, long[] inputShape, long[] outputShape, long nanos, long macs,
                       ActivationSnapshot activation) {

    public LayerRun {
        inputShape = inputShape.clone();
        outputShape = outputShape.clone();
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
