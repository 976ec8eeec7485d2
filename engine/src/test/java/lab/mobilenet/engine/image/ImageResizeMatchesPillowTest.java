package lab.mobilenet.engine.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pillow-exact bicubic resampling, checked on noise (worst case for rounding and clamping). */
class ImageResizeMatchesPillowTest {

    static Stream<Arguments> cases() {
        List<Arguments> list = new ArrayList<>();
        for (JsonNode c : Fixtures.manifest().get("resize")) {
            String name = c.get("inputWidth").asInt() + "x" + c.get("inputHeight").asInt() + " -> "
                    + c.get("outputWidth").asInt() + "x" + c.get("outputHeight").asInt() + " (" + c.get("kind").asText() + ")";
            list.add(Arguments.of(name, c));
        }
        return list.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resizeOfNoiseEqualsPillowBitForBit(String name, JsonNode c) {
        RgbImage input = RgbImage.of(c.get("inputWidth").asInt(), c.get("inputHeight").asInt(),
                Fixtures.bytes(c.get("input").asText()));
        RgbImage out = c.get("kind").asText().equals("shorter")
                ? Preprocessor.resizeShorterSide(input, c.get("shorter").asInt())
                : Preprocessor.resize(input, c.get("outputWidth").asInt(), c.get("outputHeight").asInt());
        assertEquals(c.get("outputWidth").asInt(), out.width());
        assertEquals(c.get("outputHeight").asInt(), out.height());
        byte[] expected = Fixtures.bytes(c.get("output").asText());
        assertEquals(0, Fixtures.maxDiff(expected, out.rgb()), "max |Java - Pillow|");
    }

    @Test
    void kernelHasCatmullRomValuesForAMinusHalf() {
        // hand-worked from the cubic convolution kernel with a = -0.5 (delta 0 also accepts -0.0)
        assertEquals(1.0, PilBicubic.kernel(0.0), 0.0);
        assertEquals(0.5625, PilBicubic.kernel(0.5), 0.0);
        assertEquals(0.5625, PilBicubic.kernel(-0.5), 0.0);
        assertEquals(0.0, PilBicubic.kernel(1.0), 0.0);
        assertEquals(-0.0625, PilBicubic.kernel(1.5), 0.0);
        assertEquals(0.0, PilBicubic.kernel(2.0), 0.0);
        assertEquals(0.0, PilBicubic.kernel(3.7), 0.0);
    }

    @Test
    void halvingStretchesTheKernelToFourInputPixelsEachSide() {
        // 8 -> 4: scale 2, support 4 input pixels, output 1 is centred at input 3.0
        PilBicubic.Weights w = PilBicubic.weights(8, 4);
        assertEquals(8, w.taps()); // Pillow's 2 * 4 + 1 taps, clamped to the 8 samples of the line
        assertEquals(0, w.first()[1]);
        assertEquals(7, w.count()[1]); // inputs 0..6; input 7 lies exactly at the support edge
        // the kernel evaluated at distances (k + 0.5 - 3) / 2 for k = 0..6, normalised to sum 1
        double[] raw = new double[7];
        double sum = 0;
        for (int k = 0; k < 7; k++) {
            raw[k] = PilBicubic.kernel((k + 0.5 - 3.0) / 2);
            sum += raw[k];
        }
        for (int k = 0; k < 7; k++) {
            assertEquals(Math.round(raw[k] / sum * (1 << 22)), w.weights()[w.taps() + k], 1.0, "tap " + k);
        }
    }

    @Test
    void flatImageStaysFlatWhenShrunkAndEnlarged() {
        byte[] grey = new byte[3 * 31 * 17];
        java.util.Arrays.fill(grey, (byte) 200);
        RgbImage flat = RgbImage.of(31, 17, grey);
        for (int[] size : new int[][] {{7, 5}, {100, 60}, {31, 40}, {12, 17}}) {
            RgbImage out = Preprocessor.resize(flat, size[0], size[1]);
            byte[] expected = new byte[3 * size[0] * size[1]];
            java.util.Arrays.fill(expected, (byte) 200);
            assertArrayEquals(expected, out.rgb(), size[0] + "x" + size[1]);
        }
    }

    @Test
    void sameSizeIsReturnedUnchanged() {
        RgbImage image = RgbImage.of(2, 1, new byte[] {1, 2, 3, 4, 5, 6});
        assertSame(image, Preprocessor.resize(image, 2, 1));
    }

    @Test
    void nonPositiveTargetIsRefused() {
        RgbImage image = RgbImage.of(2, 1, new byte[] {1, 2, 3, 4, 5, 6});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Preprocessor.resize(image, 0, 3));
        assertEquals("resize target must be positive, got 0x3", e.getMessage());
    }
}
