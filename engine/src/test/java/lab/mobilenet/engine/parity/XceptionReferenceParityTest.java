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
import lab.mobilenet.engine.cost.ModelSummary;
import lab.mobilenet.engine.io.Npy;
import lab.mobilenet.engine.model.Layer;
import lab.mobilenet.engine.model.ModelName;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.runtime.CancellationToken;
import lab.mobilenet.engine.runtime.LayerRun;
import lab.mobilenet.engine.runtime.NetworkRunner;
import lab.mobilenet.engine.runtime.RunListener;
import lab.mobilenet.engine.runtime.Weights;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Xception against PyTorch: {@code tools/make_xception_fixture.py} wrote a width-0.125 legacy_xception (same
 * building code as the full network, 10 classes, F16 weights) with timm's key layout, its input (71×71), logits
 * and the outputs of {@code act2}, {@code block1}, {@code block3}, {@code block4}, {@code block12}, {@code act4}
 * and the fc's input. Tolerance: 1e-4 of each tensor's largest magnitude.
 */
class XceptionReferenceParityTest {

    private static final Path DIR = Path.of("src/test/resources/reference/xception_0125");

    @Test
    void logitsActivationsAndMacsMatchPyTorch() throws Exception {
        JsonNode meta = new ObjectMapper().readTree(DIR.resolve("meta.json").toFile());
        Network net = ModelName.parse(meta.get("arch").asText(), meta.get("width").asDouble())
                .build(meta.get("numClasses").asInt());
        assertEquals(meta.get("params").asLong(), net.learnableParameterCount(), "parameter count");
        assertEquals(meta.get("macs").asLong(), ModelSummary.of(net, 71).macs(), "MACs counted by PyTorch hooks");

        Map<String, String> wanted = new HashMap<>();
        for (JsonNode a : meta.get("activations")) {
            wanted.put(ourLayerFor(net, a.asText()), a.asText());
        }
        Map<String, float[]> ours = new HashMap<>();
        Npy.NpyArray input = Npy.read(DIR.resolve("input.npy"));
        try (Weights w = CheckpointBinder.load(net, DIR.resolve("model.safetensors"));
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
            assertClose("logits", Npy.read(DIR.resolve("logits.npy")), logits.dup('c').data().asFloat());
        }
        assertEquals(wanted.size(), ours.size());
        for (Map.Entry<String, float[]> e : ours.entrySet()) {
            assertClose(e.getKey(), Npy.read(DIR.resolve("act_" + e.getKey() + ".npy")), e.getValue());
        }
    }

    /** actN → that layer; blockN → the module's last layer (its add); pre_logits → the fc's input. */
    private static String ourLayerFor(Network net, String torchName) {
        List<Layer> layers = net.layers();
        if (torchName.equals("pre_logits")) {
            return layers.get(layers.size() - 2).name();
        }
        if (torchName.startsWith("act")) {
            return net.layer(torchName).name();
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
