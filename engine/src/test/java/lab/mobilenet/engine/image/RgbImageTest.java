package lab.mobilenet.engine.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class RgbImageTest {

    @Test
    void imageKeepsItsOwnCopyOfThePixels() {
        byte[] rgb = {1, 2, 3, 4, 5, 6};
        RgbImage image = RgbImage.of(1, 2, rgb);
        rgb[0] = 99;
        image.rgb()[1] = 99;
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, image.rgb());
    }

    @Test
    void samplesAreReadRowByRowAsUnsignedBytes() {
        RgbImage image = RgbImage.of(2, 1, new byte[] {10, 20, 30, (byte) 200, (byte) 210, (byte) 255});
        assertEquals(200, image.sample(1, 0, 0));
        assertEquals(255, image.sample(1, 0, 2));
        assertEquals(0x0A141E, image.rgbAt(0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> image.sample(2, 0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> image.sample(0, 0, 3));
    }

    @Test
    void bufferedImageHasTheSamePixels() {
        RgbImage image = RgbImage.of(2, 2, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, (byte) 250, (byte) 251, (byte) 252});
        BufferedImage bi = image.toBufferedImage();
        assertEquals(BufferedImage.TYPE_INT_RGB, bi.getType());
        assertEquals(0x010203, bi.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(0x040506, bi.getRGB(1, 0) & 0xFFFFFF);
        assertEquals(0x070809, bi.getRGB(0, 1) & 0xFFFFFF);
        assertEquals(0xFAFBFC, bi.getRGB(1, 1) & 0xFFFFFF);
    }

    @Test
    void wrongByteCountIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RgbImage.of(2, 2, new byte[11]));
        assertEquals("a 2x2 RGB image needs 12 bytes, got 11", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RgbImage.of(0, 2, new byte[0]));
    }
}
