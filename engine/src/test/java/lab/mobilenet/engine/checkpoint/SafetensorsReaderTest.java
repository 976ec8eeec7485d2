package lab.mobilenet.engine.checkpoint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static lab.mobilenet.engine.checkpoint.SafetensorsTestFiles.concat;
import static lab.mobilenet.engine.checkpoint.SafetensorsTestFiles.entry;
import static lab.mobilenet.engine.checkpoint.SafetensorsTestFiles.f32;
import static lab.mobilenet.engine.checkpoint.SafetensorsTestFiles.f64;
import static lab.mobilenet.engine.checkpoint.SafetensorsTestFiles.file;
import static lab.mobilenet.engine.checkpoint.SafetensorsTestFiles.i64;
import static lab.mobilenet.engine.checkpoint.SafetensorsTestFiles.u16;
import static lab.mobilenet.engine.checkpoint.SafetensorsTestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Well-formed files, built byte by byte: values, shapes, order and conversions come out as written. */
class SafetensorsReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsTensorsInHeaderOrderUsingOffsetsNotDataOrder() throws Exception {
        // data holds b first, then a; the header lists a first
        String header = "{" + entry("a", "F32", "[2,2]", 8, 24) + "," + entry("b", "F32", "[2]", 0, 8) + "}";
        Path path = write(dir, "m.safetensors", file(header, f32(10f, 20f), f32(1f, 2f, 3f, 4f)));

        Map<String, TensorData> tensors = SafetensorsReader.read(path);

