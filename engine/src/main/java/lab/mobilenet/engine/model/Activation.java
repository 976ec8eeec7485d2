package lab.mobilenet.engine.model;

/** The element-wise non-linearities of the MobileNet family, with timm's (= PyTorch's) exact formulas. */
public enum Activation {
    IDENTITY("identity"),
    /** max(x, 0). */
    RELU("relu"),
    /** min(max(x, 0), 6): V1 and V2, bounded for low-precision inference. */
    RELU6("relu6"),
    /** x · relu6(x + 3) / 6: V3's cheap stand-in for swish. */
    HARD_SWISH("hard_swish"),
    /** relu6(x + 3) / 6: V3's squeeze-excite gate. */
    HARD_SIGMOID("hard_sigmoid");

    private final String timmName;

    Activation(String timmName) {
        this.timmName = timmName;
    }

    public String timmName() {
        return timmName;
    }

    /** The scalar function, for references and for the lessons. */
    public float apply(float x) {
        return switch (this) {
            case IDENTITY -> x;
            case RELU -> Math.max(x, 0f);
            case RELU6 -> Math.min(Math.max(x, 0f), 6f);
            case HARD_SWISH -> x * Math.min(Math.max(x + 3f, 0f), 6f) / 6f;
            case HARD_SIGMOID -> Math.min(Math.max(x + 3f, 0f), 6f) / 6f;
        };
    }
}
