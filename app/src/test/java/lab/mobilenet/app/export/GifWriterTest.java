package lab.mobilenet.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Frames are pulled one at a time and encoded before the next is asked for. */
class GifWriterTest {

    @TempDir
    Path dir;

    private static final int[] COLOURS = {0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00};

    @Test
    void eachFrameIsEncodedBeforeTheNextIsRequested() throws IOException {
        // one image reused for every frame: a writer that kept frames until the end would write four blue ones
        BufferedImage canvas = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
        List<Integer> asked = new ArrayList<>();
        Path out = dir.resolve("stream.gif");
        GifWriter.write(COLOURS.length, i -> {
            asked.add(i);
            for (int y = 0; y < 6; y++) {
                for (int x = 0; x < 8; x++) {
                    canvas.setRGB(x, y, COLOURS[i]);
                }
            }
            return canvas;
        }, 100, out);
        assertEquals(List.of(0, 1, 2, 3), asked);
        try (ImageInputStream in = ImageIO.createImageInputStream(out.toFile())) {
            ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
            r.setInput(in);
            assertEquals(4, r.getNumImages(true));
            for (int i = 0; i < COLOURS.length; i++) {
                assertEquals(COLOURS[i], r.read(i).getRGB(3, 3) & 0xFFFFFF, "frame " + i);
            }
            r.dispose();
        }
    }

    @Test
    void zeroFramesIsRefusedAndWritesNothing() {
        Path out = dir.resolve("empty.gif");
        var e = assertThrows(IllegalArgumentException.class,
                () -> GifWriter.write(0, i -> new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), 100, out));
        assertEquals("an animated GIF needs at least one frame", e.getMessage());
        assertEquals(false, Files.exists(out));
    }
}
