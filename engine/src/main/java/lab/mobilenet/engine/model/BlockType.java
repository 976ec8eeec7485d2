package lab.mobilenet.engine.model;

/** timm's block kinds (its arch_def prefixes), plus the full convolution of the "Conv MobileNet" baseline. */
public enum BlockType {
    /** Depthwise separable, no activation after the pointwise conv, residual when shapes allow (V2, V3). */
    DS,
    /** Depthwise separable with activation after the pointwise conv and never a residual (V1). */
    DSA,
    /** Inverted residual: expand 1×1 → depthwise → (SE) → project 1×1 (V2, V3). */
    IR,
    /** Plain 1×1 conv + BN + activation (V3's last block). */
    CN,
    /** A full k×k convolution standing in for a DSA block (the V1 paper's Conv MobileNet). */
    FULL
}
