package lab.mobilenet.engine.image;

/**
 * A photo ready for the network: the {@code crop} it actually sees (for showing) and the same pixels
 * normalised as a float32 NCHW tensor {@code [1, 3, crop, crop]} in row-major order (for running).
 */
public record ModelInput(RgbImage crop, float[] tensor) {
    public ModelInput {
        if (tensor.length != 3 * crop.width() * crop.height()) {
            throw new IllegalArgumentException("tensor has " + tensor.length + " values, the crop needs "
                    + 3 * crop.width() * crop.height());
        }
        tensor = tensor.clone();
    }

    /** A copy of the values, channel-major: index = (c · height + y) · width + x. */
    @Override
    public float[] tensor() {
        return tensor.clone();
    }

    /** {@code [1, 3, height, width]}. */
    public long[] shape() {
        return new long[] {1, 3, crop.height(), crop.width()};
    }
}
