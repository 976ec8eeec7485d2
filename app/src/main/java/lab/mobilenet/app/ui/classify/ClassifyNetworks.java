package lab.mobilenet.app.ui.classify;

import java.util.List;
import lab.mobilenet.engine.model.Architecture;

/** The four networks of the Classify page, in the order of their columns, and their short names. */
public final class ClassifyNetworks {

    /** V1, V2, V3-Large, V3-Small, all at width 1.0 and 224 × 224. */
    public static final List<Architecture> ALL = Architecture.MOBILENETS;

    /** The input side every one of them is run at. */
    public static final int RESOLUTION = 224;

    private ClassifyNetworks() {
    }

    /** The column title, the same in every language: V1, V2, V3-Large, V3-Small. */
    public static String shortName(Architecture a) {
        return switch (a) {
            case MOBILENET_V1 -> "V1";
            case MOBILENET_V2 -> "V2";
            case MOBILENET_V3_LARGE -> "V3-Large";
            case MOBILENET_V3_SMALL -> "V3-Small";
            case CONV_MOBILENET_V1 -> "Conv V1";
            case XCEPTION -> "Xception";
        };
    }

    /** timm's name at width 1.0, e.g. {@code mobilenetv2_100}: what {@code classify --model} takes. */
    public static String timmName(Architecture a) {
        return a.timmName(1.0);
    }

    /**
     * Whether the exact class activation map applies: V1 and V2 pool the last feature maps and then apply one
     * linear layer, so the logit of a class is the mean of its map. V3 pools before a 1×1 convolution and a
     * hard-swish, which breaks that identity.
     */
    public static boolean hasExactCam(Architecture a) {
        return !a.isV3();
    }
}
