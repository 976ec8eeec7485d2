package lab.mobilenet.engine.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import lab.mobilenet.engine.classify.Classifier;
import lab.mobilenet.engine.classify.NonFiniteOutputException;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.model.NetworkBuilder;
import lab.mobilenet.engine.model.ParamSpec;
import lab.mobilenet.engine.runtime.CancellationToken;
import lab.mobilenet.engine.runtime.SeededWeights;
import lab.mobilenet.engine.runtime.Weights;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One NaN in a checkpoint used to print "NaN%" for every class with exit status 0. The binder refuses
 * non-finite weights naming the tensor; the classifier refuses a non-finite output whatever caused it.
 */
class NonFiniteWeightsTest {
    private final Network net = NetworkBuilder.build(Architecture.MOBILENET_V3_SMALL, 0.5, 10);

    private Map<String, TensorData> complete() {
        Map<String, TensorData> m = new LinkedHashMap<>();
        for (ParamSpec p : net.params()) {
            float[] values = new float[(int) p.count()];
            java.util.Arrays.fill(values, 0.5f);
            m.put(p.key(), new TensorData(p.key(), "F32", p.shape(), values));
        }
        return m;
    }

    @Test
    void oneNanIsRefusedAtBindTimeNamingTheTensor() {
        Map<String, TensorData> m = complete();
        long[] shape = m.get("bn1.weight").shape();
        float[] bn = new float[(int) shape[0]];
        bn[3] = Float.NaN;
        m.put("bn1.weight", new TensorData("bn1.weight", "F32", shape, bn));
        CheckpointMismatchException e = assertThrows(CheckpointMismatchException.class,
                () -> CheckpointBinder.bind(net, m, "nan.safetensors"));
        assertEquals("nan.safetensors: tensor 'bn1.weight' holds 1 non-finite value (NaN at index 3); every"
                + " prediction would be NaN, so the checkpoint is refused", e.getMessage());
    }

    @Test
    void infinitiesAreCountedToo() {
        Map<String, TensorData> m = complete();
        long[] shape = m.get("classifier.bias").shape();
        float[] bias = new float[(int) shape[0]];
        bias[0] = Float.POSITIVE_INFINITY;
        bias[9] = Float.NEGATIVE_INFINITY;
        m.put("classifier.bias", new TensorData("classifier.bias", "F32", shape, bias));
        CheckpointMismatchException e = assertThrows(CheckpointMismatchException.class,
                () -> CheckpointBinder.bind(net, m, "inf.safetensors"));
        assertTrue(e.getMessage().startsWith("inf.safetensors: tensor 'classifier.bias' holds 2 non-finite values"
                + " (Infinity at index 0)"), e.getMessage());
    }

    @Test
    void finiteWeightsThatOverflowNeverBecomeANanPrediction() {
        Map<String, INDArray> tensors = new LinkedHashMap<>(SeededWeights.create(net, 1).tensors());
        long[] shape = tensors.get("classifier.weight").shape();
        tensors.put("classifier.weight", Nd4j.valueArrayOf(shape, 3e38f));
        // the head's features become hard-swish(1000) = 1000, so each logit is 1024 * 1000 * 3e38: infinite
        tensors.put("conv_head.bias", Nd4j.valueArrayOf(tensors.get("conv_head.bias").shape(), 1000f));
        try (Weights w = new Weights(tensors, true, "huge")) {
            Classifier classifier = new Classifier(net, w);
            float[] x = new float[3 * 64 * 64];
            java.util.Arrays.fill(x, 1f);
            NonFiniteOutputException e = assertThrows(NonFiniteOutputException.class,
                    () -> classifier.classify(x, new long[] {1, 3, 64, 64}, 3, CancellationToken.NEVER));
            assertTrue(e.getMessage().startsWith("the network's output is not a number: "), e.getMessage());
        }
    }

    @Test
    void aNanInTheInputIsRefusedTheSameWay() {
        try (Weights w = SeededWeights.create(net, 1)) {
            Classifier classifier = new Classifier(net, w);
            float[] x = new float[3 * 32 * 32];
            x[100] = Float.NaN;
            assertThrows(NonFiniteOutputException.class,
                    () -> classifier.classify(x, new long[] {1, 3, 32, 32}, 3, CancellationToken.NEVER));
        }
    }
}
