package lab.mobilenet.engine.fast;

/**
 * One step of a compiled plan, as {@code bench} reports it.
 *
 * @param name the timm name of the layer the step starts with (a step also covers the batch norm,
 *             activation and residual add fused into it)
 * @param macs multiply-accumulates of one run
 */
public record StepInfo(String name, StepKind kind, long macs) {
}
