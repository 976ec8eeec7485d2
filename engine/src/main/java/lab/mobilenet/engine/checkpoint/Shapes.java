package lab.mobilenet.engine.checkpoint;

import java.util.Arrays;

/** Shape arithmetic shared by the checkpoint and .npy readers: element counts that refuse to overflow. */
public final class Shapes {

    private Shapes() {
    }

    /**
     * Product of the dimensions (1 for {@code []}).
     *
     * @throws ArithmeticException if the product does not fit in a long
     * @throws IllegalArgumentException if a dimension is negative
     */
    public static long elementCount(long[] shape) {
        long count = 1;
        for (long dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            count = Math.multiplyExact(count, dim);
        }
        return count;
    }
}
