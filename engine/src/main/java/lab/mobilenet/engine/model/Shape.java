package lab.mobilenet.engine.model;

/**
 * Shape of one image's activation: a {@code C×H×W} feature map, or a flat vector of {@code C} features
 * (after global pooling in V1/V2, or before the classifier). The batch dimension is always 1 here.
 */
public record Shape(int channels, int height, int width, boolean flat) {

    public Shape {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("shape dimensions must be positive: " + channels + "x" + height + "x" + width);
        }
        if (flat && (height != 1 || width != 1)) {
            throw new IllegalArgumentException("a flat vector has height and width 1");
        }
    }

    public static Shape map(int channels, int height, int width) {
        return new Shape(channels, height, width, false);
    }

    public static Shape vector(int features) {
        return new Shape(features, 1, 1, true);
    }

    public long elements() {
        return (long) channels * height * width;
    }

    /** NCHW (or NC for a vector) with batch 1, as PyTorch prints it. */
    public long[] nchw() {
        return flat ? new long[] {1, channels} : new long[] {1, channels, height, width};
    }

    @Override
    public String toString() {
        return flat ? "1x" + channels : "1x" + channels + "x" + height + "x" + width;
    }
}
