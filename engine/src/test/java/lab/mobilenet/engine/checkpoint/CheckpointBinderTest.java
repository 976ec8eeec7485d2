package lab.mobilenet.engine.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.model.NetworkBuilder;
import lab.mobilenet.engine.model.ParamSpec;
import lab.mobilenet.engine.runtime.Weights;
import org.junit.jupiter.api.Test;

class CheckpointBinderTest {

    private final Network net = NetworkBuilder.build(Architecture.MOBILENET_V3_SMALL, 0.5, 10);

    private Map<String, TensorData> complete() {
        Map<String, TensorData> m = new LinkedHashMap<>();
        for (ParamSpec p : net.params()) {
            m.put(p.key(), new TensorData(p.key(), "F32", p.shape(), new float[(int) p.count()]));
        }
        return m;
    }

    @Test
    void aCompleteCheckpointBindsEveryTensorAndIgnoresBatchCounters() throws Exception {
        Map<String, TensorData> m = complete();
        m.put("bn1.num_batches_tracked", new TensorData("bn1.num_batches_tracked", "I64", new long[0], new float[1]));
        try (Weights w = CheckpointBinder.bind(net, m, "test.safetensors")) {
            assertTrue(w.pretrained());
            assertEquals(net.params().size(), w.tensors().size());
            assertFalse(w.contains("bn1.num_batches_tracked"));
        }
    }

    @Test
    void oneMessageListsMissingUnexpectedAndMisShapedKeys() {
        Map<String, TensorData> m = complete();
        m.remove("blocks.1.0.conv_dw.weight");
        m.put("head.fc.weight", new TensorData("head.fc.weight", "F32", new long[] {2}, new float[2]));
        m.put("classifier.weight", new TensorData("classifier.weight", "F32", new long[] {1000, 1024},
                new float[1000 * 1024]));
        CheckpointMismatchException e = assertThrows(CheckpointMismatchException.class,
                () -> CheckpointBinder.bind(net, m, "wrong.safetensors"));
        String msg = e.getMessage();
        assertTrue(msg.startsWith("wrong.safetensors does not fit mobilenetv3_small_050"), msg);
        assertTrue(msg.contains("1 missing: blocks.1.0.conv_dw.weight"), msg);
        assertTrue(msg.contains("1 unexpected: head.fc.weight"), msg);
        assertTrue(msg.contains("1 mis-shaped: classifier.weight [1000, 1024] (model [10, 1024])"), msg);
        assertFalse(msg.contains("\n"), "one line");
    }

    @Test
    void aV2CheckpointDoesNotFitV1AndTheListIsShortened() {
        Network v2 = NetworkBuilder.build(Architecture.MOBILENET_V2, 1.0);
        Map<String, long[]> shapes = new LinkedHashMap<>();
        v2.params().forEach(p -> shapes.put(p.key(), p.shape()));
        CheckpointMismatchException e = assertThrows(CheckpointMismatchException.class,
                () -> CheckpointBinder.check(NetworkBuilder.build(Architecture.MOBILENET_V1, 1.0), shapes, "v2.safetensors"));
        assertTrue(e.getMessage().contains("more)"), e.getMessage());
    }
}
