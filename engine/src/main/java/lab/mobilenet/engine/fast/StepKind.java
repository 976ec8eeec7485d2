package lab.mobilenet.engine.fast;

/** What a fast-path step is, for the time-by-layer-type table of {@code bench}. */
public enum StepKind {
    /** The first convolution (3×3 stride 2 on the RGB image), run as im2col + GEMM. */
    STEM,
    /** 1×1 convolutions, each one GEMM. */
    POINTWISE,
    /** Standard k×k convolutions after the stem (only conv_mobilenetv1 has them), im2col + GEMM. */
    CONV,
    /** Depthwise k×k convolutions, the engine's own Java kernel. */
    DEPTHWISE,
    /** Squeeze-excite, global pooling, the classifier, the input layout change. */
    REST
}
