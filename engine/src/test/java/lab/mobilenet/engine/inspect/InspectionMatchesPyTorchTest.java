package lab.mobilenet.engine.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import lab.mobilenet.engine.checkpoint.CheckpointBinder;
import lab.mobilenet.engine.io.Npy;
import lab.mobilenet.engine.model.ModelName;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.runtime.ActivationSnapshot;
import lab.mobilenet.engine.runtime.CancellationToken;
import lab.mobilenet.engine.runtime.RunListener;
import lab.mobilenet.engine.runtime.Weights;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inspection rows named by timm's module paths against PyTorch forward hooks on the same modules
 * ({@code tools/make_inspect_fixtures.py}): output shape, min/max/mean/std and share of zeros over the
 * whole output, and the first channels of the output itself. Tolerance 1e-4 of the largest magnitude.
 */
class InspectionMatchesPyTorchTest {

    private static final Path ROOT = Path.of("src/test/resources/reference");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"v2_035", "v3l_035", "v3s_050"})
    void moduleOutputsAndStatisticsMatchPyTorchHooks(String fixture) throws Exception {
        Path dir = ROOT.resolve(fixture);
        ObjectMapper json = new ObjectMapper();
        JsonNode meta = json.readTree(dir.resolve("meta.json").toFile());
        JsonNode ref = json.readTree(dir.resolve("inspect/stats.json").toFile());
        int saved = ref.get("channelsSaved").asInt();
        Network net = ModelName.parse(meta.get("arch").asText(), meta.get("width").asDouble())
                .build(meta.get("numClasses").asInt());
        Set<String> names = new HashSet<>();
        ref.get("modules").fieldNames().forEachRemaining(names::add);
        Npy.NpyArray input = Npy.read(dir.resolve("input.npy"));
        Inspection ins;
        try (Weights w = CheckpointBinder.load(net, dir.resolve("model.safetensors"))) {
            ins = Inspector.inspect(net, w, input.data(), input.shape(), names::contains, RunListener.NONE, null,
                    CancellationToken.NEVER);
        }
        assertTrue(ins.complete());
        for (Iterator<String> it = ref.get("modules").fieldNames(); it.hasNext(); ) {
            String name = it.next();
            JsonNode m = ref.get("modules").get(name);
            InspectionRow row = ins.row(name);
            assertNotNull(row, "no row named " + name);
            long[] shape = json.convertValue(m.get("shape"), long[].class);
            assertArrayEquals(shape, row.outputShape(), name + " shape");
            double scale = Math.max(Math.abs(m.get("min").asDouble()), Math.abs(m.get("max").asDouble()));
            double tol = 1e-4 * scale;
            ActivationStats s = row.stats();
            assertEquals(m.get("min").asDouble(), s.min(), tol, name + " min");
            assertEquals(m.get("max").asDouble(), s.max(), tol, name + " max");
            assertEquals(m.get("mean").asDouble(), s.mean(), tol, name + " mean");
            assertEquals(m.get("std").asDouble(), s.std(), tol, name + " std");
            assertEquals(m.get("zeros").asDouble(), s.zeros(), 1e-3, name + " zeros");

            ActivationSnapshot out = ins.outputs().get(name);
            assertNotNull(out, name + " output kept");
            float[] expected = Npy.read(dir.resolve("inspect/" + name + ".npy")).data();
            float[] first = new float[expected.length]; // our first `saved` channels (batch 1, row-major)
            System.arraycopy(out.values(), 0, first, 0, expected.length);
            int channels = m.has("channelsSaved") ? m.get("channelsSaved").asInt() : saved;
            assertEquals(out.size() / shape[1] * Math.min(channels, shape[1]), expected.length, name + " saved size");
            assertArrayEquals(expected, first, (float) tol, name + " values");
        }
    }
}
