package lab.mobilenet.engine.checkpoint;

import static lab.mobilenet.engine.checkpoint.SafetensorsTestFiles.concat;
import static lab.mobilenet.engine.checkpoint.SafetensorsTestFiles.entry;
import static lab.mobilenet.engine.checkpoint.SafetensorsTestFiles.file;
import static lab.mobilenet.engine.checkpoint.SafetensorsTestFiles.u64;
import static lab.mobilenet.engine.checkpoint.SafetensorsTestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headers whose size is their weapon: hundreds of thousands of entries used to take seconds to refuse.
 * The work is now bounded by the file's own claims (disjoint tensors cannot hold more bytes than the data
 * section) and by an entry count no real checkpoint comes near. Also the headers in the wrong encoding,
 * which used to surface as "cannot read" I/O errors.
 */
class SafetensorsHeaderBoundsTest {
    @TempDir
    Path dir;

    private static String entries(int n, boolean empty) {
        return entries(n, empty, n);
    }

    /** {@code n} one-byte tensors at offsets 0, 1, ... {@code distinct - 1}, 0, 1, ... (or empty ones). */
    private static String entries(int n, boolean empty, int distinct) {
        StringBuilder header = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            header.append(i == 0 ? "" : ",").append(empty ? entry("t" + i, "F32", "[0]", 0, 0)
                    : entry("t" + i, "U8", "[1]", i % distinct, i % distinct + 1));
        }
        return header.append('}').toString();
    }

    private String refused(byte[] bytes) {
        Path path;
        try {
            path = write(dir, "big.safetensors", bytes);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        // a guard against hanging, not a speed test
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(CheckpointFormatException.class,
                () -> SafetensorsReader.readHeader(path))).getMessage();
    }

    @Test
    void entriesClaimingMoreBytesThanTheDataSectionAreRefusedAtTheFirstThatCannotFit() {
        // 200,000 one-byte tensors, but only 100 bytes of data: the 101st cannot be disjoint from the others
        assertEquals("big.safetensors: tensors 't0' [0, 1] and 't100' [0, 1] overlap",
                refused(file(entries(200_000, false, 100), new byte[100])));
    }

    @Test
    void moreEntriesThanAnyCheckpointHasAreRefusedAtTheBound() {
        String message = refused(file(entries(200_000, false), new byte[200_000]));
        assertEquals("big.safetensors: header lists more than 65536 tensors", message);
    }

    @Test
    void aMillionEmptyTensorsAreRefusedAfterTheFirstFewThousand() {
        assertEquals("big.safetensors: header lists more than 4096 empty tensors",
                refused(file(entries(1_000_000, true))));
    }

    @Test
    void aUtf32HeaderWithABadCodeUnitIsAFormatErrorNotAnIoError() {
        ByteBuffer utf32 = ByteBuffer.allocate(12);
        utf32.putInt('{').putInt(0x0011_0000).putInt('}'); // 0x110000 is past the last code point
        String message = refused(concat(u64(12), utf32.array()));
        assertEquals("big.safetensors: header is not UTF-8 text (a zero byte at 0: UTF-16 or UTF-32?)", message);
    }

    @Test
    void aUtf16HeaderIsRefusedAsNotUtf8() {
        byte[] json = "{}".getBytes(StandardCharsets.UTF_16LE);
        assertTrue(refused(concat(u64(json.length), json)).contains("header is not UTF-8 text"));
    }

    @Test
    void aBrokenUtf8SequenceInsideANameIsAFormatError() {
        byte[] json = concat("{\"a".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xC3, 0x28},
                "\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]}}".getBytes(StandardCharsets.US_ASCII));
        String message = refused(concat(u64(json.length), json));
        assertTrue(message.startsWith("big.safetensors: header is not valid"), message);
    }

    @Test
    void aTensorListedTwiceIsRefused() {
        String header = "{" + entry("a", "U8", "[1]", 0, 1) + "," + entry("a", "U8", "[1]", 1, 2) + "}";
        assertTrue(refused(file(header, new byte[2])).startsWith("big.safetensors: header is not valid JSON"));
    }
}
