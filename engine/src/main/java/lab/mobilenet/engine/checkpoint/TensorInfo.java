package lab.mobilenet.engine.checkpoint;

import java.util.Arrays;

/**
 * One validated safetensors header entry: the tensor's name, element type, shape and the byte range
 * {@code [dataBegin, dataEnd)} of its data, relative to the start of the data section (byte 8 + header length).
 *
 * <p>The shape is copied in and out, so instances are immutable. A shape {@code []} is a scalar (one element).
 */
public record TensorInfo(String name, SafetensorsDtype dtype, long[] shape, long dataBegin, long dataEnd) {

    public TensorInfo {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Number of elements: the product of the shape (1 for a scalar). */
    public long elementCount() {
        return Shapes.elementCount(shape);
    }

    /** Length of the data in bytes, {@code dataEnd - dataBegin}. */
    public long byteLength() {
        return dataEnd - dataBegin;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorInfo t && name.equals(t.name) && dtype == t.dtype
                && Arrays.equals(shape, t.shape) && dataBegin == t.dataBegin && dataEnd == t.dataEnd;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + dtype.hashCode()) + Arrays.hashCode(shape) + Long.hashCode(dataBegin);
    }

    @Override
    public String toString() {
        return name + " " + dtype + " " + Arrays.toString(shape) + " @[" + dataBegin + ", " + dataEnd + ")";
    }
}
