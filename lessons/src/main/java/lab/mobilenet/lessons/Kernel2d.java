package lab.mobilenet.lessons;

import java.util.Arrays;

/**
 * A hand-made square 2-D kernel, {@code size × size} weights row-major, with a stable id (used as a resource
 * key suffix, e.g. {@code kernel.sobel-x}).
 */
public record Kernel2d(String id, int size, float[] weights) {

    public Kernel2d {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("kernel id must not be blank");
        }
        if (size <= 0 || weights == null || weights.length != size * size) {
            throw new IllegalArgumentException("kernel " + id + " must have " + size + "×" + size + " weights, got "
                    + (weights == null ? "null" : weights.length));
        }
        weights = weights.clone();
    }

    /** A copy of the weights, row-major. */
    @Override
    public float[] weights() {
        return weights.clone();
    }

    public float get(int row, int col) {
        return weights[row * size + col];
    }

    /** Resource key of the kernel's display name, {@code kernel.<id>}. */
    public String nameKey() {
        return "kernel." + id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Kernel2d k && k.id.equals(id) && k.size == size && Arrays.equals(k.weights, weights);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "Kernel2d[" + id + " " + size + "×" + size + "]";
    }
}
