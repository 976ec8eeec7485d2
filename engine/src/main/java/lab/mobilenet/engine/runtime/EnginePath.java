package lab.mobilenet.engine.runtime;

/**
 * The two ways the engine runs a network. Both compute the same logits (within 1e-4 of the largest).
 */
public enum EnginePath {
    /**
     * {@link NetworkRunner}: layer by layer, exactly as timm computes them — every convolution and every
     * batch norm separate, each tensor visible to a listener (at batch 1 on the fast path's kernels, else on
     * ND4J ops). For the lessons and the explorer.
     */
    INSPECTION,
    /**
     * {@link lab.mobilenet.engine.fast.FastPlan}: batch norm folded, activations and residuals fused, own
     * kernels; nothing visible in between. For classifying and benchmarking.
     */
    FAST;

    /** {@code inspection} or {@code fast}, as the command line spells them. */
    public static EnginePath parse(String name) {
        for (EnginePath p : values()) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown path '" + name + "' (inspection or fast)");
    }
}
