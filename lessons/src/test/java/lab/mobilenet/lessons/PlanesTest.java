package lab.mobilenet.lessons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlanesTest {

    @Test
    void fromRgbSplitsInterleavedBytesIntoChannelPlanesScaledTo01() {
        // 2×1 image: pixel 0 = (255, 0, 51), pixel 1 = (10, 20, 30)
        byte[] rgb = {(byte) 255, 0, 51, 10, 20, 30};
        Planes p = Planes.fromRgb(2, 1, rgb);
        assertEquals(3, p.channels());
        assertEquals(1, p.height());
        assertEquals(2, p.width());
        assertArrayEquals(new float[] {1f, 10 / 255f, 0f, 20 / 255f, 51 / 255f, 30 / 255f}, p.toArray(), 0f);
        assertEquals(0.2f, p.get(2, 0, 0), 1e-7f);
    }

    @Test
    void fromArgbIgnoresAlphaAndMatchesFromRgb() {
        int[] argb = {0x80FF0033, 0xFF0A141E};
        byte[] rgb = {(byte) 255, 0, 51, 10, 20, 30};
        assertEquals(Planes.fromRgb(2, 1, rgb), Planes.fromArgb(2, 1, argb));
    }

    @Test
    void grayConversionUsesBt601Weights() {
        byte[] rgb = {(byte) 200, 100, 50};
        Planes gray = Planes.fromRgb(1, 1, rgb).toGray();
        assertEquals(1, gray.channels());
        assertEquals((0.299 * 200 + 0.587 * 100 + 0.114 * 50) / 255, gray.get(0, 0, 0), 1e-6);
        assertEquals(Planes.fromGray(1, 1, new byte[] {(byte) 128}).get(0, 0, 0), 128 / 255f, 0f);
    }

    @Test
    void downscaleByTwoAveragesEachTwoByTwoBlock() {
        float[] d = new float[16];
        for (int i = 0; i < 16; i++) {
            d[i] = i;
        }
        Planes p = Planes.of(1, 4, 4, d).downscale(2, 2);
        // block (0,0): 0,1,4,5 → 2.5; (0,1): 2,3,6,7 → 4.5; (1,0): 8,9,12,13 → 10.5; (1,1) → 12.5
        assertArrayEquals(new float[] {2.5f, 4.5f, 10.5f, 12.5f}, p.toArray(), 1e-6f);
    }

    @Test
    void downscaleByFractionalFactorWeighsPartlyCoveredPixelsByTheirShare() {
        // 3 → 2 pixels: each output covers 1.5 source pixels; the middle one is split half and half
        Planes p = Planes.of(1, 1, 3, new float[] {3, 6, 9}).downscale(2, 1);
        assertArrayEquals(new float[] {(3 + 0.5f * 6) / 1.5f, (0.5f * 6 + 9) / 1.5f}, p.toArray(), 1e-6f);
    }

    @Test
    void downscaleKeepsTheMeanOfEveryChannel() {
        Planes p = Fixtures.image(42, 3, 37, 53);
        Planes s = p.downscaleToLongestSide(16);
        assertEquals(16, s.width());
        assertEquals(Math.round(37 * 16 / 53.0), s.height());
        for (int c = 0; c < 3; c++) {
            assertEquals(mean(p.channel(c)), mean(s.channel(c)), 1e-5);
        }
    }

    @Test
    void downscaleToLongestSideLeavesSmallImagesAlone() {
        Planes p = Fixtures.image(1, 3, 20, 30);
        assertSame(p, p.downscaleToLongestSide(48));
    }

    @Test
    void badInputGivesAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Planes.fromRgb(2, 2, new byte[5]));
        assertTrue(e.getMessage().contains("expected 12 RGB bytes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Planes.of(0, 1, 1, new float[0]));
        assertThrows(IllegalArgumentException.class, () -> Fixtures.image(1, 1, 4, 4).downscale(5, 4));
    }

    @Test
    void planesAreImmutable() {
        float[] d = {1, 2, 3, 4};
        Planes p = Planes.of(1, 2, 2, d);
        d[0] = 99;
        p.toArray()[1] = 99;
        p.channel(0)[2] = 99;
        assertArrayEquals(new float[] {1, 2, 3, 4}, p.toArray(), 0f);
    }

    private static double mean(float[] a) {
        double s = 0;
        for (float v : a) {
            s += v;
        }
        return s / a.length;
    }
}
