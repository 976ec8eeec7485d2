package lab.mobilenet.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Robust colour ranges on hand-made maps; every expected number is worked out in the comments. */
class MapScaleTest {

    /** A 12 × 12 map: a border ring of {@code border} around a 10 × 10 interior filled by {@code inside(x, y)}. */
    private static float[] framed(float border, Object unused,
                                  java.util.function.BiFunction<Integer, Integer, Float> inside) {
        float[] v = new float[144];
        for (int y = 0; y < 12; y++) {
            for (int x = 0; x < 12; x++) {
                boolean ring = x == 0 || y == 0 || x == 11 || y == 11;
                v[y * 12 + x] = ring ? border : inside.apply(x - 1, y - 1);
            }
        }
        return v;
    }

    @Test
    void thePaddingBorderDoesNotSetTheScale() {
        // interior: value x/10 in column x (0 … 0.9), ten of each; border: 50 (a filter's answer to the padding)
        float[] v = framed(50f, null, (x, y) -> x / 10f);
        MapScale s = MapScale.ofInterior(v, 12, 12, 0, 1);
        assertFalse(s.signed(), "no negative value inside");
        // sorted interior: 10×0, 10×0.1, …, 10×0.9; 2 % of 99 = 1.98 → between s[1] = s[2] = 0;
        // 98 % of 99 = 97.02 → s[97] = s[98] = 0.9
        assertEquals(0f, s.lo(), 1e-6);
        assertEquals(0.9f, s.hi(), 1e-6);
        assertEquals(1f, s.position(0.9f), 1e-6);
        assertEquals(0.5f, s.position(0.45f), 1e-6);
    }

    @Test
    void withTheBorderIncludedTheRingWouldHaveWon() {
        float[] v = framed(50f, null, (x, y) -> x / 10f);
        // 44 of 144 values are 50: the 98th percentile is 50, the content would be one dark blur
        assertEquals(50f, MapScale.ofInterior(v, 12, 12, 0, 0).hi(), 1e-6);
    }

    @Test
    void aSignedMapIsSymmetricAboutZeroAndIgnoresOneOutlier() {
        // 100 interior values: 49 × −0.5, 50 × 0.25, one 10 (the outlier, at the last cell)
        float[] v = framed(0f, null, (x, y) -> {
            int i = y * 10 + x;
            return i < 49 ? -0.5f : i < 99 ? 0.25f : 10f;
        });
        MapScale s = MapScale.ofInterior(v, 12, 12, 0, 1);
        assertTrue(s.signed());
        // p2 (pos 1.98) = −0.5, p98 (pos 97.02) = 0.25 → limit max(0.5, 0.25) = 0.5
        assertEquals(0.5f, s.limit(), 1e-6);
        assertEquals(-0.5f, s.lo(), 1e-6);
        assertEquals(1f, s.position(10f), 1e-6, "the outlier saturates");
        assertEquals(-1f, s.position(-3f), 1e-6);
        assertEquals(0.5f, s.position(0.25f), 1e-6);
    }

    @Test
    void aConstantMapShowsAsMidGreyNotAsBlack() {
        // a flat blur of a flat photo: every value 0.4 → range 0.2 … 0.6, 0.4 in the middle
        float[] v = new float[36];
        java.util.Arrays.fill(v, 0.4f);
        MapScale s = MapScale.ofInterior(v, 6, 6, 0, 1);
        assertFalse(s.signed());
        assertEquals(0.2f, s.lo(), 1e-6);
        assertEquals(0.6f, s.hi(), 1e-6);
        assertEquals(0.5f, s.position(0.4f), 1e-6);
    }

    @Test
    void eachChannelGetsItsOwnScale() {
        // two 3 × 3 channels: channel 0 all 1, channel 1 all 100; border 1 leaves the centre cell
        float[] v = new float[18];
        java.util.Arrays.fill(v, 0, 9, 1f);
        java.util.Arrays.fill(v, 9, 18, 100f);
        v[4] = 2f;
        v[13] = -4f;
        assertEquals(2f, (MapScale.ofInterior(v, 3, 3, 0, 1).lo() + MapScale.ofInterior(v, 3, 3, 0, 1).hi()) / 2,
                1e-6, "channel 0's centre is 2");
        MapScale c1 = MapScale.ofInterior(v, 3, 3, 1, 1);
        assertTrue(c1.signed());
        assertEquals(4f, c1.limit(), 1e-6, "channel 1's centre −4, not its border of 100");
    }

    @Test
    void aBorderWiderThanTheMapFallsBackToTheWholeMap() {
        float[] v = {1f, 2f, 3f, 4f};
        MapScale s = MapScale.ofInterior(v, 2, 2, 0, 1);
        // 4 values: p2 at pos 0.06 → 1.06, p98 at pos 2.94 → 3.94
        assertEquals(1.06f, s.lo(), 1e-5);
        assertEquals(3.94f, s.hi(), 1e-5);
    }

    @Test
    void anAllZeroMapGetsAUnitRange() {
        MapScale s = MapScale.of(new float[9]);
        assertTrue(s.hi() > s.lo());
        assertEquals(0.5f, s.position(0f), 1e-6, "zero in the middle: neither black nor white");
    }
}
