package lab.mobilenet.app.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.mobilenet.app.ui.render.Palette;
import lab.mobilenet.engine.runtime.ActivationSnapshot;
import org.junit.jupiter.api.Test;

/** The colouring done off the FX thread, against colours worked out by hand from the maps' definitions. */
class FeatureMapTilesTest {

    private static final int HOT = 0xFFE03B2F;   // the diverging map's end above zero
    private static final int COLD = 0xFF2563EB;  // ... and below zero
    private static final int LIGHT_NEUTRAL = 0xFFF4F4F4;
    private static final int DARK_NEUTRAL = 0xFF202020;
    private static final int ORANGE = 0xFFF57A00; // the sequential map's end

    @Test
    void signedMapsShareOneSymmetricScaleAcrossChannels() {
        // two channels of 1 × 2: channel 0 {-2, 0}, channel 1 {1, 2}; the scale is ±2 for both
        ActivationSnapshot a = new ActivationSnapshot("x", new long[] {1, 2, 1, 2}, new float[] {-2, 0, 1, 2});
        FeatureMapTiles t = FeatureMapTiles.of(a, Palette.LIGHT);
        assertEquals(-2f, t.min());
        assertEquals(2f, t.max());
        assertTrue(t.signed());
        assertEquals(2, t.channels().size());
        assertEquals(COLD, t.channels().get(0).pixel(0, 0));
        assertEquals(LIGHT_NEUTRAL, t.channels().get(0).pixel(1, 0));
        // 1 of 2: halfway from 0xF4 to the hot end, rounded: (0xF4 + 0xE0) / 2 = 0xEA, (0xF4 + 0x3B) / 2 = 0x97.5 -> 0x98
        assertEquals(0xFFEA9892, t.channels().get(1).pixel(0, 0));
        assertEquals(HOT, t.channels().get(1).pixel(1, 0));
    }

    @Test
    void nonNegativeMapsUseTheSequentialScaleAndThePalettesNeutral() {
        ActivationSnapshot a = new ActivationSnapshot("relu", new long[] {1, 1, 2, 1}, new float[] {0, 6});
        FeatureMapTiles dark = FeatureMapTiles.of(a, Palette.DARK);
        assertFalse(dark.signed());
        assertEquals(1, dark.channels().get(0).width());
        assertEquals(2, dark.channels().get(0).height());
        assertEquals(DARK_NEUTRAL, dark.channels().get(0).pixel(0, 0));
        assertEquals(ORANGE, dark.channels().get(0).pixel(0, 1));
        assertTrue(dark.shows(a, Palette.DARK));
        assertFalse(dark.shows(a, Palette.LIGHT), "a theme change needs new tiles");
    }

    @Test
    void aVectorIsOneStripOfCells() {
        ActivationSnapshot a = new ActivationSnapshot("pool", new long[] {1, 3}, new float[] {0, 1, 2});
        FeatureMapTiles t = FeatureMapTiles.of(a, Palette.LIGHT);
        assertEquals(1, t.channels().size());
        assertEquals(3, t.channels().get(0).width());
        assertEquals(ORANGE, t.channels().get(0).pixel(2, 0));
    }
}
