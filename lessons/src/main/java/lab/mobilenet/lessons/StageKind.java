package lab.mobilenet.lessons;

/** The parts of an (inverted) residual block, in the order data flows through them. */
public enum StageKind {
    /** 1×1 convolution widening C → t·C channels (+ batch norm + activation). */
    EXPAND,
    /** k×k depthwise convolution, one filter per channel (+ batch norm + activation). */
    DEPTHWISE,
    /** Squeeze-excite: per-channel gates from the pooled map, scaling each channel. */
    SE,
    /** Linear 1×1 bottleneck back to few channels (+ batch norm, no activation). */
    PROJECT,
    /** The residual connection: block input + projected output. */
    ADD;

    /** Resource key of the display name, e.g. {@code stage.depthwise}. */
    public String nameKey() {
        return "stage." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
