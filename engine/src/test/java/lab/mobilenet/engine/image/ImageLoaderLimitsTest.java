package lab.mobilenet.engine.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pictures whose header announces too many pixels are refused from the header alone. The crafted
 * files below have a header and no pixel data at all: had the loader tried to decode them it would have
 * failed with a "corrupt" message (or run out of memory), not with the pixel-limit message.
 */
class ImageLoaderLimitsTest {
    @TempDir
    Path dir;

    /** A PNG consisting of the signature, an IHDR chunk claiming {@code w × h} RGB, and IEND. */
    static byte[] pngHeaderOnly(int w, int h) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(ihdr);
        data.writeInt(w);
        data.writeInt(h);
        data.write(new byte[] {8, 2, 0, 0, 0}); // 8-bit, truecolour, deflate, adaptive, no interlace
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

    /** A baseline JPEG made of SOI, a start-of-frame claiming {@code w × h} (3 components), and EOI. */
    static byte[] jpegHeaderOnly(int w, int h) {
        return new byte[] {
            (byte) 0xFF, (byte) 0xD8,                                  // SOI
            (byte) 0xFF, (byte) 0xC0, 0, 17, 8,                        // SOF0, length 17, 8-bit
            (byte) (h >> 8), (byte) h, (byte) (w >> 8), (byte) w, 3,   // height, width, 3 components
            1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1,                        // Y 2x2, Cb, Cr
            (byte) 0xFF, (byte) 0xD9,                                  // EOI
        };
    }

    private ImageDecodeException refused(String name, byte[] content, long maxPixels) throws IOException {
        Path file = Files.write(dir.resolve(name), content);
        return assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(ImageDecodeException.class, () -> ImageLoader.load(file, maxPixels)));
    }

    @Test
    void pngClaiming100000By100000IsRefusedFromItsHeader() throws IOException {
        ImageDecodeException e = refused("huge.png", pngHeaderOnly(100_000, 100_000), ImageLoader.DEFAULT_MAX_PIXELS);
        assertEquals("huge.png: 100000x100000 is 10,000,000,000 pixels, more than the limit of 100,000,000;"
                + " refused before decoding", e.getMessage());
    }

    @Test
    void pngJustOverTheDefaultLimitIsRefused() throws IOException {
        ImageDecodeException e = refused("big.png", pngHeaderOnly(10_001, 10_000), ImageLoader.DEFAULT_MAX_PIXELS);
        assertEquals("big.png: 10001x10000 is 100,010,000 pixels, more than the limit of 100,000,000;"
                + " refused before decoding", e.getMessage());
    }

    @Test
    void jpegClaiming60000By50000IsRefusedFromItsHeader() throws IOException {
        ImageDecodeException e = refused("huge.jpg", jpegHeaderOnly(60_000, 50_000), ImageLoader.DEFAULT_MAX_PIXELS);
        assertEquals("huge.jpg: 60000x50000 is 3,000,000,000 pixels, more than the limit of 100,000,000;"
                + " refused before decoding", e.getMessage());
    }

    @Test
    void limitIsConfigurable() throws Exception {
        Path photo = Fixtures.asset("chelsea.png"); // 451x300 = 135,300 pixels
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> ImageLoader.load(photo, 135_299));
        assertEquals("chelsea.png: 451x300 is 135,300 pixels, more than the limit of 135,299; refused before decoding",
                e.getMessage());
        assertEquals(451, ImageLoader.load(photo, 135_300).width());
    }

    @Test
    void headerUnderTheLimitIsDecodedAndThenFailsAsCorrupt() throws IOException {
        // the same crafted PNG, small enough: now the loader decodes and finds no pixel data
        ImageDecodeException e = refused("small.png", pngHeaderOnly(20, 10), ImageLoader.DEFAULT_MAX_PIXELS);
        assertEquals("small.png: corrupt or truncated PNG data", e.getMessage().replaceAll(" \\(.*\\)$", ""));
    }

    @Test
    void missingFileIsAnIoErrorNotADecodeError() {
        assertThrows(NoSuchFileException.class, () -> ImageLoader.load(dir.resolve("nowhere.png")));
    }

    @Test
    void directoryIsRefusedWithADecodeError() {
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> ImageLoader.load(dir));
        assertEquals(dir.getFileName() + ": is a directory, not an image file", e.getMessage());
    }

    @Test
    void nonPositiveLimitIsAProgrammingError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageLoader.load(dir.resolve("x.png"), 0));
        assertEquals("maxPixels must be positive, got 0", e.getMessage());
    }
}
