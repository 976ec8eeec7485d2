package lab.mobilenet.engine.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.imageio.ImageIO;

/** Access to the fixtures written by tools/make_preprocess_fixtures.py and to the assets photos. */
final class Fixtures {
    private static JsonNode manifest;

    private Fixtures() {
    }

    static synchronized JsonNode manifest() {
        if (manifest == null) {
            try {
                manifest = new ObjectMapper().readTree(path("fixtures.json").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return manifest;
    }

    /** A file under src/test/resources/image/. */
    static Path path(String relative) {
        URL url = Fixtures.class.getResource("/image/" + relative);
        if (url == null) {
            throw new IllegalStateException("missing test resource image/" + relative
                    + "; run tools/make_preprocess_fixtures.py");
        }
        try {
            return Paths.get(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A photo of the project's top-level assets/images/, found by walking up from the working directory. */
    static Path asset(String name) {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("assets").resolve("images").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("assets/images/" + name + " not found above " + Paths.get("").toAbsolutePath());
    }

    /**
     * An 8-bit RGB PNG fixture read straight from its raster with the JDK's PNG reader, so the expected
     * pixels do not pass through the code under test.
     */
    static byte[] pngRgb(String relative, int width, int height) {
        try {
            BufferedImage image = ImageIO.read(path(relative).toFile());
            Raster raster = image.getRaster();
            if (image.getWidth() != width || image.getHeight() != height || raster.getNumBands() != 3) {
                throw new IllegalStateException(relative + " is not a " + width + "x" + height + " RGB PNG");
            }
            byte[] out = new byte[3 * width * height];
            int[] px = new int[3];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    raster.getPixel(x, y, px);
                    for (int c = 0; c < 3; c++) {
                        out[(y * width + x) * 3 + c] = (byte) px[c];
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Largest absolute difference between two RGB byte arrays of equal length. */
    static int maxDiff(byte[] a, byte[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + b.length);
        }
        int max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs((a[i] & 0xFF) - (b[i] & 0xFF)));
        }
        return max;
    }

    /** How many bytes differ. */
    static int countDiffering(byte[] a, byte[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                n++;
            }
        }
        return n;
    }
}
