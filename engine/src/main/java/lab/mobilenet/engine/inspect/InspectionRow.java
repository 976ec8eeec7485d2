package lab.mobilenet.engine.inspect;

/**
 * One inspected module after it ran: its planned costs, the shapes it actually saw, the wall time its
 * layers took on the inspection path (every convolution and batch norm its own tensor) and the
 * statistics of its output.
 *
 * @param inputShape  NCHW (or N·features) of the first layer's input
 * @param outputShape NCHW (or N·features) of the last layer's output
 * @param millis      measured time of the module's layers, summed
 */
public record InspectionRow(ModuleSpan span, long[] inputShape, long[] outputShape, double millis,
                            ActivationStats stats) {

    public InspectionRow {
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

    public String name() {
        return span.name();
    }

    public RowKind kind() {
        return span.kind();
    }

    /** Achieved throughput in GFLOP/s (2 FLOPs per MAC): the y axis of a roofline. */
    public double gflops() {
        return millis <= 0 ? 0 : 2.0 * span.macs() / (millis * 1e6);
    }
}
