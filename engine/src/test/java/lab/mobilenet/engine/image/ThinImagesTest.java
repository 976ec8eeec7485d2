package lab.mobilenet.engine.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pictures with extreme aspect ratios. A 30000×1 PNG used to crash the resize (its resized form,
 * 7,680,000×256, overflowed the array indices); thinner ones overflowed array sizes or asked for
 * gigabytes. Now only the centre crop is computed, and it equals resize-then-crop byte for byte.
 */
class ThinImagesTest {
    @TempDir
    Path dir;

    private static RgbImage constant(int w, int h, int r, int g, int b) {
        byte[] rgb = new byte[3 * w * h];
        for (int i = 0; i < rgb.length; i += 3) {
            rgb[i] = (byte) r;
            rgb[i + 1] = (byte) g;
            rgb[i + 2] = (byte) b;
        }
        return RgbImage.of(w, h, rgb);
    }

    private static RgbImage noise(int w, int h, long seed) {
        byte[] rgb = new byte[3 * w * h];
        new Random(seed).nextBytes(rgb);
        return RgbImage.of(w, h, rgb);
    }

    private Path png(String name, int w, int h, int rgb) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        Path file = dir.resolve(name);
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    private static void assertAllPixels(RgbImage image, int r, int g, int b) {
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                assertEquals(r << 16 | g << 8 | b, image.rgbAt(x, y), "pixel (" + x + ", " + y + ")");
            }
        }
    }

    @Test
    void a30000By1PngIsResizedAndCroppedLikeAnyPhoto() throws Exception {
        RgbImage strip = ImageLoader.load(png("strip.png", 30_000, 1, 0xC86432));
        ModelInput in = Preprocessor.prepare(strip, PreprocessConfig.imagenet());
        assertEquals(224, in.crop().width());
        assertEquals(224, in.crop().height());
        // every cubic weight set sums to one, so a flat picture stays flat, to the last bit
        assertAllPixels(in.crop(), 0xC8, 0x64, 0x32);
    }

    @Test
    void a1By30000PngIsResizedAndCroppedLikeAnyPhoto() throws Exception {
        RgbImage strip = ImageLoader.load(png("pole.png", 1, 30_000, 0x0A80F0));
        RgbImage crop = Preprocessor.crop(strip, PreprocessConfig.imagenet());
        assertEquals(224, crop.width());
        assertAllPixels(crop, 0x0A, 0x80, 0xF0);
    }

    @Test
    void theLongerSideOfAThinStripIsComputedBeyondInt() {
        // 256 * 100,000,000 / 1, by hand
        assertArrayEquals(new long[] {256, 25_600_000_000L}, Preprocessor.resizedSize(1, 100_000_000, 256));
        assertArrayEquals(new long[] {7_680_000, 256}, Preprocessor.resizedSize(30_000, 1, 256));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Preprocessor.shorterSideSize(1, 100_000_000, 256));
        assertTrue(e.getMessage().contains("256x25600000000"), e.getMessage());
    }

    @Test
    void croppingAThinStripAllocatesAboutTheCropNotTheResizedPicture() {
        RgbImage strip = noise(100_000, 1, 7); // resized in full: 25,600,000 x 256 x 3 = 19.7 GB
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        RgbImage crop = Preprocessor.crop(strip, PreprocessConfig.imagenet());
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(224, crop.height());
        assertTrue(allocated < 2_000_000, "allocated " + allocated + " bytes for a 224x224 crop");
    }

    @ParameterizedTest(name = "{0}x{1} -> shorter {2}, crop {3}")
    @CsvSource({
        "700, 1, 8, 4", "1, 700, 8, 4", "1, 1, 8, 8", "2, 3, 16, 9", "5, 1000, 12, 12", "1000, 5, 12, 7",
        "640, 480, 64, 56", "33, 7, 5, 3", "3, 3, 3, 3", "9, 400, 1, 1", "4000, 2, 300, 224",
    })
    void theCropEqualsResizingInFullThenCropping(int w, int h, int shorter, int crop) {
        RgbImage image = noise(w, h, 31L * w + h);
        PreprocessConfig config = new PreprocessConfig(shorter, crop, new float[] {0, 0, 0}, new float[] {1, 1, 1});
        RgbImage full = Preprocessor.resizeShorterSide(image, shorter);
        assertEquals(Preprocessor.centerCrop(full, crop), Preprocessor.crop(image, config));
    }

    @Test
    void aFullResizeTooLargeForOneArrayIsRefusedBeforeAllocating() {
        RgbImage pixel = constant(1, 1, 1, 2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Preprocessor.resize(pixel, 50_000, 50_000));
        assertEquals("50000x50000 pixels do not fit in one RGB image", e.getMessage());
    }

    @Test
    void aHugeUpscaleOfOnePixelKeepsItsColour() {
        // the bicubic support is clamped to the single input sample
        assertAllPixels(Preprocessor.resize(constant(1, 1, 9, 99, 199), 300, 2), 9, 99, 199);
    }
}
