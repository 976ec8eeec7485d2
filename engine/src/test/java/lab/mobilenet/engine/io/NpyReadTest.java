package lab.mobilenet.engine.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static lab.mobilenet.engine.io.NpyTestFiles.MAGIC;
import static lab.mobilenet.engine.io.NpyTestFiles.concat;
import static lab.mobilenet.engine.io.NpyTestFiles.dict;
import static lab.mobilenet.engine.io.NpyTestFiles.f2;
import static lab.mobilenet.engine.io.NpyTestFiles.f4;
import static lab.mobilenet.engine.io.NpyTestFiles.f8;
import static lab.mobilenet.engine.io.NpyTestFiles.floats;
import static lab.mobilenet.engine.io.NpyTestFiles.v1;
import static lab.mobilenet.engine.io.NpyTestFiles.v2or3;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-built .npy files: accepted variants decode to the values written; every broken rule is a one-line error. */
class NpyReadTest {

    @TempDir
    Path dir;

    private Npy.NpyArray read(byte[] bytes) throws Exception {
        Path path = dir.resolve("a.npy");
        Files.write(path, bytes);
        return Npy.read(path);
    }

    private String rejected(byte[] bytes) throws Exception {
        Path path = dir.resolve("bad.npy");
        Files.write(path, bytes);
        String message = assertThrows(NpyFormatException.class, () -> Npy.read(path)).getMessage();
        assertTrue(message.startsWith("bad.npy: "), message);
        assertFalse(message.contains("\n"), message);
        return message;
    }

    private static void assertContains(String expectedPart, String message) {
        assertTrue(message.contains(expectedPart), () -> "expected '" + expectedPart + "' in: " + message);
    }

