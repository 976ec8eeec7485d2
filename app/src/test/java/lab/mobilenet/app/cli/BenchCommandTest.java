package lab.mobilenet.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path home;

    /** Runs with empty, offline weight folders, so a cache on the machine running the tests changes nothing. */
    private int run(String... args) {
        return Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), CliTestEnv.offline(home), args);
    }

    @Test
    void bothPathsAreReportedWithTheirRatioTimeByTypeAndTheSgemmPeak() throws Exception {
        assertEquals(0, run("bench", "-m", "mobilenetv3_small_050", "--resolution", "64", "--warmup", "1", "--warmup-seconds", "0",
                "--runs", "3", "--threads", "2", "--path", "both", "--format", "json"));
        JsonNode fast = new ObjectMapper().readTree(out.toString());
        JsonNode inspection = fast.get("inspection");
        assertEquals("fast", fast.get("path").asText());
        assertEquals("inspection", inspection.get("path").asText());
        assertEquals(2, fast.get("threads").asInt());
        assertEquals(inspection.get("medianMillis").asDouble() / fast.get("medianMillis").asDouble(),
                fast.get("inspectionOverFast").asDouble(), 1e-9);
        assertTrue(fast.get("sgemmPeakGflops").asDouble() > 0);
        for (JsonNode report : List.of(fast, inspection)) {
            List<String> types = new ArrayList<>();
            double byType = 0;
            for (JsonNode g : report.get("byType")) {
                types.add(g.get("type").asText());
                byType += g.get("millis").asDouble();
            }
            assertEquals(List.of("stem", "pointwise", "depthwise", "rest"), types);
            double layers = 0;
            for (JsonNode l : report.get("layers")) {
                layers += l.get("medianMillis").asDouble();
            }
            assertEquals(layers, byType, 1e-6, "the types add up to the layers");
        }
        assertEquals("conv_stem", fast.get("layers").get(0).get("name").asText());
        assertEquals("stem", fast.get("layers").get(0).get("type").asText());
    }

    @Test
    void warmUpLastsAtLeastTheSecondsAskedForWhateverTheRunCount() throws Exception {
        long start = System.nanoTime();
        assertEquals(0, run("bench", "-m", "mobilenetv3_small_050", "--resolution", "64", "--warmup", "0",
                "--warmup-seconds", "0.5", "--runs", "1", "--format", "json"));
        assertTrue(System.nanoTime() - start >= 500_000_000L, "half a second of warm-up at least");
        int warmups = new ObjectMapper().readTree(out.toString()).get("warmup").asInt();
        assertTrue(warmups >= 2, "a 64-pixel V3-Small 0.5 runs in milliseconds, so it warmed up " + warmups
                + " times, not 0");
    }

    @Test
    void anUnknownPathIsOneErrorLineAndExitTwo() {
        assertEquals(2, run("bench", "-m", "mobilenetv3_small_050", "--path", "quick"));
        assertEquals("error: unknown path 'quick' (fast, inspection or both)", err.toString().strip());
    }

    @Test
    void aNetworkTheFastPathCannotRunIsOneLineNamingTheInspectionPath() {
        // Xception's pre-activation blocks have no fused kernel: a user error with the way out, not "a bug"
        assertEquals(Cli.BAD_INPUT, run("bench", "-m", "legacy_xception", "--resolution", "71", "--warmup", "0", "--warmup-seconds", "0",
                "--runs", "1", "--untrained"));
        String e = err.toString().strip();
        assertTrue(e.startsWith("error: legacy_xception: the fast path"), e);
        assertTrue(e.endsWith("run it with --path inspection"), e);
    }
}
