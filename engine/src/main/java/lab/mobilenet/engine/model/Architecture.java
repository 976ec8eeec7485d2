package lab.mobilenet.engine.model;

import java.util.List;

/** The network families the engine builds, with timm's base names and the widths that have published weights. */
public enum Architecture {
    MOBILENET_V1("mobilenetv1", List.of(0.25, 0.5, 0.75, 1.0)),
    MOBILENET_V2("mobilenetv2", List.of(0.35, 0.5, 0.75, 1.0, 1.4)),
    MOBILENET_V3_LARGE("mobilenetv3_large", List.of(0.75, 1.0)),
    MOBILENET_V3_SMALL("mobilenetv3_small", List.of(0.5, 0.75, 1.0)),
    /** MobileNetV1 with full 3×3 convolutions instead of depthwise separable ones: the V1 paper's Table 4 baseline. */
    CONV_MOBILENET_V1("conv_mobilenetv1", List.of(0.25, 0.5, 0.75, 1.0));

    private final String baseName;
    private final List<Double> paperWidths;

    Architecture(String baseName, List<Double> paperWidths) {
        this.baseName = baseName;
        this.paperWidths = paperWidths;
    }

    /** timm's family name, e.g. {@code mobilenetv3_large}. */
    public String baseName() {
        return baseName;
    }

    /** Widths for which the papers (and timm) define a model; other widths build too, for exploration. */
    public List<Double> paperWidths() {
        return paperWidths;
    }

    /** timm's model name for a width, e.g. {@code mobilenetv2_140} for 1.4. */
    public String timmName(double width) {
        return String.format(java.util.Locale.ROOT, "%s_%03d", baseName, Math.round(width * 100));
    }

    /** V1 and V2 use timm's EfficientNet head (conv, then pool); V3 pools first ("efficient head"). */
    public boolean isV3() {
        return this == MOBILENET_V3_LARGE || this == MOBILENET_V3_SMALL;
    }
}
