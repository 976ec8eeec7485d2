package lab.mobilenet.engine.keras;

/**
 * A Keras activation shape for one image, channels last: {@code (None, H, W, C)} for a feature map,
 * {@code (None, C)} for a vector (after global pooling, flatten or a dense layer).
 */
public record KerasShape(int height, int width, int channels, boolean flat) {

    public KerasShape {
        if (height <= 0 || width <= 0 || channels <= 0) {
            throw new IllegalArgumentException("shape dimensions must be positive: " + height + "×" + width + "×" + channels);
        }
        if (flat && (height != 1 || width != 1)) {
            throw new IllegalArgumentException("a vector has height and width 1");
        }
    }

    public static KerasShape map(int height, int width, int channels) {
        return new KerasShape(height, width, channels, false);
    }

    public static KerasShape vector(int units) {
        return new KerasShape(1, 1, units, true);
    }

    public long elements() {
        return (long) height * width * channels;
    }

    /** As Keras prints it, with the batch dimension {@code None}. */
    @Override
    public String toString() {
        return flat ? "(None, " + channels + ")" : "(None, " + height + ", " + width + ", " + channels + ")";
    }
}
