package lab.mobilenet.lessons;

import java.util.Arrays;

/**
 * The colour range of one output map, chosen so the picture shows its content: from robust percentiles of
 * the map's <em>interior</em>. The border rows and columns, whose windows reach into the zero padding, are
 * left out (a Sobel filter answers the photo's edge against the padding with its largest values, which would
 * otherwise set the scale and leave the real edges faint), and so are the few most extreme interior values.
 *
 * <p>A map with values on both sides of zero is {@link #signed()}: it is drawn on a diverging scale
 * symmetric about 0 (±{@link #limit()}), so zero always has the same neutral colour. A map without negative
 * values is drawn like an image, from {@link #lo()} (dark) to {@link #hi()} (light).
 *
 * @param lo low end (the low percentile; for a signed map −limit)
 * @param hi high end (the high percentile; for a signed map +limit)
 * @param signed whether the interior holds negative values (then {@code lo = -hi})
 */
public record MapScale(float lo, float hi, boolean signed) {

    /** Share of interior values allowed outside the range at each end. */
    public static final double TAIL = 0.02;

    public MapScale {
        if (!(hi > lo)) {
            throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
        }
    }

    /** Half-width of a signed scale, the high end of an unsigned one. */
    public float limit() {
        return hi;
    }

    /** Where {@code v} falls: −1…1 on a signed scale, 0…1 on an unsigned one (clamped). */
    public float position(float v) {
        float t = signed ? v / hi : (v - lo) / (hi - lo);
        return Math.max(signed ? -1f : 0f, Math.min(1f, t));
    }

    /**
     * The scale of channel {@code c} of a {@code channels × height × width} row-major block, leaving out
     * {@code border} rows and columns on each side (kept when that would leave nothing).
     */
    public static MapScale ofInterior(float[] values, int height, int width, int c, int border) {
        int b = Math.max(0, border);
        if (height - 2 * b <= 0 || width - 2 * b <= 0) {
            b = 0;
        }
        int h = height - 2 * b;
        int w = width - 2 * b;
        float[] inside = new float[h * w];
        int base = c * height * width;
        for (int y = 0; y < h; y++) {
            System.arraycopy(values, base + (y + b) * width + b, inside, y * w, w);
        }
        return of(inside);
    }

    /** The scale of a set of values (copied, not changed). */
    public static MapScale of(float[] values) {
        if (values.length == 0) {
            return new MapScale(-1, 1, true);
        }
        float[] s = values.clone();
        Arrays.sort(s);
        float min = s[0];
        float pLo = percentile(s, TAIL);
        float pHi = percentile(s, 1 - TAIL);
        if (min < 0) {
            float l = Math.max(Math.abs(pLo), Math.abs(pHi));
            if (l == 0) {
                l = Math.max(Math.abs(s[0]), Math.abs(s[s.length - 1]));
            }
            return l == 0 ? new MapScale(-1, 1, true) : new MapScale(-l, l, true);
        }
        if (pHi > pLo) {
            return new MapScale(pLo, pHi, false);
        }
        // (nearly) constant: centre the value in a small range so it shows as mid-grey, not as black
        float mid = pHi;
        float half = Math.max(Math.abs(mid) * 0.5f, 1e-6f);
        return new MapScale(mid - half, mid + half, false);
    }

    /** Linear interpolation between order statistics of a sorted array, {@code q} in [0, 1]. */
    static float percentile(float[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(sorted.length - 1, i + 1);
        double f = pos - i;
        return (float) (sorted[i] + (sorted[j] - sorted[i]) * f);
    }
}
