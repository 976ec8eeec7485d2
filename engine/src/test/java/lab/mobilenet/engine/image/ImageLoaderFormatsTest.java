package lab.mobilenet.engine.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Awkward inputs decode to the RGB bytes PIL's {@code exif_transpose(...).convert("RGB")} gives
 * (tools/make_preprocess_fixtures.py), and broken files fail with {@link ImageDecodeException}.
 *
 * <p>Measured maximum differences to PIL: 0 for every PNG and the WebP, 0 for the grayscale JPEG,
 * 1 for the CMYK JPEG (TwelveMonkeys' CMYK to RGB rounding), 0 for the EXIF-rotated JPEGs. The allowed
 * tolerances in fixtures.json (1 for JPEG gray, 3 for CMYK, 4 for EXIF JPEGs) only absorb differences
 * between JPEG decoders; a wrong rotation, a lost channel or an ICC conversion is off by tens of levels.
 */
class ImageLoaderFormatsTest {

    static Stream<Arguments> decodable() {
        List<Arguments> list = new ArrayList<>();
        for (JsonNode c : Fixtures.manifest().get("decode")) {
            list.add(Arguments.of(c.get("file").asText().substring("decode/".length()) + " (PIL mode "
                    + c.get("pilMode").asText() + ")", c));
        }
        return list.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decodable")
    void decodesLikePilConvertRgb(String name, JsonNode c) throws Exception {
        RgbImage image = ImageLoader.load(Fixtures.path(c.get("file").asText()));
        assertEquals(c.get("width").asInt(), image.width(), "width");
        assertEquals(c.get("height").asInt(), image.height(), "height");
        byte[] expected = Fixtures.bytes(c.get("expected").asText());
        int diff = Fixtures.maxDiff(expected, image.rgb());
        assertTrue(diff <= c.get("tolerance").asInt(),
                "max |Java - PIL| = " + diff + " > tolerance " + c.get("tolerance").asInt() + ": " + c.get("note").asText());
    }

    static Stream<Arguments> broken() {
        List<Arguments> list = new ArrayList<>();
        for (JsonNode c : Fixtures.manifest().get("broken")) {
            list.add(Arguments.of(c.get("file").asText().substring("decode/".length()), c.get("pilError").asText()));
        }
        return list.stream();
    }

    @ParameterizedTest(name = "{0} (PIL: {1})")
    @MethodSource("broken")
    void brokenFileGivesOneLineDecodeErrorNamingTheFile(String name, String pilError) {
        ImageDecodeException e = assertThrows(ImageDecodeException.class,
                () -> ImageLoader.load(Fixtures.path("decode/" + name)));
        assertTrue(e.getMessage().startsWith(name + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertEquals(name, e.file().getFileName().toString());
    }
}
