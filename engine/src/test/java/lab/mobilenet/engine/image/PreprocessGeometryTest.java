package lab.mobilenet.engine.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sizes, offsets and normalisation of the eval transform, worked out by hand. */
class PreprocessGeometryTest {

    @ParameterizedTest(name = "{0}x{1} -> {3}x{4}")
    @CsvSource({
        // w, h, shorter, expected w, expected h   (long side = int(256 * long / short))
        "451, 300, 256, 384, 256",   // 256*451/300 = 384.85
        "640, 427, 256, 383, 256",   // 383.70
        "300, 451, 256, 256, 384",   // portrait
        "512, 512, 256, 256, 256",
        "1000, 872, 256, 293, 256",  // 293.58
        "100, 60, 256, 426, 256",    // enlarging: 426.67
        "3, 2, 256, 384, 256",       // exactly 384.0
    })
    void shorterSideSizeFollowsTorchvisionResize(int w, int h, int shorter, int ew, int eh) {
        assertArrayEquals(new int[] {ew, eh}, Preprocessor.shorterSideSize(w, h, shorter));
    }

    @ParameterizedTest(name = "length {0}, crop {1} -> offset {2}")
    @CsvSource({
        "256, 224, 16",
        "384, 224, 80",
        "383, 224, 80",   // 79.5 -> 80 (half to even)
        "293, 224, 34",   // 34.5 -> 34 (half to even, not up)
        "225, 224, 0",    // 0.5 -> 0
        "227, 224, 2",    // 1.5 -> 2
        "224, 224, 0",
    })
    void centerOffsetRoundsHalfToEvenLikePython(int length, int crop, int offset) {
        assertEquals(offset, Preprocessor.centerOffset(length, crop));
    }

    @Test
    void centerCropCutsTheExpectedPixels() {
        // 5x3 image whose pixel (x, y) holds (x, y, 10x + y); a 2x2 crop starts at x = round(1.5) = 2, y = round(0.5) = 0
        byte[] rgb = new byte[5 * 3 * 3];
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 5; x++) {
                rgb[(y * 5 + x) * 3] = (byte) x;
                rgb[(y * 5 + x) * 3 + 1] = (byte) y;
                rgb[(y * 5 + x) * 3 + 2] = (byte) (10 * x + y);
            }
        }
        RgbImage crop = Preprocessor.centerCrop(RgbImage.of(5, 3, rgb), 2);
        assertArrayEquals(new byte[] {2, 0, 20, 3, 0, 30, 2, 1, 21, 3, 1, 31}, crop.rgb());
    }

    @Test
    void centerCropLargerThanImageIsRefused() {
        RgbImage image = RgbImage.of(3, 2, new byte[18]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Preprocessor.centerCrop(image, 3));
        assertEquals("cannot cut a 3x3 centre crop from 3x2", e.getMessage());
    }

    @Test
    void normaliseGivesChannelMajorValuesByHand() {
        // two pixels: (255, 0, 128) and (0, 255, 51)
        RgbImage image = RgbImage.of(2, 1, new byte[] {(byte) 255, 0, (byte) 128, 0, (byte) 255, 51});
        float[] t = Preprocessor.normalize(image, PreprocessConfig.imagenet());
        float[] expected = {
            (1f - 0.485f) / 0.229f, (0f - 0.485f) / 0.229f,            // R plane
            (0f - 0.456f) / 0.224f, (1f - 0.456f) / 0.224f,            // G plane
            (128f / 255f - 0.406f) / 0.225f, (0.2f - 0.406f) / 0.225f, // B plane (51/255 = 0.2)
        };
        assertArrayEquals(expected, t, 1e-6f);
        assertEquals(2.2489083f, t[0], 1e-6f);
        float[] half = Preprocessor.normalize(image, PreprocessConfig.inception());
        assertArrayEquals(new float[] {1f, -1f, -1f, 1f, 128f / 255f * 2 - 1, 0.2f * 2 - 1}, half, 1e-6f);
    }

    @Test
    void prepareReturnsTheCropAndItsTensorWithNchwShape() {
        byte[] rgb = new byte[3 * 300 * 260];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) (i * 7);
        }
        RgbImage photo = RgbImage.of(300, 260, rgb);
        ModelInput input = Preprocessor.prepare(photo, PreprocessConfig.imagenet());
        assertEquals(224, input.crop().width());
        assertEquals(224, input.crop().height());
        assertArrayEquals(new long[] {1, 3, 224, 224}, input.shape());
        assertArrayEquals(Preprocessor.normalize(input.crop(), PreprocessConfig.imagenet()), input.tensor());
        assertArrayEquals(input.tensor(), Preprocessor.toTensor(photo, PreprocessConfig.imagenet()));
    }

    @Test
    void configFactoriesFollowTimm() {
        PreprocessConfig imagenet = PreprocessConfig.imagenet();
        assertEquals(256, imagenet.resizeShorter());
        assertEquals(224, imagenet.crop());
        assertArrayEquals(new float[] {0.485f, 0.456f, 0.406f}, imagenet.mean());
        assertArrayEquals(new float[] {0.229f, 0.224f, 0.225f}, imagenet.std());
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, PreprocessConfig.inception().mean());
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, PreprocessConfig.inception().std());
        float[] m = {0.5f, 0.5f, 0.5f};
        assertEquals(256, PreprocessConfig.forResolution(224, m, m).resizeShorter());
        assertEquals(219, PreprocessConfig.forResolution(192, m, m).resizeShorter()); // 219.43
        assertEquals(146, PreprocessConfig.forResolution(128, m, m).resizeShorter()); // 146.29
        assertEquals(235, PreprocessConfig.forCropPct(224, 0.95, m, m).resizeShorter()); // 235.79
        assertArrayEquals(new long[] {1, 3, 192, 192}, PreprocessConfig.forResolution(192, m, m).inputShape());
    }

    @Test
    void configCannotBeChangedThroughItsArrays() {
        float[] mean = {0.1f, 0.2f, 0.3f};
        PreprocessConfig config = new PreprocessConfig(256, 224, mean, new float[] {1, 1, 1});
        mean[0] = 9f;
        config.mean()[1] = 9f;
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f}, config.mean());
        assertEquals(new PreprocessConfig(256, 224, new float[] {0.1f, 0.2f, 0.3f}, new float[] {1, 1, 1}), config);
        assertNotEquals(PreprocessConfig.imagenet(), PreprocessConfig.inception());
    }

    @Test
    void badConfigsAreRefusedWithOneLineMessages() {
        float[] ok = {0.5f, 0.5f, 0.5f};
        assertEquals("resizeShorter (200) must be at least the crop (224)",
                assertThrows(IllegalArgumentException.class, () -> new PreprocessConfig(200, 224, ok, ok)).getMessage());
        assertEquals("mean needs 3 values (R, G, B), got [0.5]",
                assertThrows(IllegalArgumentException.class,
                        () -> new PreprocessConfig(256, 224, new float[] {0.5f}, ok)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new PreprocessConfig(256, 224, ok, new float[] {1, 0, 1})).getMessage().startsWith("std must be positive"));
    }
}
