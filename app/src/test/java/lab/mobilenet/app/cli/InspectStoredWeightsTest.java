package lab.mobilenet.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import lab.mobilenet.app.ui.weights.TinySafetensors;
import lab.mobilenet.engine.model.ModelName;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.runtime.SeededWeights;
import lab.mobilenet.engine.runtime.Weights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inspect} without {@code --weights} uses the stored checkpoint, names it, and {@code --untrained} opts out. */
class InspectStoredWeightsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        return Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), env, args);
    }

    private static Map<String, String> env(Path dir) {
        return CliTestEnv.offline(dir);
    }

    @Test
    void theStoredCheckpointIsUsedAndNamed(@TempDir Path dir) throws Exception {
        Network net = ModelName.parse("mobilenetv3_small_100", null).build();
        Path stored = dir.resolve("app").resolve("mobilenetv3_small_100.safetensors");
        Files.createDirectories(stored.getParent());
        try (Weights w = SeededWeights.create(net, 7)) {
            TinySafetensors.write(stored, w.tensors());
        }
        assertEquals(0, run(env(dir), "inspect", "-m", "mobilenetv3_small_100", "-r", "64",
                "--image", "../assets/images/coffee.png", "-f", "json"), err.toString());
        assertFalse(new ObjectMapper().readTree(out.toString()).get("untrained").asBoolean(), out.toString());
        assertTrue(err.toString().contains("weights: " + stored), err.toString());
    }

    @Test
    void withoutStoredWeightsItSaysSoAndRunsSeeded(@TempDir Path dir) throws Exception {
        assertEquals(0, run(env(dir), "inspect", "-m", "mobilenetv3_small_100", "-r", "64",
                "--image", "../assets/images/coffee.png", "-f", "json"), err.toString());
        assertTrue(new ObjectMapper().readTree(out.toString()).get("untrained").asBoolean(), out.toString());
        assertTrue(err.toString().startsWith("note: no weights for mobilenetv3_small_100"), err.toString());
    }

    @Test
    void weightsAndUntrainedExcludeEachOther(@TempDir Path dir) {
        assertEquals(Cli.BAD_INPUT, run(env(dir), "inspect", "-m", "mobilenetv3_small_100", "--untrained",
                "--weights", "x.safetensors", "--image", "../assets/images/coffee.png"));
        assertTrue(err.toString().startsWith("error: --weights and --untrained exclude each other"), err.toString());
    }
}
