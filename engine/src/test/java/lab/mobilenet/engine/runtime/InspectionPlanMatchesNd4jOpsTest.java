package lab.mobilenet.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.Layer;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.model.NetworkBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The compiled inspection plan (batch 1) against one ND4J op per layer, tensor by tensor: every layer's
 * output (each convolution before its batch norm, each batch norm before its activation) within 1e-4 of
 * that tensor's largest magnitude, on a non-square input with odd sizes along the way.
 */
class InspectionPlanMatchesNd4jOpsTest {

    @ParameterizedTest
    @EnumSource(value = Architecture.class, names = {"MOBILENET_V1", "MOBILENET_V2", "MOBILENET_V3_LARGE", "MOBILENET_V3_SMALL"})
    void everyLayerTensorMatches(Architecture arch) {
        Network net = NetworkBuilder.build(arch, 0.5, 10);
        try (Weights seeded = SeededWeights.create(net, 7); Weights w = withStatistics(seeded, 11);
             INDArray input = Nd4j.rand(1, 3, 72, 56).subi(0.5)) {
            List<ActivationSnapshot> planned = new ArrayList<>();
            List<ActivationSnapshot> ops = new ArrayList<>();
            float[] a;
            float[] b;
            try (INDArray l = new NetworkRunner(net, w).run(input, all(planned), CancellationToken.NEVER)) {
                a = l.dup('c').data().asFloat();
            }
            try (INDArray l = NetworkRunner.nd4jOps(net, w).run(input, all(ops), CancellationToken.NEVER)) {
                b = l.dup('c').data().asFloat();
            }
            assertEquals(net.layers().size(), planned.size());
            assertEquals(ops.size(), planned.size());
            for (int i = 0; i < ops.size(); i++) {
                ActivationSnapshot p = planned.get(i);
                ActivationSnapshot o = ops.get(i);
                assertEquals(o.layer(), p.layer());
                assertArrayEquals(o.shape(), p.shape(), o.layer());
                assertClose(o.layer(), o.values(), p.values());
            }
            assertClose("logits", b, a);
        }
    }

    @org.junit.jupiter.api.Test
    void aRunnerStaysRightWhenItsPlanWasPushedOutOfTheCacheByOtherSizes() {
        Network net = NetworkBuilder.build(Architecture.MOBILENET_V3_SMALL, 0.5, 10);
        try (Weights seeded = SeededWeights.create(net, 3); Weights w = withStatistics(seeded, 5)) {
            NetworkRunner runner = new NetworkRunner(net, w);
            NetworkRunner other = new NetworkRunner(net, w); // shares the weights' plans
            int[] sizes = {32, 40, 48, 56, 64};
            for (int round = 0; round < 2; round++) {
                for (int size : sizes) {
                    try (INDArray input = Nd4j.rand(1, 3, size, size).subi(0.5)) {
                        other.run(input).close(); // fills the cache, closing the plan runner remembers
                        try (INDArray a = runner.run(input); INDArray b = NetworkRunner.nd4jOps(net, w).run(input)) {
                            assertClose("logits at " + size, b.dup('c').data().asFloat(), a.dup('c').data().asFloat());
                        }
                    }
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aClosedPlanRefusesToRun() {
        Network net = NetworkBuilder.build(Architecture.MOBILENET_V3_SMALL, 0.5, 10);
        try (Weights w = SeededWeights.create(net, 3)) {
            lab.mobilenet.engine.fast.InspectionPlan plan = lab.mobilenet.engine.fast.InspectionPlan.compile(net, w, 32, 32, 1);
            plan.close();
            org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> plan.run(new float[3 * 32 * 32], RunListener.NONE, CancellationToken.NEVER));
        }
    }

    /**
     * The seeded weights with every vector (batch-norm scale, shift, mean, variance; biases) drawn at random:
     * the seeded initialisation makes batch norm the identity, which would hide a wrong scale or shift.
     */
    private static Weights withStatistics(Weights base, long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        java.util.Map<String, INDArray> m = new java.util.LinkedHashMap<>();
        base.tensors().forEach((key, t) -> {
            if (t.rank() != 1) {
                m.put(key, t.dup());
                return;
            }
            float[] v = new float[(int) t.length()];
            for (int i = 0; i < v.length; i++) {
                // near 1 (scale, variance) and near 0 (shift, mean, biases): far enough from the identity to be
                // seen, close enough that activations stay O(1) through the depth (else float cancellation in
                // squeeze-excite's gates, not the kernels, decides the comparison)
                v[i] = key.endsWith("running_var") || key.endsWith(".weight") ? 0.8f + 0.4f * rnd.nextFloat()
                        : 0.4f * rnd.nextFloat() - 0.2f;
            }
            m.put(key, Nd4j.create(v, t.shape(), 'c'));
        });
        return new Weights(m, false, "seeded, random statistics");
    }

    private static RunListener all(List<ActivationSnapshot> into) {
        return new RunListener() {
            @Override
            public boolean wantsActivation(Layer layer) {
                return true;
            }

            @Override
            public void layerFinished(LayerRun run) {
                into.add(run.activation());
            }
        };
    }

    private static void assertClose(String what, float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, what);
        float max = 0;
        for (float v : expected) {
            max = Math.max(max, Math.abs(v));
        }
        assertTrue(max > 0, what + " is all zeros: the comparison would say nothing");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-4 * max, what + " at " + i);
        }
    }
}
