package lab.mobilenet.app.ui.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import lab.mobilenet.engine.image.RgbImage;
import org.junit.jupiter.api.Test;

/** Upsampling the coarse map to the crop, and laying it over the crop. */
class HeatOverlayTest {

    @Test
    void bilinearWithCentresAlignedAsPyTorchWithoutAlignCorners() {
        // 2 → 4: source positions (x + 0.5)·2/4 − 0.5 = −0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1)
        float[] up = HeatOverlay.upsample(new HeatMap(2, 1, new float[] {0, 1}), 4, 1);
        assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1}, up, 1e-6f);
    }

    @Test
    void aConstantMapStaysConstant() {
        float[] up = HeatOverlay.upsample(new HeatMap(7, 7, filled(49, 3f)), 224, 224);
        for (float v : up) {
            assertEquals(3f, v, 1e-6f);
        }
    }

    @Test
    void theHotCornerIsColouredDifferentlyFromTheColdOne() {
        RgbImage grey = RgbImage.of(2, 2, filledBytes(12, (byte) 128));
        int[] px = HeatOverlay.argb(grey, new HeatMap(2, 2, new float[] {0, 0, 0, 5}));
        assertEquals(px[0], px[1], "equal values, equal colours");
        assertNotEquals(px[0], px[3]);
        assertEquals(0xFF, px[3] >>> 24, "opaque");
    }

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static byte[] filledBytes(int n, byte v) {
        byte[] a = new byte[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
