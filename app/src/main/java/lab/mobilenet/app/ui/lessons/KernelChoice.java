package lab.mobilenet.app.ui.lessons;

/**
 * Which kernels the standard-convolution lesson slides over the photo: hand-made ones (edges, blur) or the 32
 * filters MobileNetV1 learned for its first layer ({@code conv_stem}), when its trained weights are loaded.
 */
public enum KernelChoice {
    HAND_MADE("lessons.kernels.hand"),
    LEARNED_V1_STEM("lessons.kernels.learned");

    private final String nameKey;

    KernelChoice(String nameKey) {
        this.nameKey = nameKey;
    }

    /** Bundle key of the choice's label. */
    public String nameKey() {
        return nameKey;
    }
}
