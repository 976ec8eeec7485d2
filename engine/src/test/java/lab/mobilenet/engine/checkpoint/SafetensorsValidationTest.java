package lab.mobilenet.engine.checkpoint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static lab.mobilenet.engine.checkpoint.SafetensorsTestFiles.concat;
import static lab.mobilenet.engine.checkpoint.SafetensorsTestFiles.entry;
import static lab.mobilenet.engine.checkpoint.SafetensorsTestFiles.f32;
import static lab.mobilenet.engine.checkpoint.SafetensorsTestFiles.file;
import static lab.mobilenet.engine.checkpoint.SafetensorsTestFiles.rawFile;
import static lab.mobilenet.engine.checkpoint.SafetensorsTestFiles.u64;
import static lab.mobilenet.engine.checkpoint.SafetensorsTestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Damaged and hostile files: each rule of the format is broken once, and each must end in a one-line
 * {@link CheckpointFormatException} naming the file — from both {@code read} and {@code readHeader}.
 */
class SafetensorsValidationTest {

    @TempDir
    Path dir;

    /** Asserts both entry points refuse the file; returns the message after checking its form. */
    private String rejected(byte[] bytes) throws Exception {
        Path path = write(dir, "model.safetensors", bytes);
        CheckpointFormatException fromHeader =
                assertThrows(CheckpointFormatException.class, () -> SafetensorsReader.readHeader(path));
        CheckpointFormatException fromRead =
                assertThrows(CheckpointFormatException.class, () -> SafetensorsReader.read(path));
        String message = fromRead.getMessage();
        assertEquals(fromHeader.getMessage(), message);
        assertTrue(message.startsWith("model.safetensors: "), message);
        assertFalse(message.contains("\n") || message.contains("\r"), message);
        return message;
    }

    private static void assertContains(String expectedPart, String message) {
        assertTrue(message.contains(expectedPart), () -> "expected '" + expectedPart + "' in: " + message);
    }