    @Test
    void readsVersion1Float32InCOrder() throws Exception {
        Npy.NpyArray a = read(v1(dict("<f4", "False", "(2, 3)"), f4(1, 2, 3, 4, 5, 6)));
        assertArrayEquals(new long[] {2, 3}, a.shape());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, a.data());
        assertEquals(6, a.elementCount());
    }

    @Test
    void readsVersion2AndVersion3Headers() throws Exception {
        byte[] header = dict("<f4", "False", "(2,)").getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(new float[] {1.5f, -1f}, read(v2or3(2, header, f4(1.5f, -1f))).data());
        assertArrayEquals(new float[] {1.5f, -1f}, read(v2or3(3, header, f4(1.5f, -1f))).data());
    }

    @Test
    void convertsFloat64AndFloat16() throws Exception {
        assertArrayEquals(new float[] {(float) 0.1, -2.5f, Float.POSITIVE_INFINITY},
                read(v1(dict("<f8", "False", "(3,)"), f8(0.1, -2.5, 1e300))).data());
        assertArrayEquals(new float[] {1f, -2f, 65504f, 0x1p-24f, Float.NEGATIVE_INFINITY},
                read(v1(dict("<f2", "False", "(5,)"), f2(0x3C00, 0xC000, 0x7BFF, 0x0001, 0xFC00))).data());
    }

    @Test
    void readsBigEndianFloat32() throws Exception {
        assertArrayEquals(new float[] {1f, -2f}, read(v1(dict(">f4", "False", "(2,)"), floats(ByteOrder.BIG_ENDIAN, 1f, -2f))).data());
    }

    @Test
    void readsZeroDimensionalScalarAndEmptyArray() throws Exception {
        Npy.NpyArray scalar = read(v1(dict("<f4", "False", "()"), f4(42f)));
        assertArrayEquals(new long[0], scalar.shape());
        assertArrayEquals(new float[] {42f}, scalar.data());
        Npy.NpyArray empty = read(v1(dict("<f4", "False", "(0, 3)"), new byte[0]));
        assertArrayEquals(new long[] {0, 3}, empty.shape());
        assertEquals(0, empty.data().length);
    }

    @Test
    void acceptsDoubleQuotesAnyKeyOrderAndNoTrailingComma() throws Exception {
        String header = "{\"shape\": (1,),\"fortran_order\":False ,  \"descr\":\"<f4\"}";
        assertArrayEquals(new float[] {3f}, read(v1(header, f4(3f))).data());
    }

    @Test
    void readsArraysLargerThanOneReadChunk() throws Exception {
        float[] values = new float[600_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 0.25f;
        }
        assertArrayEquals(values, read(v1(dict("<f4", "False", "(600000,)"), f4(values))).data());
    }

    @Test
    void fileShorterThanThePreambleIsRejected() throws Exception {
        assertContains("too short for a .npy preamble", rejected(new byte[] {(byte) 0x93, 'N', 'U'}));
    }

    @Test
    void badMagicIsRejected() throws Exception {
        byte[] bytes = v1(dict("<f4", "False", "(1,)"), f4(1f));
        bytes[1] = 'X';
        assertContains("not a .npy file", rejected(bytes));
    }

    @Test
    void unknownVersionIsRejected() throws Exception {
        byte[] bytes = v1(dict("<f4", "False", "(1,)"), f4(1f));
        bytes[6] = 4;
        assertContains("unsupported .npy format version 4.0", rejected(bytes));
        bytes[6] = 1;
        bytes[7] = 1;
        assertContains("unsupported .npy format version 1.1", rejected(bytes));
    }

    @Test
    void headerLengthPastTheEndOfTheFileIsRejected() throws Exception {
        byte[] bytes = concat(MAGIC, new byte[] {1, 0, (byte) 0xFF, (byte) 0xFF}, "{'descr'".getBytes());
        assertContains("header length 65535 runs past the end of the file (18 bytes)", rejected(bytes));
    }

    @Test
    void hugeVersion2HeaderLengthIsRejectedBeforeAllocating() throws Exception {
        byte[] bytes = concat(MAGIC, new byte[] {2, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, "{}".getBytes());
        assertContains("header length 4294967295 exceeds the limit", rejected(bytes));
    }

    @Test
    void headerThatIsNotADictIsRejected() throws Exception {
        assertContains("header is not a valid numpy header dict: expected '{'", rejected(v1("[1, 2]\n", f4(1f))));
    }

    @Test
    void missingAndExtraKeysAreRejected() throws Exception {
        assertContains("are not exactly 'descr', 'fortran_order', 'shape'",
                rejected(v1("{'descr': '<f4', 'shape': (1,), }\n", f4(1f))));
        assertContains("are not exactly 'descr', 'fortran_order', 'shape'",
                rejected(v1("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'x': True}\n", f4(1f))));
    }

    @Test
    void duplicateKeyIsRejected() throws Exception {
        assertContains("duplicate key 'descr'",
                rejected(v1("{'descr': '<f4', 'descr': '<f8', 'fortran_order': False, 'shape': (1,)}\n", f4(1f))));
    }

    @Test
    void unsupportedDtypesAreRejected() throws Exception {
        assertContains("dtype '<i4' is not supported", rejected(v1(dict("<i4", "False", "(1,)"), f4(1f))));
        assertContains("dtype '|f4' has no byte order", rejected(v1(dict("|f4", "False", "(1,)"), f4(1f))));
        assertContains("'descr' is not a simple dtype string",
                rejected(v1("{'descr': (1,), 'fortran_order': False, 'shape': (1,)}\n", f4(1f))));
    }

    @Test
    void fortranOrderIsRejectedWithAHint() throws Exception {
        assertContains("fortran_order is True; only C-order arrays are supported",
                rejected(v1(dict("<f4", "True", "(2, 2)"), f4(1, 2, 3, 4))));
    }

    @Test
    void fortranOrderThatIsNotABooleanIsRejected() throws Exception {
        assertContains("'fortran_order' is not True or False", rejected(v1(dict("<f4", "'no'", "(1,)"), f4(1f))));
    }

    @Test
    void parenthesisedNumberIsNotATuple() throws Exception {
        assertContains("a one-element shape is written '(n,)'", rejected(v1(dict("<f4", "False", "(3)"), f4(1, 2, 3))));
    }

    @Test
    void negativeDimensionIsRejected() throws Exception {
        assertContains("expected a non-negative integer", rejected(v1(dict("<f4", "False", "(-1,)"), f4(1f))));
    }

    @Test
    void dimensionBeyond64BitsIsRejected() throws Exception {
        assertContains("integer does not fit in 64 bits", rejected(v1(dict("<f4", "False", "(99999999999999999999,)"), f4(1f))));
    }

    @Test
    void elementCountOverflowIsRejected() throws Exception {
        assertContains("shape (4294967296, 4294967296) has more elements than fit in 64 bits",
                rejected(v1(dict("<f4", "False", "(4294967296, 4294967296)"), f4(1f))));
    }

    @Test
    void tooManyDimensionsAreRejected() throws Exception {
        assertContains("tuple has more than 64 entries", rejected(v1(dict("<f4", "False", "(" + "1, ".repeat(65) + ")"), f4(1f))));
    }

    @Test
    void arrayTooLargeForJavaIsRefusedBeforeAllocating() throws Exception {
        String message = rejected(v1(dict("<f4", "False", "(2147483648,)"), f4(1f)));
        assertContains("has 2147483648 elements, more than one Java array can hold", message);
    }

    @Test
    void truncatedDataIsRejected() throws Exception {
        assertContains("data is 8 bytes but shape (2, 2) of <f4 needs 16 bytes; the file is truncated",
                rejected(v1(dict("<f4", "False", "(2, 2)"), f4(1, 2))));
    }

    @Test
    void trailingBytesAreRejected() throws Exception {
        assertContains("data is 12 bytes but shape (2,) of <f4 needs 8 bytes; the file has trailing bytes",
                rejected(v1(dict("<f4", "False", "(2,)"), f4(1, 2, 3))));
    }

    @Test
    void textAfterTheDictIsRejected() throws Exception {
        assertContains("unexpected text after the closing '}'",
                rejected(v1(dict("<f4", "False", "(1,)") + "junk", f4(1f))));
    }

    @Test
    void unterminatedStringIsRejected() throws Exception {
        assertContains("unterminated string", rejected(v1("{'descr': '<f4", new byte[0])));
    }

    @Test
    void invalidUtf8InAVersion3HeaderIsRejected() throws Exception {
        byte[] header = concat("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), '".getBytes(),
                new byte[] {(byte) 0xC3, (byte) 0x28}, "': 1}\n".getBytes());
        assertContains("version 3.0 header is not valid UTF-8", rejected(v2or3(3, header, f4(1f))));
    }

    @Test
    void sparseHugeFileWithAValidHeaderIsStillBoundedByTheElementLimit() throws Exception {
        Path path = dir.resolve("bad.npy");
        Files.write(path, v1(dict("<f2", "False", "(3000000000,)"), new byte[0]));
        try (RandomAccessFile raf = new RandomAccessFile(path.toFile(), "rw")) {
            raf.setLength(raf.length() + 6_000_000_000L);   // sparse: the sizes agree, nothing is written
        }
        String message = assertThrows(NpyFormatException.class, () -> Npy.read(path)).getMessage();
        assertContains("more than one Java array can hold", message);
    }
}
