package lab.mobilenet.engine.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab.mobilenet.engine.checkpoint.CheckpointBinder;
import lab.mobilenet.engine.io.Npy;
import lab.mobilenet.engine.model.Layer;
import lab.mobilenet.engine.model.ModelName;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.runtime.ActivationSnapshot;
import lab.mobilenet.engine.runtime.CancellationToken;
import lab.mobilenet.engine.runtime.LayerRun;
import lab.mobilenet.engine.runtime.RunListener;
import lab.mobilenet.engine.runtime.Weights;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The inspection plan with every step cut into parts over three threads against the same plan on one
 * thread, layer tensor by layer tensor, twice in a row: each part of a kernel (oneDNN's element-wise and
 * depthwise primitives, the Java passes, the GEMM bands) must read and write its own pixels of buffers the
 * steps hand each other in native memory. (That one thread is right, InspectionPlanMatchesNd4jOpsTest and
 * FastPathParityTest check.) The fixtures are PyTorch's reduced networks with real batch-norm statistics.
 */
class InspectionPlanThreadsTest {

    private static final Path ROOT = Path.of("src/test/resources/reference");

    @ParameterizedTest
    @ValueSource(strings = {"v1_025", "v2_035", "v3l_035", "v3s_050"})
    void everyLayerTensorIsTheSameOnThreeThreadsAsOnOne(String fixture) throws Exception {
        Path dir = ROOT.resolve(fixture);
        JsonNode meta = new ObjectMapper().readTree(dir.resolve("meta.json").toFile());
        Network net = ModelName.parse(meta.get("arch").asText(), meta.get("width").asDouble())
                .build(meta.get("numClasses").asInt());
        Npy.NpyArray input = Npy.read(dir.resolve("input.npy"));
        int h = (int) input.shape()[2];
        int w = (int) input.shape()[3];
        try (Weights weights = CheckpointBinder.load(net, dir.resolve("model.safetensors"));
             InspectionPlan one = InspectionPlan.compile(net, weights, h, w, 1);
             InspectionPlan three = InspectionPlan.compile(net, weights, h, w, 3, 0)) { // 0: split every step
            List<ActivationSnapshot> expected = tensors(one, input.data());
            for (int round = 0; round < 2; round++) {
                List<ActivationSnapshot> actual = tensors(three, input.data());
                assertEquals(expected.size(), actual.size());
                for (int i = 0; i < expected.size(); i++) {
                    ActivationSnapshot e = expected.get(i);
                    ActivationSnapshot a = actual.get(i);
                    assertEquals(e.layer(), a.layer());
                    assertArrayEquals(e.shape(), a.shape(), e.layer());
                    FastPathParityTest.assertClose(fixture + " " + e.layer() + ", run " + (round + 1), e.values(),
                            a.values());
                }
            }
        }
    }

    private static List<ActivationSnapshot> tensors(InspectionPlan plan, float[] image) {
        List<ActivationSnapshot> out = new ArrayList<>();
        plan.run(image, new RunListener() {
            @Override
            public boolean wantsActivation(Layer layer) {
                return true;
            }

            @Override
            public void layerFinished(LayerRun run) {
                out.add(run.activation());
            }
        }, CancellationToken.NEVER);
        return out;
    }
}
