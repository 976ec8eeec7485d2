package lab.mobilenet.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export --out}: the extension decides the format; an unusable target is bad input (exit 2), not a bug. */
class ExportOutputTest {
    private static final String PHOTO = "../assets/images/chelsea.png";
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void outNamingADirectoryIsRefusedWithTheReason(@TempDir Path tmp) throws Exception {
        Path target = Files.createDirectory(tmp.resolve("slides.png"));
        assertEquals(2, run("export", "--lesson", "standard", "--image", PHOTO, "--out", target.toString()));
        assertEquals("error: cannot write " + target + ": is a directory", err.toString().strip());
    }

    @Test
    void aJpgTargetGetsAJpeg(@TempDir Path tmp) throws Exception {
        Path target = tmp.resolve("slide.jpg");
        assertEquals(0, run("export", "--lesson", "depthwise", "--image", PHOTO, "--out", target.toString()), err.toString());
        try (ImageInputStream in = ImageIO.createImageInputStream(target.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            assertEquals("jpeg", reader.getFormatName().toLowerCase(java.util.Locale.ROOT));
        }
        assertEquals(1280, ImageIO.read(target.toFile()).getWidth());
    }

    @Test
    void manyFramesIntoAStillFormatOrAnUnknownExtensionAreRefusedBeforeRendering(@TempDir Path tmp) {
        assertEquals(2, run("export", "--lesson", "standard", "--image", PHOTO, "--frames", "5",
                "--out", tmp.resolve("x.png").toString()));
        assertTrue(err.toString().startsWith("error: a .png holds one frame; use .gif for --frames 5"), err.toString());
        assertEquals(2, run("export", "--lesson", "standard", "--image", PHOTO, "--out", tmp.resolve("x.tiff").toString()));
        assertTrue(err.toString().contains("error: output must end in .png, .jpg or .gif: x.tiff"), err.toString());
        assertFalse(Files.exists(tmp.resolve("x.tiff")));
    }
}