        assertEquals(List.of("a", "b"), List.copyOf(tensors.keySet()));
        TensorData a = tensors.get("a");
        assertEquals("F32", a.dtype());
        assertArrayEquals(new long[] {2, 2}, a.shape());
        assertArrayEquals(new float[] {1f, 2f, 3f, 4f}, a.values());
        assertEquals(4, a.elementCount());
        assertArrayEquals(new float[] {10f, 20f}, tensors.get("b").values());
    }

    @Test
    void skipsMetadataAndAcceptsSpacePaddedHeader() throws Exception {
        String header = "{\"__metadata__\":{\"format\":\"pt\"}," + entry("w", "F32", "[1]", 0, 4) + "}      ";
        Path path = write(dir, "m.safetensors", file(header, f32(7.5f)));

        Map<String, TensorData> tensors = SafetensorsReader.read(path);

        assertEquals(List.of("w"), List.copyOf(tensors.keySet()));
        assertArrayEquals(new float[] {7.5f}, tensors.get("w").values());
        assertEquals(Map.of("format", "pt"), SafetensorsReader.readMetadata(path));
    }

    @Test
    void convertsHalfAndBfloat16ToFloatOnLoad() throws Exception {
        String header = "{" + entry("h", "F16", "[5]", 0, 10) + "," + entry("b", "BF16", "[3]", 10, 16) + "}";
        byte[] half = u16(0x3C00, 0xC000, 0x7BFF, 0x0001, 0x7C00);   // 1, -2, 65504, 2^-24, +inf
        byte[] bf16 = u16(0x3F80, 0xC000, 0x4049);                   // 1, -2, 3.140625
        Path path = write(dir, "m.safetensors", file(header, half, bf16));

        Map<String, TensorData> tensors = SafetensorsReader.read(path);

        assertEquals("F16", tensors.get("h").dtype());
        assertArrayEquals(new float[] {1f, -2f, 65504f, 0x1p-24f, Float.POSITIVE_INFINITY}, tensors.get("h").values());
        assertEquals("BF16", tensors.get("b").dtype());
        assertArrayEquals(new float[] {1f, -2f, 3.140625f}, tensors.get("b").values());
    }

    @Test
    void convertsI64ScalarAndF64AndSmallIntegerTypes() throws Exception {
        String header = "{" + entry("bn.num_batches_tracked", "I64", "[]", 0, 8) + ","
                + entry("d", "F64", "[3]", 8, 32) + ","
                + entry("u", "U8", "[2]", 32, 34) + ","
                + entry("i", "I8", "[2]", 34, 36) + ","
                + entry("s", "I16", "[1]", 36, 38) + ","
                + entry("q", "BOOL", "[2]", 38, 40) + "}";
        byte[] data = concat(i64(12345), f64(0.1, -2.5, 1e300), SafetensorsTestFiles.bytes(200, 7, -3, 127, 0x18, 0xFC, 0, 1));
        Path path = write(dir, "m.safetensors", file(header, data));

        Map<String, TensorData> tensors = SafetensorsReader.read(path);

        TensorData counter = tensors.get("bn.num_batches_tracked");
        assertEquals("I64", counter.dtype());
        assertArrayEquals(new long[0], counter.shape());
        assertArrayEquals(new float[] {12345f}, counter.values());
        assertArrayEquals(new float[] {(float) 0.1, -2.5f, Float.POSITIVE_INFINITY}, tensors.get("d").values());
        assertArrayEquals(new float[] {200f, 7f}, tensors.get("u").values());
        assertArrayEquals(new float[] {-3f, 127f}, tensors.get("i").values());
        assertArrayEquals(new float[] {-1000f}, tensors.get("s").values());
        assertArrayEquals(new float[] {0f, 1f}, tensors.get("q").values());
    }

    @Test
    void convertsUnsigned64BitValuesAboveLongMax() throws Exception {
        String header = "{" + entry("u", "U64", "[2]", 0, 16) + "}";
        Path path = write(dir, "m.safetensors", file(header, i64(-1L, 1L << 63)));

        float[] values = SafetensorsReader.read(path).get("u").values();

        assertArrayEquals(new float[] {0x1p64f, 0x1p63f}, values);
    }

    @Test
    void readHeaderReturnsDtypeShapeAndOffsetsWithoutData() throws Exception {
        String header = "{" + entry("conv.weight", "F16", "[2,1,3,3]", 0, 36) + "," + entry("bn.bias", "F32", "[2]", 36, 44) + "}";
        Path path = write(dir, "m.safetensors", file(header, new byte[44]));

        Map<String, TensorInfo> infos = SafetensorsReader.readHeader(path);

        assertEquals(List.of("conv.weight", "bn.bias"), List.copyOf(infos.keySet()));
        assertEquals(new TensorInfo("conv.weight", SafetensorsDtype.F16, new long[] {2, 1, 3, 3}, 0, 36), infos.get("conv.weight"));
        assertEquals(18, infos.get("conv.weight").elementCount());
        assertEquals(8, infos.get("bn.bias").byteLength());
    }

    @Test
    void filterSkipsUnwantedTensorsButStillValidatesThem() throws Exception {
        String header = "{" + entry("bn.weight", "F32", "[1]", 0, 4) + "," + entry("bn.num_batches_tracked", "I64", "[]", 4, 12) + "}";
        Path path = write(dir, "m.safetensors", file(header, f32(3f), i64(5)));

        Map<String, TensorData> tensors = SafetensorsReader.read(path, name -> !name.endsWith(".num_batches_tracked"));

        assertEquals(List.of("bn.weight"), List.copyOf(tensors.keySet()));
    }

    @Test
    void emptyTensorsHaveNoValuesAndMayShareAnOffset() throws Exception {
        String header = "{" + entry("e", "F32", "[0,3]", 4, 4) + "," + entry("w", "F32", "[1]", 0, 4) + ","
                + entry("e2", "F64", "[0]", 2, 2) + "}";
        Path path = write(dir, "m.safetensors", file(header, f32(1f)));

        Map<String, TensorData> tensors = SafetensorsReader.read(path);

        assertEquals(0, tensors.get("e").values().length);
        assertArrayEquals(new long[] {0, 3}, tensors.get("e").shape());
        assertEquals(0, tensors.get("e2").values().length);
    }

    @Test
    void emptyHeaderObjectIsAnEmptyCheckpoint() throws Exception {
        Path path = write(dir, "m.safetensors", file("{}"));

        assertTrue(SafetensorsReader.read(path).isEmpty());
    }

    @Test
    void readsTensorsLargerThanOneReadChunk() throws Exception {
        int n = 700_000;   // 2.8 MB of F32 and 1.4 MB of F16: several 1 MB chunks each
        float[] expected = new float[n];
        int[] halves = new int[n];
        for (int i = 0; i < n; i++) {
            expected[i] = (i % 1000) * 0.5f;
            halves[i] = 0x3800 + (i % 7);    // 0.5 + (i%7)/2048, exact in half precision
        }
        String header = "{" + entry("big", "F32", "[700,1000]", 0, 4L * n) + ","
                + entry("half", "F16", "[" + n + "]", 4L * n, 6L * n) + "}";
        Path path = write(dir, "m.safetensors", file(header, f32(expected), u16(halves)));

        Map<String, TensorData> tensors = SafetensorsReader.read(path);

        assertArrayEquals(expected, tensors.get("big").values());
        float[] half = tensors.get("half").values();
        for (int i = 0; i < n; i++) {
            assertEquals(0.5f + (i % 7) / 2048f, half[i], "element " + i);
        }
    }

    @Test
    void tensorTooLargeForAJavaArrayIsRefusedBeforeAllocating() throws Exception {
        long elements = 1L << 31;   // one more than fits in an int
        String header = "{" + entry("huge", "I8", "[" + elements + "]", 0, elements) + "}";
        Path path = write(dir, "huge.safetensors", file(header));
        try (RandomAccessFile raf = new RandomAccessFile(path.toFile(), "rw")) {
            raf.setLength(raf.length() + elements);   // sparse: no disk blocks are written
        }

        assertEquals(elements, SafetensorsReader.readHeader(path).get("huge").elementCount());
        CheckpointFormatException e = assertThrows(CheckpointFormatException.class, () -> SafetensorsReader.read(path));
        assertEquals("huge.safetensors: tensor 'huge' has 2147483648 elements, more than one Java array can hold", e.getMessage());
    }
}
