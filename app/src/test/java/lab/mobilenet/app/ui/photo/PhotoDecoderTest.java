package lab.mobilenet.app.ui.photo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import lab.mobilenet.engine.image.RgbImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhotoDecoderTest {

    @TempDir
    Path dir;

    @Test
    void greyPhotoBecomesThreeEqualChannelsScaledToOne() throws IOException {
        BufferedImage img = new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSample(1, 0, 0, 51);
        Path f = dir.resolve("grey.png");
        ImageIO.write(img, "png", f.toFile());
        Photo p = PhotoDecoder.decode(f);
        assertEquals(3, p.planes().channels());
        for (int c = 0; c < 3; c++) {
            assertEquals(0.2f, p.planes().get(c, 0, 1), 1e-6f, "51/255 in channel " + c);
            assertEquals(0f, p.planes().get(c, 1, 3), 0f);
        }
    }

    @Test
    void largePhotoIsShrunkToTheWorkingSideKeepingItsShape() throws IOException {
        Path f = dir.resolve("big.png");
        ImageIO.write(new BufferedImage(1024, 512, BufferedImage.TYPE_INT_RGB), "png", f.toFile());
        Photo p = PhotoDecoder.decode(f);
        assertEquals(256, p.planes().width());
        assertEquals(128, p.planes().height());
    }

    @Test
    void corruptFileGivesOneLineNamingTheFile() throws IOException {
        Path f = dir.resolve("broken.png");
        Files.write(f, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0});
        PhotoException e = assertThrows(PhotoException.class, () -> PhotoDecoder.decode(f));
        assertTrue(e.getMessage().contains("broken.png"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void missingFileSaysSo() {
        PhotoException e = assertThrows(PhotoException.class, () -> PhotoDecoder.decode(dir.resolve("nope.jpg")));
        assertTrue(e.getMessage().contains("nope.jpg"));
    }

    @Test
    void everyBundledPhotoDecodes() {
        for (String name : BundledPhotos.NAMES) {
            Photo p = BundledPhotos.load(name);
            assertEquals(name, p.name());
            assertEquals(PhotoDecoder.WORKING_SIDE, Math.max(p.planes().width(), p.planes().height()), name);
        }
    }

    @Test
    void aBundledPhotoHasTheEngineLoadersPixelsByteForByte() throws Exception {
        // rocket.jpg: ImageIO's JPEG decoder and the engine's loader disagree on most bytes; the lessons must see
        // what classify (and timm) see
        RgbImage engine = lab.mobilenet.engine.image.ImageLoader.load(Path.of("../assets/images/rocket.jpg"));
        Photo bundled = BundledPhotos.load("rocket.jpg");
        assertEquals(engine.width(), bundled.full().width());
        assertEquals(engine.height(), bundled.full().height());
        assertTrue(java.util.Arrays.equals(engine.rgb(), bundled.full().rgb()), "same pixels");
    }

    @Test
    void aBrokenStreamNamesThePhotoNotTheTemporaryFile() {
        PhotoException e = assertThrows(PhotoException.class, () -> PhotoDecoder.decode("holiday.jpg",
                new java.io.ByteArrayInputStream("not a picture".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("holiday.jpg"), e.getMessage());
        assertFalse(e.getMessage().contains("mobilenet-lab-photo-"), e.getMessage());
    }
}
