package lab.mobilenet.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import lab.mobilenet.lessons.LessonCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless exporter: real files read back with ImageIO, no JavaFX toolkit started. */
class LessonExporterTest {

    @TempDir
    Path dir;

    private Path photo;

    @BeforeEach
    void photo() throws IOException {
        photo = dir.resolve("gradient.png");
        BufferedImage img = new BufferedImage(64, 40, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 64; x++) {
                img.setRGB(x, y, (x * 4) << 16 | (y * 6) << 8 | 128);
            }
        }
        ImageIO.write(img, "png", photo.toFile());
    }

    @Test
    void pngExportIsASlideSizedImage() throws IOException {
        Path out = dir.resolve("standard.png");
        LessonExporter.export("standard", photo, 1, out);
        BufferedImage img = ImageIO.read(out.toFile());
        assertNotNull(img, "a readable PNG");
        assertEquals(1280, img.getWidth());
        assertEquals(720, img.getHeight());
        assertTrue(distinctColours(img) > 20, "the frame has a picture, not a blank page");
    }

    @Test
    void gifExportHasOneImagePerFrameAndLoops() throws IOException {
        Path out = dir.resolve("steps.gif");
        LessonExporter.export("depthwise", photo, 5, out);
        try (ImageInputStream in = ImageIO.createImageInputStream(out.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(5, reader.getNumImages(true));
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0)
                    .getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode app = (IIOMetadataNode) root.getElementsByTagName("ApplicationExtension").item(0);
            assertNotNull(app, "the first frame carries the loop extension");
            assertEquals("NETSCAPE", app.getAttribute("applicationID"));
            byte[] loop = (byte[]) app.getUserObject();
            assertEquals(1, loop[0]);
            assertEquals(0, loop[1] | loop[2], "loop count 0 = forever");
            BufferedImage first = reader.read(0);
            BufferedImage last = reader.read(4);
            assertFalse(Arrays.equals(pixels(first), pixels(last)), "the frames step through the lesson");
            reader.dispose();
        }
    }

    @Test
    void everyLessonRendersWithoutAToolkit() throws IOException {
        for (var lesson : LessonCatalog.all()) {
            Path out = dir.resolve(lesson.id() + ".png");
            LessonExporter.export(lesson.id(), photo, 1, out);
            assertNotNull(ImageIO.read(out.toFile()), lesson.id());
        }
    }

    @Test
    void writingLeavesNoTemporaryFilesBehind() throws IOException {
        LessonExporter.export("im2col", photo, 2, dir.resolve("im2col.gif"));
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")));
        }
    }

    @Test
    void badRequestsFailWithAClearMessage() {
        var unknown = assertThrows(IllegalArgumentException.class,
                () -> LessonExporter.export("nope", photo, 1, dir.resolve("x.png")));
        assertTrue(unknown.getMessage().contains("nope"));
        assertThrows(IllegalArgumentException.class,
                () -> LessonExporter.export("standard", photo, 0, dir.resolve("x.gif")));
        assertThrows(IllegalArgumentException.class,
                () -> LessonExporter.export("standard", photo, 3, dir.resolve("x.bmp")));
        assertFalse(Files.exists(dir.resolve("x.bmp")));
    }

    private static int distinctColours(BufferedImage img) {
        return (int) Arrays.stream(pixels(img)).distinct().count();
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }
}
