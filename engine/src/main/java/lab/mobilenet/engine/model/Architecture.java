package lab.mobilenet.engine.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The network families the engine builds. Each constant is a key; what the family is — stem, block table,
 * head, preprocessing, checkpoint — is its {@link #family() NetworkFamily} record in {@link ArchitectureTables}.
 */
public enum Architecture {
    MOBILENET_V1,
    MOBILENET_V2,
    MOBILENET_V3_LARGE,
    MOBILENET_V3_SMALL,
    /** MobileNetV1 with full 3×3 convolutions instead of depthwise separable ones: the V1 paper's Table 4 baseline. */
    CONV_MOBILENET_V1,
    /** Chollet's Xception as timm's {@code legacy_xception} builds it (299×299, entry / middle / exit flows). */
    XCEPTION;

    /**
     * The four networks of the MobileNet papers at width 1.0 — what the app shows side by side, what its lessons
     * and explorer offer and what {@code weights download} fetches when no name is given.
     */
    public static final List<Architecture> MOBILENETS = List.of(MOBILENET_V1, MOBILENET_V2, MOBILENET_V3_LARGE,
            MOBILENET_V3_SMALL);

    private static final class Families {
        static final Map<Architecture, NetworkFamily> ALL = new EnumMap<>(Architecture.class);

        static {
            for (Architecture a : values()) {
                ALL.put(a, ArchitectureTables.family(a));
            }
        }
    }

    /** The families whose default weights timm publishes (their {@link NetworkFamily#pretrained()}), in enum order. */
    public static List<Architecture> withPublishedWeights() {
        return java.util.Arrays.stream(values()).filter(a -> a.family().pretrained().isPresent()).toList();
    }

    /** The family whose published checkpoint is timm's width-1.0 model {@code model}, e.g. {@code mobilenetv2_100}. */
    public static java.util.Optional<Architecture> ofPublishedModel(String model) {
        return withPublishedWeights().stream()
                .filter(a -> a.family().pretrained().orElseThrow().model().equals(model)).findFirst();
    }

    /** The data that defines this family. */
    public NetworkFamily family() {
        return Families.ALL.get(this);
    }

    /** timm's family name, e.g. {@code mobilenetv3_large}. */
    public String baseName() {
        return family().baseName();
    }

    /** Widths for which the papers (and timm) define a model; other widths build too, for exploration. */
    public List<Double> paperWidths() {
        return family().paperWidths();
    }

    /** timm's model name for a width, e.g. {@code mobilenetv2_140} for 1.4. */
    public String timmName(double width) {
        return family().timmName(width);
    }

    /** Whether the family uses MobileNetV3's "efficient head" (pool before the head convolution). */
    public boolean isV3() {
        return family().head().kind() == HeadSpec.Kind.POOL_CONV_LINEAR;
    }
}
