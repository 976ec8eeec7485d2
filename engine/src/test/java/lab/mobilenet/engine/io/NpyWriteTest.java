package lab.mobilenet.engine.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;

import static lab.mobilenet.engine.io.NpyTestFiles.MAGIC;
import static lab.mobilenet.engine.io.NpyTestFiles.concat;
import static lab.mobilenet.engine.io.NpyTestFiles.f4;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The writer's bytes against a hand-worked layout, round trips, and atomic replacement. */
class NpyWriteTest {

    @TempDir
    Path dir;

    @Test
    void writesTheHandWorkedVersion1Layout() throws Exception {
        Path path = dir.resolve("a.npy");
        Npy.write(path, new long[] {2}, new float[] {1f, -2f});

        // 10-byte preamble + 57-char dict + 60 spaces + newline = 128 bytes, a multiple of 64
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }" + " ".repeat(60) + "\n";
        byte[] expected = concat(MAGIC, new byte[] {1, 0, 118, 0}, header.getBytes(StandardCharsets.US_ASCII),
                new byte[] {0, 0, (byte) 0x80, 0x3F, 0, 0, 0, (byte) 0xC0});
        assertArrayEquals(expected, Files.readAllBytes(path));
    }

    @Test
    void headerEndsWithNewlineOnA64ByteBoundaryForEveryShape() throws Exception {
        long[][] shapes = {{}, {0}, {7}, {1, 2}, {3, 1, 1, 2}, {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}};
        for (long[] shape : shapes) {
            int n = 1;
            for (long d : shape) {
                n *= (int) d;
            }
            Path path = dir.resolve("s.npy");
            Npy.write(path, shape, new float[n]);
            byte[] bytes = Files.readAllBytes(path);
            int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
            int dataStart = 10 + headerLength;
            assertEquals(0, dataStart % 64, "shape of rank " + shape.length);
            assertEquals('\n', bytes[dataStart - 1]);
            assertEquals(dataStart + 4L * n, bytes.length);
        }
    }

    @Test
    void tupleSyntaxFollowsPython() {
        assertEquals("()", Npy.tuple(new long[0]));
        assertEquals("(5,)", Npy.tuple(new long[] {5}));
        assertEquals("(2, 3, 4)", Npy.tuple(new long[] {2, 3, 4}));
    }

    @Test
    void roundTripKeepsShapeAndExactBitsIncludingSpecialValues() throws Exception {
        float[] data = {0f, -0f, 1.5f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NEGATIVE_INFINITY,
                Float.intBitsToFloat(0x7FC0_1234), 3e-5f, -7f, 1f / 3, 2f, 100f};
        Path path = dir.resolve("r.npy");
        Npy.write(path, new long[] {2, 3, 2}, data);

        Npy.NpyArray back = Npy.read(path);

        assertArrayEquals(new long[] {2, 3, 2}, back.shape());
        for (int i = 0; i < data.length; i++) {
            assertEquals(Float.floatToRawIntBits(data[i]), Float.floatToRawIntBits(back.data()[i]), "element " + i);
        }
    }

    @Test
    void roundTripOfScalarEmptyAndLargeArrays() throws Exception {
        Path path = dir.resolve("r.npy");
        Npy.write(path, new long[0], new float[] {9f});
        assertEquals(new Npy.NpyArray(new long[0], new float[] {9f}), Npy.read(path));

        Npy.write(path, new long[] {4, 0}, new float[0]);
        assertEquals(new Npy.NpyArray(new long[] {4, 0}, new float[0]), Npy.read(path));

        float[] big = new float[700_000];   // larger than one 1 MB write chunk
        Random random = new Random(7);
        for (int i = 0; i < big.length; i++) {
            big[i] = (float) random.nextGaussian();
        }
        Npy.write(path, new long[] {700, 1000}, big);
        byte[] bytes = Files.readAllBytes(path);
        ByteBuffer tail = ByteBuffer.wrap(bytes, bytes.length - 4, 4).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(big[big.length - 1], tail.getFloat());
        assertArrayEquals(big, Npy.read(path).data());
    }

    @Test
    void replacesAnExistingFileAndLeavesNoPartFile() throws Exception {
        Path path = dir.resolve("x.npy");
        Files.write(path, "old".getBytes());
        Npy.write(path, new long[] {1}, new float[] {5f});

        assertArrayEquals(new float[] {5f}, Npy.read(path).data());
        assertFalse(Files.exists(dir.resolve("x.npy.part")));
    }

    @Test
    void stalePartFileFromAnEarlierCrashIsOverwritten() throws Exception {
        Path path = dir.resolve("x.npy");
        Files.write(dir.resolve("x.npy.part"), new byte[100_000]);
        Npy.write(path, new long[] {1}, new float[] {5f});

        assertArrayEquals(new float[] {5f}, Npy.read(path).data());
        assertFalse(Files.exists(dir.resolve("x.npy.part")));
    }

    @Test
    void shapeMismatchIsRejectedAndTheOldFileIsUntouched() throws Exception {
        Path path = dir.resolve("x.npy");
        Npy.write(path, new long[] {2}, new float[] {1f, 2f});
        byte[] before = Files.readAllBytes(path);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Npy.write(path, new long[] {2, 2}, new float[] {1f, 2f}));

        assertEquals("shape [2, 2] needs 4 values, got 2", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(path));
        assertFalse(Files.exists(dir.resolve("x.npy.part")));
    }

    @Test
    void negativeDimensionIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Npy.write(dir.resolve("n.npy"), new long[] {-1}, new float[0]));
        assertFalse(Files.exists(dir.resolve("n.npy")));
    }

    @Test
    void failedMoveLeavesTheTargetAndNoPartFile() throws Exception {
        Path target = dir.resolve("busy.npy");
        Files.createDirectory(target);
        Files.write(target.resolve("inside"), f4(1f));   // a non-empty directory cannot be replaced

        assertThrows(IOException.class, () -> Npy.write(target, new long[] {1}, new float[] {1f}));

        assertTrue(Files.isDirectory(target));
        assertTrue(Files.exists(target.resolve("inside")));
        assertFalse(Files.exists(dir.resolve("busy.npy.part")));
    }

    @Test
    void missingDirectoryIsAnIoErrorAndCreatesNothing() {
        Path target = dir.resolve("absent").resolve("a.npy");
        assertThrows(NoSuchFileException.class, () -> Npy.write(target, new long[] {1}, new float[] {1f}));
        assertFalse(Files.exists(dir.resolve("absent")));
    }
}
