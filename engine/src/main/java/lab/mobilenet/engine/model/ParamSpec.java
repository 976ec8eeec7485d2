package lab.mobilenet.engine.model;

import java.util.Arrays;

/**
 * One tensor a layer owns, named by its checkpoint key. {@code learnable} is false for batch-norm running
 * statistics, which are stored in the checkpoint but are not counted as parameters.
 */
public record ParamSpec(String key, long[] shape, boolean learnable) {

    public ParamSpec {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public long count() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParamSpec p && p.key.equals(key) && Arrays.equals(p.shape, shape) && p.learnable == learnable;
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return key + Arrays.toString(shape);
    }
}
