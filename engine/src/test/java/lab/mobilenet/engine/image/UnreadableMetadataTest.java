package lab.mobilenet.engine.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EXIF is optional: a picture whose pixels decode is never refused because its metadata cannot be read.
 * A PNG missing the CRC of its end chunk decodes (ImageIO never reads it) but made metadata-extractor
 * throw an {@code EOFException}, which used to reject the whole picture.
 */
class UnreadableMetadataTest {
    @TempDir
    Path dir;

    /** A 3×2 PNG without the last {@code cut} bytes of its IEND chunk (4: its CRC). */
    private static byte[] pngCut(int cut) throws Exception {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0x112233);
        img.setRGB(2, 1, 0xAABBCC);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        byte[] bytes = png.toByteArray();
        assertEquals("IEND", new String(bytes, bytes.length - 8, 4, StandardCharsets.US_ASCII));
        return Arrays.copyOf(bytes, bytes.length - cut);
    }

    @Test
    void aPngThatDecodesIsKeptWhenItsMetadataEndsEarly() throws Exception {
        for (int cut : new int[] {4}) {
            Path file = Files.write(dir.resolve("cut" + cut + ".png"), pngCut(cut));
            RgbImage image = ImageLoader.load(file);
            assertEquals(3, image.width());
            assertEquals(0x112233, image.rgbAt(0, 0));
            assertEquals(0xAABBCC, image.rgbAt(2, 1));
        }
    }

    @Test
    void unreadableMetadataMeansOrientationOne() throws Exception {
        Path file = Files.write(dir.resolve("cut.png"), pngCut(4));
        assertEquals(1, ExifOrientation.read(file));
        Path garbage = Files.write(dir.resolve("garbage.jpg"), ByteBuffer.allocate(64).putInt(0xFFD8FFE1).array());
        assertEquals(1, ExifOrientation.read(garbage));
    }
}
