package lab.mobilenet.engine.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End-to-end parity with timm's evaluation transform as PIL + torchvision compute it
 * (tools/make_preprocess_fixtures.py): decode an assets photo, resize the shorter side to 256 with
 * Pillow's bicubic, centre-crop 224, normalise.
 *
 * <p>Measured: the 224×224 uint8 crops are identical to PIL's (max difference 0, 0 differing bytes)
 * for chelsea.png (RGB PNG), rocket.jpg (JPEG with an Adobe RGB profile), coins.png (grayscale PNG)
 * and hubble_deep_field.jpg, and the float tensors equal torchvision's bit for bit. The tests therefore
 * demand exact equality.
 */
class PreprocessParityWithTorchvisionTest {

    static Stream<Arguments> photos() {
        List<Arguments> list = new ArrayList<>();
        Fixtures.manifest().get("parity").forEach(e -> list.add(Arguments.of(e.get("source").asText(), e)));
        return list.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("photos")
    void cropOfAssetPhotoEqualsTorchvisionCrop(String source, JsonNode entry) throws Exception {
        RgbImage photo = ImageLoader.load(Fixtures.asset(source));
        assertEquals(entry.get("sourceWidth").asInt(), photo.width());
        assertEquals(entry.get("sourceHeight").asInt(), photo.height());

        RgbImage resized = Preprocessor.resizeShorterSide(photo, 256);
        assertEquals(entry.get("resizedWidth").asInt(), resized.width(), "resized width");
        assertEquals(entry.get("resizedHeight").asInt(), resized.height(), "resized height");

        RgbImage crop = Preprocessor.crop(photo, PreprocessConfig.imagenet());
        byte[] expected = Fixtures.pngRgb(entry.get("crop").asText(), 224, 224);
        byte[] actual = crop.rgb();
        assertEquals(0, Fixtures.maxDiff(expected, actual), "max |Java - PIL| over the 224x224x3 crop");
        assertEquals(0, Fixtures.countDiffering(expected, actual), "bytes differing from PIL's crop");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("photos")
    void tensorEqualsTorchvisionForBothNormalisations(String source, JsonNode entry) throws Exception {
        RgbImage photo = ImageLoader.load(Fixtures.asset(source));
        checkTensor(entry.get("tensor").get("imagenet"), Preprocessor.toTensor(photo, PreprocessConfig.imagenet()));
        checkTensor(entry.get("tensor").get("inception"), Preprocessor.toTensor(photo, PreprocessConfig.inception()));
    }

    private static void checkTensor(JsonNode reference, float[] tensor) {
        assertEquals(3 * 224 * 224, tensor.length);
        double sum = 0;
        double squares = 0;
        for (float v : tensor) {
            sum += v;
            squares += (double) v * v;
        }
        // summation order differs from torch's, so compare sums to 1e-9 relative, values exactly
        assertEquals(reference.get("sum").asDouble(), sum, 1e-9 * Math.max(1, Math.abs(sum)), "sum");
        assertEquals(reference.get("sumOfSquares").asDouble(), squares, 1e-9 * squares, "sum of squares");
        List<Float> expected = new ArrayList<>();
        List<Float> actual = new ArrayList<>();
        for (JsonNode s : reference.get("samples")) {
            int c = s.get(0).asInt();
            int y = s.get(1).asInt();
            int x = s.get(2).asInt();
            expected.add((float) s.get(3).asDouble());
            actual.add(tensor[(c * 224 + y) * 224 + x]);
        }
        assertArrayEquals(expected.toArray(), actual.toArray(), "tensor values at the sampled (c, y, x)");
    }
}