    @Test
    void offsetsThatDoNotMatchTheShapeAreNamedPrecisely() throws Exception {
        String header = "{" + entry("bn1.weight", "F32", "[16]", 0, 40) + "}";
        String message = rejected(file(header, new byte[64]));
        assertEquals("model.safetensors: tensor 'bn1.weight' data_offsets [0, 40] do not match shape [16] of F32 (64 bytes)",
                message);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7})
    void fileShorterThanTheLengthFieldIsRejected(int size) throws Exception {
        assertContains("too short to hold the 8-byte header length", rejected(new byte[size]));
    }

    @Test
    void headerLengthAbove100MegabytesIsRejectedBeforeAllocating() throws Exception {
        assertContains("header length 100000001 exceeds the limit", rejected(rawFile(100_000_001L, "{}".getBytes())));
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MIN_VALUE, -1L, Long.MAX_VALUE})
    void headerLengthWithTheTopBitSetIsRejected(long declared) throws Exception {
        String message = rejected(rawFile(declared, "{}".getBytes()));
        assertContains("header length " + Long.toUnsignedString(declared) + " exceeds the limit", message);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1})
    void headerShorterThanTwoBytesIsRejected(long declared) throws Exception {
        assertContains("below the minimum of 2 bytes", rejected(rawFile(declared, "{}".getBytes())));
    }

    @Test
    void headerRunningPastTheEndOfTheFileIsRejected() throws Exception {
        String message = rejected(rawFile(1000, "{\"a\":".getBytes()));
        assertContains("header length 1000 runs past the end of the file (13 bytes)", message);
    }

    @Test
    void headerThatIsNotJsonIsRejected() throws Exception {
        assertContains("header is not valid JSON", rejected(file("not json at all")));
    }

    @Test
    void jsonArrayHeaderIsRejected() throws Exception {
        assertContains("header is a JSON array, not a JSON object", rejected(file("[1, 2, 3]")));
    }

    @Test
    void jsonStringHeaderIsRejected() throws Exception {
        assertContains("header is a string, not a JSON object", rejected(file("\"{}\"")));
    }

    @Test
    void whitespaceOnlyHeaderIsRejected() throws Exception {
        assertContains("header is empty, not a JSON object", rejected(file("    ")));
    }

    @Test
    void truncatedJsonIsRejected() throws Exception {
        assertContains("header is not valid JSON", rejected(file("{\"a\":{\"dtype\":\"F32\"")));
    }

    @Test
    void secondJsonValueAfterTheObjectIsRejected() throws Exception {
        assertContains("unexpected content after the header", rejected(file("{} {}")));
    }

    @Test
    void garbageAfterTheObjectIsRejected() throws Exception {
        assertContains("header is not valid JSON", rejected(file("{}xyz")));
    }

    @Test
    void nulPaddingInsteadOfSpacesIsRejected() throws Exception {
        assertContains("header is not valid JSON", rejected(file("{}\0\0\0\0\0\0")));
    }

    @Test
    void duplicateTensorNamesAreRejected() throws Exception {
        String header = "{" + entry("w", "F32", "[1]", 0, 4) + "," + entry("w", "F32", "[1]", 4, 8) + "}";
        assertContains("Duplicate field 'w'", rejected(file(header, f32(1f, 2f))));
    }

    @Test
    void duplicateFieldInsideAnEntryIsRejected() throws Exception {
        String header = "{\"w\":{\"dtype\":\"F32\",\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[0,4]}}";
        assertContains("Duplicate field 'dtype'", rejected(file(header, f32(1f))));
    }

    @Test
    void invalidUtf8InTheHeaderIsRejected() throws Exception {
        byte[] json = concat("{\"w".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xC3, (byte) 0x28},
                "\":{}}".getBytes(StandardCharsets.US_ASCII));
        assertContains("header is not valid JSON", rejected(concat(u64(json.length), json)));
    }

    @Test
    void deeplyNestedJsonIsRejectedWithoutStackOverflow() throws Exception {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        String header = "{\"w\":{\"extra\":" + deep + ",\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}";
        assertContains("header is not valid JSON", rejected(file(header, f32(1f))));
    }

    @Test
    void entryThatIsNotAnObjectIsRejected() throws Exception {
        assertContains("tensor 'w' is a number, not an object", rejected(file("{\"w\":5}")));
    }

    @Test
    void missingDtypeIsRejected() throws Exception {
        assertContains("tensor 'w' has no \"dtype\"", rejected(file("{\"w\":{\"shape\":[1],\"data_offsets\":[0,4]}}", f32(1f))));
    }

    @Test
    void missingShapeIsRejected() throws Exception {
        assertContains("tensor 'w' has no \"shape\"", rejected(file("{\"w\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}}", f32(1f))));
    }

    @Test
    void missingOffsetsAreRejected() throws Exception {
        assertContains("tensor 'w' has no \"data_offsets\"", rejected(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[1]}}", f32(1f))));
    }

    @Test
    void unknownDtypeIsRejected() throws Exception {
        String message = rejected(file("{" + entry("w", "F128", "[1]", 0, 16) + "}", new byte[16]));
        assertContains("tensor 'w' has unknown dtype 'F128' (known: BOOL, U8", message);
    }

    @Test
    void lowerCaseDtypeIsUnknown() throws Exception {
        assertContains("unknown dtype 'f32'", rejected(file("{" + entry("w", "f32", "[1]", 0, 4) + "}", f32(1f))));
    }

    @Test
    void dtypeThatIsNotAStringIsRejected() throws Exception {
        String header = "{\"w\":{\"dtype\":4,\"shape\":[1],\"data_offsets\":[0,4]}}";
        assertContains("tensor 'w' dtype is a number, not a string", rejected(file(header, f32(1f))));
    }

    @Test
    void negativeShapeEntryIsRejected() throws Exception {
        assertContains("tensor 'w' shape entry -1 is negative", rejected(file("{" + entry("w", "F32", "[-1]", 0, 4) + "}", f32(1f))));
    }

    @Test
    void fractionalShapeEntryIsRejected() throws Exception {
        assertContains("tensor 'w' shape contains a number; entries must be non-negative integers",
                rejected(file("{" + entry("w", "F32", "[1.0]", 0, 4) + "}", f32(1f))));
    }

    @Test
    void shapeThatIsNotAnArrayIsRejected() throws Exception {
        assertContains("tensor 'w' shape is a number, not an array", rejected(file("{" + entry("w", "F32", "4", 0, 4) + "}", f32(1f))));
    }

    @Test
    void shapeEntryBeyond64BitsIsRejected() throws Exception {
        String message = rejected(file("{" + entry("w", "F32", "[99999999999999999999999]", 0, 4) + "}", f32(1f)));
        assertContains("tensor 'w' shape entry 99999999999999999999999 does not fit in 64 bits", message);
    }

    @Test
    void shapeWithTooManyDimensionsIsRejected() throws Exception {
        String shape = "[" + "1,".repeat(64) + "1]";
        assertContains("tensor 'w' shape has more than 64 entries", rejected(file("{" + entry("w", "F32", shape, 0, 4) + "}", f32(1f))));
    }

    @Test
    void shapeWhoseElementCountOverflowsIsRejected() throws Exception {
        String message = rejected(file("{" + entry("w", "F32", "[4294967296,4294967296]", 0, 4) + "}", f32(1f)));
        assertContains("tensor 'w' shape [4294967296, 4294967296] of F32 has more bytes than fit in 64 bits", message);
    }

    @Test
    void shapeWhoseByteCountOverflowsIsRejected() throws Exception {
        String message = rejected(file("{" + entry("w", "F64", "[4611686018427387904]", 0, 4) + "}", f32(1f)));
        assertContains("has more bytes than fit in 64 bits", message);
    }

    @Test
    void hugeShapeThatFitsIn64BitsFailsOnTheFileSizeNotOnMemory() throws Exception {
        String header = "{" + entry("w", "F32", "[1000000000000]", 0, 4_000_000_000_000L) + "}";
        assertContains("tensor 'w' data_offsets [0, 4000000000000] run past the end of the data section (4 bytes)",
                rejected(file(header, f32(1f))));
    }

    @Test
    void offsetsWithThreeEntriesAreRejected() throws Exception {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4,8]}}";
        assertContains("tensor 'w' data_offsets has more than 2 entries", rejected(file(header, f32(1f, 2f))));
    }

    @Test
    void offsetsWithOneEntryAreRejected() throws Exception {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4]}}";
        assertContains("tensor 'w' data_offsets [4] must be exactly [begin, end]", rejected(file(header, f32(1f, 2f))));
    }

    @Test
    void negativeOffsetIsRejected() throws Exception {
        assertContains("tensor 'w' data_offsets entry -4 is negative", rejected(file("{" + entry("w", "F32", "[1]", -4, 0) + "}", f32(1f))));
    }

    @Test
    void reversedOffsetsAreRejected() throws Exception {
        assertContains("tensor 'w' data_offsets [4, 0] do not match shape [1] of F32 (4 bytes)",
                rejected(file("{" + entry("w", "F32", "[1]", 4, 0) + "}", f32(1f, 2f))));
    }

    @Test
    void truncatedDataSectionIsRejected() throws Exception {
        String header = "{" + entry("a", "F32", "[2]", 0, 8) + "," + entry("b", "F32", "[2]", 8, 16) + "}";
        String message = rejected(file(header, f32(1f, 2f, 3f)));   // 12 of 16 data bytes
        assertContains("tensor 'b' data_offsets [8, 16] run past the end of the data section (12 bytes); the file may be truncated",
                message);
    }

    @Test
    void overlappingTensorsAreRejected() throws Exception {
        String header = "{" + entry("a", "F32", "[2]", 0, 8) + "," + entry("b", "F32", "[2]", 4, 12) + "}";
        assertContains("tensors 'a' [0, 8] and 'b' [4, 12] overlap", rejected(file(header, f32(1f, 2f, 3f))));
    }

    @Test
    void tensorsSharingTheSameBytesAreRejectedWhateverTheHeaderOrder() throws Exception {
        String header = "{" + entry("b", "F32", "[1]", 4, 8) + "," + entry("a", "F32", "[2]", 0, 8) + "}";
        assertContains("overlap", rejected(file(header, f32(1f, 2f))));
    }

    @Test
    void metadataThatIsNotAnObjectIsRejected() throws Exception {
        assertContains("\"__metadata__\" is a JSON array, not an object of strings", rejected(file("{\"__metadata__\":[]}")));
    }

    @Test
    void metadataWithANonStringValueIsRejected() throws Exception {
        assertContains("\"__metadata__\" entry 'epoch' is a number, not a string",
                rejected(file("{\"__metadata__\":{\"epoch\":3}}")));
    }

    @Test
    void hugeTensorNameIsClippedInTheMessage() throws Exception {
        String name = "x".repeat(10_000);
        String message = rejected(file("{" + entry(name, "F32", "[1]", 0, 8) + "}", f32(1f, 2f)));
        assertTrue(message.length() < 300, "message length " + message.length());
        assertContains("do not match shape [1] of F32 (4 bytes)", message);
    }

    @Test
    void missingFileIsAnIoErrorNotAFormatError() {
        assertThrows(java.nio.file.NoSuchFileException.class, () -> SafetensorsReader.read(dir.resolve("absent.safetensors")));
    }
}
