package lab.mobilenet.engine.model;

/**
 * The block kinds the builder expands: timm's arch_def prefixes, the full convolution of the "Conv MobileNet"
 * baseline and Xception's module. {@link NetworkBuilder} switches over them with a switch expression, so a new
 * kind does not compile until it says which layers it emits.
 */
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
    FULL,
    /**
     * Xception's module: {@code reps} × (ReLU → separable conv [depthwise 3×3 then pointwise] → BN), a 3×3
     * max pool when it strides, plus the block input — through a 1×1 conv + BN when the shape changes.
     */
    XCEPTION
}
