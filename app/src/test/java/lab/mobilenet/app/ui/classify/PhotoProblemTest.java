package lab.mobilenet.app.ui.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import lab.mobilenet.app.ui.concurrent.Background;
import lab.mobilenet.app.ui.i18n.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad files as the real image loader reports them, sorted into the kinds the card can say in the UI's language;
 * every kind has its sentence in English, Chinese and Korean.
 */
class PhotoProblemTest {

    @TempDir
    Path dir;

    private final EngineClassifyBackend backend = new EngineClassifyBackend();

    private PhotoProblem problemOf(Path file) {
        Exception e = assertThrows(Exception.class, () -> backend.decode(file));
        String line = Background.oneLine(e);
        assertTrue(line.startsWith(file.getFileName().toString()), "the line names the file: " + line);
        return PhotoProblem.of(line);
    }

    @Test
    void aTextFileNamedJpgIsNotAnImageFormat() throws IOException {
        Path f = Files.writeString(dir.resolve("notes.jpg"), "hello, this is not a photo");
        assertEquals(PhotoProblem.FORMAT, problemOf(f));
    }

    @Test
    void anEmptyFileIsEmpty() throws IOException {
        assertEquals(PhotoProblem.EMPTY, problemOf(Files.write(dir.resolve("empty.png"), new byte[0])));
    }

    @Test
    void aHeaderClaimingAGiantPictureIsRefusedBeforeDecoding() throws IOException {
        Path f = Files.write(dir.resolve("bomb.png"), pngHeaderOnly(100_000, 100_000));
        assertEquals(PhotoProblem.TOO_LARGE, problemOf(f));
    }

    @Test
    void aPngCutInHalfIsCorrupt() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 64; i++) {
            img.setRGB(i, i, 0xFF00FF);
        }
        ImageIO.write(img, "png", b);
        byte[] all = b.toByteArray();
        Path f = Files.write(dir.resolve("cut.png"), Arrays.copyOf(all, all.length / 2));
        assertEquals(PhotoProblem.CORRUPT, problemOf(f));
    }

    @Test
    void aMissingFileIsMissing() {
        assertEquals(PhotoProblem.MISSING, problemOf(dir.resolve("gone.png")));
    }

    @Test
    void anUnknownReasonIsShownAsTheEnginesLine() {
        assertEquals(PhotoProblem.OTHER, PhotoProblem.of("x.png: something nobody foresaw"));
    }

    @Test
    void everyKindHasASentenceInEveryLanguage() {
        for (Locale l : I18n.SUPPORTED) {
            for (PhotoProblem p : PhotoProblem.values()) {
                if (p != PhotoProblem.OTHER) {
                    assertTrue(lab.mobilenet.app.ui.i18n.Texts.has(l, p.key()), p.key() + " in " + l);
                }
            }
        }
    }

    /** A PNG of the signature, an IHDR claiming {@code w × h} RGB, and IEND. */
    private static byte[] pngHeaderOnly(int w, int h) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(ihdr);
        data.writeInt(w);
        data.writeInt(h);
        data.write(new byte[] {8, 2, 0, 0, 0});
        chunk(out, "IHDR", ihdr.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return bytes.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }
}
