package lab.mobilenet.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lab.mobilenet.engine.io.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inspect} against the PyTorch forward-hook reference written by {@code tools/make_inspect_fixtures.py}
 * (the engine's v2_035 fixture: MobileNetV2 α 0.35, 10 classes, 96×96), and its contract with {@code summary}.
 */
class InspectCommandTest {

    private static final Path CASE = Path.of("../engine/src/test/resources/reference/v2_035");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path home;

    /** Runs with empty, offline weight folders, so a cache on the machine running the tests changes nothing. */
    private int run(String... args) {
        return Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), CliTestEnv.offline(home), args);
    }

    @Test
    void statisticsAndDumpsEqualPyTorchsHookedModuleOutputs(@TempDir Path tmp) throws Exception {
        JsonNode ref = JSON.readTree(CASE.resolve("inspect/stats.json").toFile());
        List<String> dumped = List.of("bn1", "blocks.1.1.bn2", "blocks.3", "conv_head", "global_pool");
        String[] base = {"inspect", "-m", "mobilenetv2", "-w", "0.35", "--classes", "10",
                "--weights", CASE.resolve("model.safetensors").toString(),
                "--input-tensor", CASE.resolve("input.npy").toString(), "--format", "json"};
        String[] args = new String[base.length + 2 * dumped.size()];
        System.arraycopy(base, 0, args, 0, base.length);
        for (int i = 0; i < dumped.size(); i++) {
            args[base.length + 2 * i] = "--dump";
            args[base.length + 2 * i + 1] = dumped.get(i) + "=" + tmp.resolve(dumped.get(i) + ".npy");
        }
        assertEquals(0, run(args), err.toString());
        JsonNode doc = JSON.readTree(out.toString());
        assertEquals("mobilenetv2_035", doc.get("model").asText());
        assertEquals(96, doc.get("resolution").asInt());
        assertFalse(doc.get("untrained").asBoolean());
        int checked = 0;
        for (JsonNode row : doc.get("layers")) {
            JsonNode m = ref.get("modules").get(row.get("name").asText());
            if (m == null) {
                continue;
            }
            checked++;
            String name = row.get("name").asText();
            assertEquals(m.get("shape"), row.get("outputShape"), name);
            double tol = 1e-4 * Math.max(Math.abs(m.get("min").asDouble()), Math.abs(m.get("max").asDouble()));
            for (String stat : List.of("min", "max", "mean", "std")) {
                assertEquals(m.get(stat).asDouble(), row.get("stats").get(stat).asDouble(), tol, name + " " + stat);
            }
            assertEquals(m.get("zeros").asDouble(), row.get("stats").get("zeros").asDouble(), 1e-3, name + " zeros");
        }
        assertEquals(ref.get("modules").size(), checked, "every hooked module has a row");

        for (String name : dumped) {
            Npy.NpyArray ours = Npy.read(tmp.resolve(name + ".npy"));
            assertArrayEquals(JSON.convertValue(ref.get("modules").get(name).get("shape"), long[].class), ours.shape());
            Npy.NpyArray expected = Npy.read(CASE.resolve("inspect/" + name + ".npy"));
            float scale = 0;
            for (float v : expected.data()) {
                scale = Math.max(scale, Math.abs(v));
            }
            float[] first = java.util.Arrays.copyOf(ours.data(), expected.data().length);
            assertArrayEquals(expected.data(), first, 1e-4f * scale, name);
        }
    }

    @Test
    void layerRowsMacsAddUpToSummarysTotalAndBlocksAndStagesAreListed() throws Exception {
        float[] x = new float[3 * 96 * 96];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.cos(i * 0.003);
        }
        Path in = Files.createTempFile("inspect", ".npy");
        try {
            Npy.write(in, new long[] {1, 3, 96, 96}, x);
            assertEquals(0, run("inspect", "-m", "mobilenetv3_small", "--input-tensor", in.toString(), "-f", "json"));
        } finally {
            Files.deleteIfExists(in);
        }
        JsonNode doc = JSON.readTree(out.toString());
        assertTrue(doc.get("untrained").asBoolean());
        long layerMacs = 0;
        int blocks = 0;
        int stages = 0;
        for (JsonNode row : doc.get("layers")) {
            switch (row.get("kind").asText()) {
                case "layer" -> layerMacs += row.get("macs").asLong();
                case "block" -> blocks++;
                case "stage" -> stages++;
                default -> throw new AssertionError(row);
            }
            assertTrue(row.get("millis").asDouble() >= 0);
        }
        assertEquals(12, blocks, "V3-Small: 1 + 2 + 3 + 2 + 3 blocks and the last 1x1 conv block");
        assertEquals(6, stages);
        StringWriter summary = new StringWriter();
        assertEquals(0, Cli.run(new PrintWriter(summary, true), new PrintWriter(err, true),
                "summary", "-m", "mobilenetv3_small", "-r", "96", "-f", "json"));
        assertEquals(JSON.readTree(summary.toString()).get("macs").asLong(), layerMacs);
    }

    @Test
    void squeezeExcitesGateIsARowOfItsOwnAndDumpsAsPyTorchsGateModuleOutput(@TempDir Path tmp) throws Exception {
        Path v3s = CASE.resolveSibling("v3s_050"); // MobileNetV3-Small α 0.5, 10 classes, 128×96
        String gate = "blocks.2.1.se.gate";
        Path target = tmp.resolve("gate.npy");
        assertEquals(0, run("inspect", "-m", "mobilenetv3_small", "-w", "0.5", "--classes", "10",
                "--weights", v3s.resolve("model.safetensors").toString(),
                "--input-tensor", v3s.resolve("input.npy").toString(), "-f", "json", "--dump", gate + "=" + target),
                err.toString());
        JsonNode ref = JSON.readTree(v3s.resolve("inspect/stats.json").toFile()).get("modules").get(gate);
        JsonNode row = null;
        for (JsonNode r : JSON.readTree(out.toString()).get("layers")) {
            if (r.get("name").asText().equals(gate)) {
                row = r;
            }
        }
        assertTrue(row != null, "no row " + gate);
        assertEquals("layer", row.get("kind").asText());
        assertEquals("hard_sigmoid", row.get("type").asText());
        assertEquals(ref.get("shape"), row.get("outputShape"));
        Npy.NpyArray ours = Npy.read(target);
        assertArrayEquals(new long[] {1, 144, 1, 1}, ours.shape());
        float[] expected = Npy.read(v3s.resolve("inspect/" + gate + ".npy")).data();
        assertArrayEquals(expected, ours.data(), 1e-4f * (float) ref.get("max").asDouble());
    }

    @Test
    void anUnknownModuleToDumpIsBadInputAndWritesNothing(@TempDir Path tmp) {
        Path target = tmp.resolve("x.npy");
        assertEquals(Cli.BAD_INPUT, run("inspect", "-m", "mobilenetv2", "-w", "0.35", "--classes", "10",
                "--input-tensor", CASE.resolve("input.npy").toString(), "--dump", "blocks.9=" + target));
        assertTrue(err.toString().startsWith("error: --dump: mobilenetv2_035 has no module named 'blocks.9'"), err.toString());
        assertEquals(1, err.toString().lines().count());
        assertFalse(Files.exists(target));
        assertEquals("", out.toString());
    }

    @Test
    void imageAndInputTensorTogetherIsBadUsage() {
        assertEquals(Cli.BAD_INPUT, run("inspect", "-m", "mobilenetv1", "--image", "a.png", "--input-tensor", "b.npy"));
        assertEquals("error: give exactly one of --image FILE or --input-tensor FILE", err.toString().strip());
    }
}
