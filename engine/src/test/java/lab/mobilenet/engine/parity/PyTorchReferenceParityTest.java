package lab.mobilenet.engine.parity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lab.mobilenet.engine.checkpoint.CheckpointBinder;
import lab.mobilenet.engine.io.Npy;
import lab.mobilenet.engine.model.Layer;
import lab.mobilenet.engine.model.ModelName;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.runtime.CancellationToken;
import lab.mobilenet.engine.runtime.LayerRun;
import lab.mobilenet.engine.runtime.NetworkRunner;
import lab.mobilenet.engine.runtime.RunListener;
import lab.mobilenet.engine.runtime.Weights;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The whole networks against PyTorch: fixtures written by {@code tools/make_reference_fixtures.py}
 * (reduced width, 10 classes, seeded weights stored as F32, F16 or BF16) hold the input, the logits and
 * intermediate activations that PyTorch computed with timm's layout. Tolerance: 1e-4 of the tensor's
 * largest magnitude.
 */
class PyTorchReferenceParityTest {

    private static final Path ROOT = Path.of("src/test/resources/reference");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"v1_025", "v2_035", "v3l_035", "v3s_050"})
    void logitsAndActivationsMatchPyTorch(String fixture) throws Exception {
        Path dir = ROOT.resolve(fixture);
        JsonNode meta = new ObjectMapper().readTree(dir.resolve("meta.json").toFile());
        Network net = ModelName.parse(meta.get("arch").asText(), meta.get("width").asDouble())
                .build(meta.get("numClasses").asInt());
        assertEquals(meta.get("params").asLong(), net.learnableParameterCount(), "parameter count");

        Map<String, String> wanted = new HashMap<>(); // our layer name -> fixture activation name
        for (JsonNode a : meta.get("activations")) {
            wanted.put(ourLayerFor(net, a.asText()), a.asText());
        }
        Map<String, float[]> ours = new HashMap<>();
        Npy.NpyArray input = Npy.read(dir.resolve("input.npy"));
        try (Weights w = CheckpointBinder.load(net, dir.resolve("model.safetensors"));
             INDArray x = Nd4j.create(input.data(), input.shape(), 'c');
             INDArray logits = new NetworkRunner(net, w).run(x, new RunListener() {
                 @Override
                 public boolean wantsActivation(Layer layer) {
                     return wanted.containsKey(layer.name());
                 }

                 @Override
                 public void layerFinished(LayerRun run) {
                     if (run.activation() != null) {
                         ours.put(wanted.get(run.layer().name()), run.activation().values());
                     }
                 }
             }, CancellationToken.NEVER)) {
            assertTrue(w.pretrained());
            assertClose("logits", Npy.read(dir.resolve("logits.npy")), logits.dup('c').data().asFloat());
        }
        assertEquals(wanted.size(), ours.size());
        for (Map.Entry<String, float[]> e : ours.entrySet()) {
            assertClose(e.getKey(), Npy.read(dir.resolve("act_" + e.getKey() + ".npy")), e.getValue());
        }
    }

    /** bn1 → the stem's activation; blocks.i.j → the block's last layer; pre_logits → the classifier's input. */
    private static String ourLayerFor(Network net, String torchName) {
        List<Layer> layers = net.layers();
        if (torchName.equals("bn1")) {
            return "bn1.act";
        }
        if (torchName.equals("pre_logits")) {
            return layers.get(layers.size() - 2).name();
        }
        List<Layer> block = net.blocks().get(torchName);
        if (block == null) {
            throw new IllegalArgumentException("fixture names unknown module " + torchName);
        }
        return block.get(block.size() - 1).name();
    }

    private static void assertClose(String what, Npy.NpyArray expected, float[] actual) {
        float[] exp = expected.data();
        assertEquals(exp.length, actual.length, what + " size");
        float scale = 0;
        for (float v : exp) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertTrue(scale > 0, what + " reference is all zeros");
        assertArrayEquals(exp, actual, 1e-4f * scale, what + " (scale " + scale + ")");
    }
}
