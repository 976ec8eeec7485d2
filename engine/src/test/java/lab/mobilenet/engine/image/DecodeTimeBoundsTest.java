package lab.mobilenet.engine.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decoders that do not stop when the data does. A 710-byte lossless WebP whose header was changed to
 * claim 16384×6000 pixels (under the pixel limit) kept TwelveMonkeys' reader busy for up to a minute,
 * reading zero bits past the end; now it is refused as truncated within milliseconds.
 */
class DecodeTimeBoundsTest {
    @TempDir
    Path dir;

    /** lossless.webp (14×12) with its VP8L header rewritten to claim {@code w × h}. */
    static byte[] webpClaiming(int w, int h) {
        byte[] webp = Fixtures.bytes("decode/lossless.webp");
        ByteBuffer header = ByteBuffer.wrap(webp, 21, 4).order(ByteOrder.LITTLE_ENDIAN);
        int bits = header.getInt(21);
        assertEquals(13 | 11 << 14, bits & 0x0FFF_FFFF, "the fixture is the 14x12 VP8L picture");
        header.putInt(21, (bits & 0xF000_0000) | (w - 1) | (h - 1) << 14);
        return webp;
    }

    @Test
    void aSmallWebpClaimingNinetyEightMillionPixelsIsRefusedAsTruncatedAtOnce() throws Exception {
        Path file = Files.write(dir.resolve("claims.webp"), webpClaiming(16_384, 6_000));
        ImageDecodeException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(ImageDecodeException.class, () -> ImageLoader.load(file)));
        assertEquals("claims.webp: truncated data: the 710-byte file ends long before the picture it describes",
                e.getMessage());
    }

    @Test
    void theUnchangedWebpStillDecodes() throws Exception {
        Path file = Files.write(dir.resolve("fine.webp"), webpClaiming(14, 12));
        assertEquals(14, ImageLoader.load(file).width());
    }

    @Test
    void aDecodeOverItsTimeLimitIsRefusedWithTheLimit() {
        ImageDecodeException e = assertThrows(ImageDecodeException.class,
                () -> ImageLoader.load(Fixtures.asset("chelsea.png"), ImageLoader.DEFAULT_MAX_PIXELS, Duration.ZERO));
        assertTrue(e.getMessage().endsWith("decoding took longer than 0 ms; refused"), e.getMessage());
    }

    @Test
    void anInterruptedDecodeStopsWithItsOwnReason() {
        Thread.currentThread().interrupt();
        try {
            ImageDecodeException e = assertThrows(ImageDecodeException.class,
                    () -> ImageLoader.load(Fixtures.asset("chelsea.png")));
            assertTrue(e.getMessage().endsWith("decoding was interrupted; refused"), e.getMessage());
        } finally {
            Thread.interrupted();
        }
    }
}
