package lab.mobilenet.app.ui.classify;

import java.util.Arrays;

/**
 * A small grid of values laid over a crop to show where a network looked: a class activation map (7 × 7 for a
 * 224 crop) or an occlusion map. Immutable; values row by row.
 *
 * @param width  columns
 * @param height rows
 * @param values {@code height × width} values, row-major
 */
public record HeatMap(int width, int height, float[] values) {

    public HeatMap {
        if (width <= 0 || height <= 0 || values.length != width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " map needs " + width * height
                    + " values, got " + values.length);
        }
        values = values.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    public float at(int x, int y) {
        return values[y * width + x];
    }

    /** The largest value (the map's hottest place). */
    public float max() {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** The smallest value. */
    public float min() {
        float m = Float.POSITIVE_INFINITY;
        for (float v : values) {
            m = Math.min(m, v);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeatMap h && h.width == width && h.height == height && Arrays.equals(h.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "HeatMap[" + width + "x" + height + "]";
    }
}
