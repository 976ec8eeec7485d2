package lab.mobilenet.engine.checkpoint;

import java.util.Arrays;

/**
 * One tensor from a checkpoint, converted to float32, in row-major (C) order: the last index varies fastest.
 *
 * <p>{@code dtype} is the type stored in the file ({@code "F32"}, {@code "F16"}, {@code "BF16"}, {@code "I64"}, ...),
 * kept so callers can tell a converted tensor from a native float one. The shape is copied; the (possibly
 * large) values array is not — whoever receives a {@code TensorData} owns it and should not share it mutably.
 */
public record TensorData(String name, String dtype, long[] shape, float[] values) {

    public TensorData {
        shape = shape.clone();
        if (Shapes.elementCount(shape) != values.length) {
            throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(shape)
                    + " needs " + Shapes.elementCount(shape) + " values, got " + values.length);
        }
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Number of elements: the product of the shape (1 for a scalar of shape {@code []}). */
    public long elementCount() {
        return values.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorData t && name.equals(t.name) && dtype.equals(t.dtype)
                && Arrays.equals(shape, t.shape) && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + dtype.hashCode()) + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "TensorData[" + name + " " + dtype + " " + Arrays.toString(shape) + "]";
    }
}
