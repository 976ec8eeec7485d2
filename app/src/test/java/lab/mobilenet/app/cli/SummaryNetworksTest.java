package lab.mobilenet.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code summary} for the networks that are not MobileNets: Xception, and Keras-style nets a student writes. */
class SummaryNetworksTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void xceptionDefaultsTo299AndHasThePapersParameterCount() throws Exception {
        assertEquals(0, run("summary", "--model", "legacy_xception", "--format", "json"), err.toString());
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertEquals("legacy_xception", j.get("model").asText());
        assertEquals(299, j.get("resolution").asInt());
        assertEquals(22_855_952, j.get("params").asLong());
        // forward hooks on the PyTorch reference (tools/make_xception_fixture.py) count 8,357,403,496
        assertEquals(8_357_403_496L, j.get("macs").asLong());
        JsonNode first = j.get("layers").get(0);
        assertEquals("conv1", first.get("name").asText());
        assertEquals("stem", first.get("block").asText());
        assertEquals("[1,32,149,149]", first.get("outputShape").toString()); // 3×3 stride 2, no padding
    }

    @Test
    void helpListsTheFamiliesFromTheEngineData() {
        assertEquals(0, run("summary", "--help"));
        String help = out.toString();
        assertTrue(help.contains("legacy_xception"), help);
        assertTrue(help.contains("mobilenetv3_small"), help);
        assertTrue(help.contains("keras_separable_example"), help);
    }

    @Test
    void kerasExampleLooksLikeModelSummaryWithTheStandardTwinBeside() {
        assertEquals(0, run("summary", "--model", "keras_separable_example"), err.toString());
        String s = out.toString();
        assertTrue(s.contains("Model: \"keras_separable_example\""), s);
        assertTrue(s.matches("(?s).*separable_conv2d \\(SeparableConv2D\\)\\s+\\(None, 62, 62, 32\\)\\s+155 .*"), s);
        // 155 + 2,400 + 8,896 + 1,290 (hand-worked in KerasModelTest)
        assertTrue(s.contains("Total params: 12,741 (49.77 KB)"), s);
        // 896 + 18,496 + 73,856 + 1,290
        assertTrue(s.contains("conv2d (Conv2D)"), s);
        assertTrue(s.contains("Total params: 94,538"), s);
        assertTrue(s.contains("Separable against standard: 12,741 against 94,538 params (13.5 %)"), s);
    }

    @Test
    void aModelFileIsReadAndItsMistakesAreOneLine(@TempDir Path tmp) throws Exception {
        Path net = tmp.resolve("mine.txt");
        Files.writeString(net, "Input(shape=(32, 32, 3))\nSeparableConv2D(16, 3, activation='relu')\n"
                + "GlobalAveragePooling2D()\nDense(2)\n");
        assertEquals(0, run("summary", "--model-file", net.toString()), err.toString());
        // 3·3·3 + 3·16 + 16 = 91; 16·2 + 2 = 34
        assertTrue(out.toString().contains("Total params: 125 (500 Byte)"), out.toString());

        Path bad = tmp.resolve("bad.txt");
        Files.writeString(bad, "Input(shape=(32, 32, 3))\nSeparableConv2D(16, 3, padding='full')\n");
        assertEquals(2, run("summary", "--model-file", bad.toString()));
        assertTrue(err.toString().startsWith("error: " + bad + ": line 2: padding must be"), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
    }

    @Test
    void aNetThatShrinksBelowItsKernelIsOneLine(@TempDir Path tmp) throws Exception {
        Path net = tmp.resolve("deep.txt");
        Files.writeString(net, "Input(shape=(8, 8, 3))\nSeparableConv2D(4, 3)\nMaxPooling2D()\nSeparableConv2D(4, 3)\nSeparableConv2D(4, 3)\n");
        assertEquals(2, run("summary", "--model-file", net.toString()));
        assertTrue(err.toString().startsWith("error: deep: separable_conv2d_2: "), err.toString());
    }
}
