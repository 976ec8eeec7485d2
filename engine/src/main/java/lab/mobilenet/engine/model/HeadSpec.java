package lab.mobilenet.engine.model;

import java.util.List;

/**
 * What comes after the last block: which layers, how wide, and the classifier's module name.
 *
 * @param kind       the layer pattern (see {@link Kind})
 * @param features   widths of the head's convolutions at width 1.0, in order (empty for {@link Kind#POOL_LINEAR})
 * @param scaled     whether the widths follow the width multiplier (never below the width-1.0 value for V2)
 * @param classifier the fully connected layer's module path ({@code classifier} in timm's MobileNets, {@code fc} in Xception)
 */
public record HeadSpec(Kind kind, List<Integer> features, boolean scaled, String classifier) {

    /** The head's layer pattern; the builder switches over it exhaustively. */
    public enum Kind {
        /** pool + flatten → classifier (V1). */
        POOL_LINEAR,
        /** 1×1 {@code conv_head} → {@code bn2} + act → pool + flatten → classifier (V2). */
        CONV_POOL_LINEAR,
        /** pool (kept 1×1) → 1×1 {@code conv_head} with bias → hard-swish → classifier (V3's "efficient head"). */
        POOL_CONV_LINEAR,
        /** separable {@code conv3} → {@code bn3} → ReLU, separable {@code conv4} → {@code bn4} → ReLU → pool → fc (Xception). */
        SEPARABLE_POOL_LINEAR
    }

    public HeadSpec {
        features = List.copyOf(features);
    }

    public static HeadSpec poolLinear() {
        return new HeadSpec(Kind.POOL_LINEAR, List.of(), false, "classifier");
    }

    public static HeadSpec convPoolLinear(int features) {
        return new HeadSpec(Kind.CONV_POOL_LINEAR, List.of(features), true, "classifier");
    }

    public static HeadSpec poolConvLinear(int features) {
        return new HeadSpec(Kind.POOL_CONV_LINEAR, List.of(features), false, "classifier");
    }

    public static HeadSpec separablePoolLinear(int first, int second) {
        return new HeadSpec(Kind.SEPARABLE_POOL_LINEAR, List.of(first, second), true, "fc");
    }
}
