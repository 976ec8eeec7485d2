package lab.mobilenet.engine.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import lab.mobilenet.engine.image.ImageDecodeException;
import lab.mobilenet.engine.image.ImageLoader;
import lab.mobilenet.engine.image.ModelInput;
import lab.mobilenet.engine.image.PreprocessConfig;
import lab.mobilenet.engine.image.Preprocessor;
import lab.mobilenet.engine.image.RgbImage;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded mutants of small real pictures (PNG, JPEG, GIF and BMP written here from a drawn 40×28 picture,
 * the project's 710-byte lossless WebP) through the public entry points: {@link ImageLoader#load} then
 * {@link Preprocessor#prepare}. Every outcome must be a picture and its tensor, or an
 * {@link ImageDecodeException}: no other exception, no error, no hang. The loader's own bounds are set
 * tight (4 megapixels, 2 s per decode) so that a mutant claiming a huge picture is refused, not decoded.
 * The counts and times are printed; docs/ROBUSTNESS.md records them.
 */
class ImageFuzzTest {
    /** Mutants per seed picture; {@code -Dfuzz.images=N} for a longer run. */
    private static final int MUTANTS = Integer.getInteger("fuzz.images", 500);
    private static final long MAX_PIXELS = 4_000_000;
    private static final Duration TIME_LIMIT = Duration.ofSeconds(2);

    @TempDir
    static Path dir;

    /** A small picture with edges, gradients and text: something worth compressing. */
    static BufferedImage drawn() {
        BufferedImage img = new BufferedImage(40, 28, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 40; x++) {
                img.setRGB(x, y, (x * 6) << 16 | (y * 9) << 8 | ((x ^ y) * 7 & 0xFF));
            }
        }
        g.setColor(Color.WHITE);
        g.fillOval(8, 6, 14, 14);
        g.setColor(Color.BLACK);
        g.drawString("Mb", 20, 22);
        g.dispose();
        return img;
    }

    static byte[] encoded(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BufferedImage source = img;
        if (format.equals("gif")) { // the GIF writer wants a palette picture
            source = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_INDEXED);
            source.createGraphics().drawImage(img, 0, 0, null);
        }
        assertTrue(ImageIO.write(source, format, out), "no " + format + " writer");
        return out.toByteArray();
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ImageFuzzTest.class.getResourceAsStream("/image/decode/" + name)) {
            return in.readAllBytes();
        }
    }

    static Stream<Arguments> seeds() throws IOException {
        BufferedImage img = drawn();
        return Stream.of(
                Arguments.of("png", encoded(img, "png"), 11L),
                Arguments.of("jpg", encoded(img, "jpg"), 12L),
                Arguments.of("gif", encoded(img, "gif"), 13L),
                Arguments.of("bmp", encoded(img, "bmp"), 14L),
                Arguments.of("webp", resource("lossless.webp"), 15L),
                Arguments.of("exif.jpg", resource("exif6.jpg"), 16L),
                Arguments.of("cmyk.jpg", resource("cmyk.jpg"), 17L),
                Arguments.of("palette.png", resource("palette.png"), 18L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void everyMutantIsAPictureOrARefusalWithAReason(String format, byte[] seed, long baseSeed) throws IOException {
        PreprocessConfig config = PreprocessConfig.imagenet();
        Mutator mutator = new Mutator(seed, baseSeed);
        FuzzStats stats = new FuzzStats(format);
        Path file = dir.resolve("mutant." + format.replaceAll(".*\\.", ""));
        // the seed itself must decode: otherwise every mutant would be refused for a boring reason
        Files.write(file, seed);
        try {
            ImageLoader.load(file);
        } catch (ImageDecodeException e) {
            throw new AssertionError("the seed " + format + " does not decode: " + e.getMessage(), e);
        }
        for (int i = 0; i < MUTANTS; i++) {
            Files.write(file, mutator.mutant(i));
            long start = System.nanoTime();
            String outcome;
            try {
                RgbImage image = ImageLoader.load(file, MAX_PIXELS, TIME_LIMIT);
                ModelInput in = Preprocessor.prepare(image, config);
                assertEquals(3 * 224 * 224, in.tensor().length);
                outcome = "decoded";
            } catch (ImageDecodeException e) {
                outcome = "refused";
                if (e.getMessage().contains("\n")) {
                    stats.fail("mutant " + i + " (seed " + baseSeed + "): a message of several lines");
                }
            } catch (Throwable e) { // NOPMD: exactly what the fuzz test is looking for
                outcome = e.getClass().getSimpleName();
                stats.fail("mutant " + i + " (seed " + baseSeed + "): " + e);
            }
            long elapsed = System.nanoTime() - start;
            stats.record(outcome, elapsed);
            if (elapsed > 10_000_000_000L) {
                stats.fail("mutant " + i + " (seed " + baseSeed + ") took " + elapsed / 1_000_000 + " ms");
            }
        }
        System.out.println(stats.summary());
        List<String> failures = stats.failures();
        assertTrue(failures.isEmpty(), failures.size() + " of " + MUTANTS + " " + format + " mutants misbehaved, e.g. "
                + failures.subList(0, Math.min(5, failures.size())));
    }
}
