package lab.mobilenet.engine.checkpoint;

import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Reads {@code dtypes.safetensors}, written by {@code tools/make_io_fixtures.py}: float16 patterns must
 * convert exactly as numpy converts them, bfloat16 patterns exactly as torch does (bit for bit, NaN payloads
 * included); entry order, metadata and padding are those of a hub file.
 */
class SafetensorsPythonFixtureTest {

    static Path resource(String name) throws URISyntaxException {
        var url = SafetensorsPythonFixtureTest.class.getResource("/checkpoint/" + name);
        assertNotNull(url, "missing test resource " + name + " (run tools/make_io_fixtures.py)");
        return Path.of(url.toURI());
    }

    @Test
    void headerOrderAndMetadataAreThoseWrittenByPython() throws Exception {
        Path file = resource("dtypes.safetensors");

        assertEquals(List.of("conv.weight", "bn1.num_batches_tracked", "f64", "bf16_as_f32", "f16_bits", "bf16_bits", "f16_as_f32"),
                List.copyOf(SafetensorsReader.readHeader(file).keySet()));
        assertEquals(Map.of("format", "pt"), SafetensorsReader.readMetadata(file));
    }

    @Test
    void halfPatternsConvertExactlyAsNumpyDoes() throws Exception {
        Map<String, TensorData> tensors = SafetensorsReader.read(resource("dtypes.safetensors"));
        assertEquals(640, tensors.get("f16_bits").values().length);
        assertSameBits(tensors.get("f16_as_f32").values(), tensors.get("f16_bits").values());
    }

    @Test
    void bfloat16PatternsConvertExactlyAsTorchDoes() throws Exception {
        Map<String, TensorData> tensors = SafetensorsReader.read(resource("dtypes.safetensors"));
        assertEquals(4096, tensors.get("bf16_bits").values().length);
        assertSameBits(tensors.get("bf16_as_f32").values(), tensors.get("bf16_bits").values());
    }

    @Test
    void scalarCounterFloat64AndFloat32ValuesMatchTheScript() throws Exception {
        Map<String, TensorData> tensors = SafetensorsReader.read(resource("dtypes.safetensors"));

        assertArrayEquals(new long[0], tensors.get("bn1.num_batches_tracked").shape());
        assertArrayEquals(new float[] {12345f}, tensors.get("bn1.num_batches_tracked").values());
        assertArrayEquals(new float[] {(float) 0.1, -2.5f, Float.POSITIVE_INFINITY, Float.MIN_VALUE}, tensors.get("f64").values());
        assertArrayEquals(new long[] {2, 3}, tensors.get("conv.weight").shape());
        assertArrayEquals(new float[] {0f, 0.25f, 0.5f, 0.75f, 1f, 1.25f}, tensors.get("conv.weight").values());
    }

    private static void assertSameBits(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Integer.toHexString(Float.floatToRawIntBits(expected[i])),
                    Integer.toHexString(Float.floatToRawIntBits(actual[i])), "element " + i);
        }
    }
}
