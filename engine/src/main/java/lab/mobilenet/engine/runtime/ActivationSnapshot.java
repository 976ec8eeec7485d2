package lab.mobilenet.engine.runtime;

import java.util.Arrays;

/** An immutable copy of one layer's output, safe to hand to another thread (the UI). */
public record ActivationSnapshot(String layer, long[] shape, float[] values) {

    public ActivationSnapshot {
        shape = shape.clone();
        values = values.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    /** Value at a flat row-major index, without copying the array. */
    public float value(int flatIndex) {
        return values[flatIndex];
    }

    public int size() {
        return values.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActivationSnapshot s && s.layer.equals(layer) && Arrays.equals(s.shape, shape)
                && Arrays.equals(s.values, values);
    }

    @Override
    public int hashCode() {
        return layer.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return layer + Arrays.toString(shape);
    }
}
