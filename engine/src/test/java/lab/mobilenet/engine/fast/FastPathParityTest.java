package lab.mobilenet.engine.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import lab.mobilenet.engine.checkpoint.CheckpointBinder;
import lab.mobilenet.engine.io.Npy;
import lab.mobilenet.engine.model.ModelName;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.runtime.NetworkRunner;
import lab.mobilenet.engine.runtime.Weights;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fast path on whole networks against PyTorch (the fixtures of {@code tools/make_reference_fixtures.py}:
 * reduced width, 10 classes, seeded weights with real batch-norm statistics, so folding is exercised) and
 * against the inspection path on the same weights. Tolerance: 1e-4 of the largest logit.
 */
class FastPathParityTest {

    private static final Path ROOT = Path.of("src/test/resources/reference");

    @ParameterizedTest(name = "{0}, {1} thread(s)")
    @ValueSource(strings = {"v1_025", "v2_035", "v3l_035", "v3s_050"})
    void fastLogitsMatchPyTorchAndTheInspectionPath(String fixture) throws Exception {
        for (int threads : new int[] {1, 2, 3}) {
            Path dir = ROOT.resolve(fixture);
            JsonNode meta = new ObjectMapper().readTree(dir.resolve("meta.json").toFile());
            Network net = ModelName.parse(meta.get("arch").asText(), meta.get("width").asDouble())
                    .build(meta.get("numClasses").asInt());
            Npy.NpyArray input = Npy.read(dir.resolve("input.npy"));
            int h = (int) input.shape()[2];
            int w = (int) input.shape()[3];
            float[] torch = Npy.read(dir.resolve("logits.npy")).data();
            float[] inspection;
            float[] fast;
            try (Weights weights = CheckpointBinder.load(net, dir.resolve("model.safetensors"))) {
                try (INDArray x = Nd4j.create(input.data(), input.shape(), 'c');
                     INDArray logits = new NetworkRunner(net, weights).run(x)) {
                    inspection = logits.dup('c').data().asFloat();
                }
                try (FastPlan plan = FastPlan.compile(net, weights, h, w, threads, 0)) { // 0: split every step
                    fast = plan.logits(input.data());
                    float[] again = plan.logits(input.data());
                    assertClose(fixture + " second run of the same plan", fast, again);
                }
            }
            assertClose(fixture + " fast vs PyTorch, " + threads + " threads", torch, fast);
            assertClose(fixture + " fast vs inspection, " + threads + " threads", inspection, fast);
        }
    }

    static void assertClose(String what, float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, what + ": length");
        float scale = 0;
        for (float v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertTrue(scale > 0, what + ": reference is all zeros");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-4f * scale, what + " at " + i + " (scale " + scale + ")");
        }
    }
}
