package lab.mobilenet.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import lab.mobilenet.engine.cost.LayerCost;
import lab.mobilenet.engine.cost.ModelSummary;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.Layer;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.model.NetworkBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NetworkRunnerTest {

    @ParameterizedTest
    @EnumSource(value = Architecture.class, names = {"MOBILENET_V1", "MOBILENET_V2", "MOBILENET_V3_LARGE", "MOBILENET_V3_SMALL"})
    void executedMacsAndShapesOfEveryLayerAgreeWithTheCostModel(Architecture arch) {
        Network net = NetworkBuilder.build(arch, 0.5, 10);
        ModelSummary summary = ModelSummary.of(net, 96, 64);
        List<LayerRun> runs = new ArrayList<>();
        try (Weights w = SeededWeights.create(net, 1);
             INDArray input = Nd4j.rand(1, 3, 96, 64).subi(0.5);
             INDArray logits = new NetworkRunner(net, w).run(input, new RunListener() {
                 @Override
                 public void layerFinished(LayerRun run) {
                     runs.add(run);
                 }
             }, CancellationToken.NEVER)) {
            assertArrayEquals(new long[] {1, 10}, logits.shape());
        }
        assertEquals(net.layers().size(), runs.size());
        for (int i = 0; i < runs.size(); i++) {
            LayerCost c = summary.layers().get(i);
            LayerRun r = runs.get(i);
            assertEquals(c.name(), r.layer().name());
            assertEquals(c.macs(), r.macs(), "MACs of " + c.name());
            assertArrayEquals(c.output().nchw(), r.outputShape(), "shape of " + c.name());
            assertTrue(r.nanos() > 0);
        }
    }

    @Test
    void listenerGetsImmutableSnapshotsOfTheLayersItAsksFor() {
        Network net = NetworkBuilder.build(Architecture.MOBILENET_V2, 0.35, 10);
        List<ActivationSnapshot> snaps = new ArrayList<>();
        try (Weights w = SeededWeights.create(net, 3);
             INDArray input = Nd4j.rand(1, 3, 64, 64);
             INDArray logits = new NetworkRunner(net, w).run(input, new RunListener() {
                 @Override
                 public boolean wantsActivation(Layer layer) {
                     return layer.name().equals("bn1.act") || layer.name().equals("classifier");
                 }

                 @Override
                 public void layerFinished(LayerRun run) {
                     if (run.activation() != null) {
                         snaps.add(run.activation());
                     }
                 }
             }, CancellationToken.NEVER)) {
            assertEquals(2, snaps.size());
            assertArrayEquals(new long[] {1, 16, 32, 32}, snaps.get(0).shape());
            float[] fromSnapshot = snaps.get(1).values();
            assertArrayEquals(logits.dup('c').data().asFloat(), fromSnapshot, 0f);
            fromSnapshot[0] += 1;
            assertEquals(logits.getFloat(0, 0), snaps.get(1).value(0), 0f, "snapshot must not share its array");
            for (int i = 0; i < snaps.get(0).size(); i++) {
                assertTrue(snaps.get(0).value(i) >= 0 && snaps.get(0).value(i) <= 6, "relu6 output in [0, 6]");
            }
        }
    }

    @Test
    void cancellingBetweenLayersStopsTheRun() {
        Network net = NetworkBuilder.build(Architecture.MOBILENET_V3_SMALL, 0.5, 10);
        CancellationToken token = new CancellationToken();
        List<String> started = new ArrayList<>();
        try (Weights w = SeededWeights.create(net, 3); INDArray input = Nd4j.rand(1, 3, 64, 64)) {
            assertThrows(CancellationException.class, () -> new NetworkRunner(net, w).run(input, new RunListener() {
                @Override
                public void layerStarted(int index, Layer layer) {
                    started.add(layer.name());
                    if (index == 5) {
                        token.cancel();
                    }
                }
            }, token));
        }
        assertEquals(6, started.size());
    }

    /** Memory from run to run is {@link RunnerLeakTest}'s (JavaCPP's byte count does not see ND4J's buffers). */
    @Test
    void theSameInputGivesTheSameLogitsRunAfterRun() {
        Network net = NetworkBuilder.build(Architecture.MOBILENET_V2, 0.35, 10);
        try (Weights w = SeededWeights.create(net, 5); INDArray input = Nd4j.rand(1, 3, 96, 96)) {
            NetworkRunner runner = new NetworkRunner(net, w);
            float[] first;
            try (INDArray l = runner.run(input)) {
                first = l.dup().data().asFloat();
            }
            for (int i = 0; i < 5; i++) {
                try (INDArray l = runner.run(input)) {
                    assertArrayEquals(first, l.dup().data().asFloat(), 0f);
                }
            }
        }
    }

    @Test
    void aLayerThatFailsWhileABlockInputIsKeptReportsItsOwnErrorAndTheRunnerStaysUsable() {
        Network net = NetworkBuilder.build(Architecture.MOBILENET_V2, 0.35, 10);
        // blocks.1.1 is a residual block: its input is kept for the add when conv_pw starts, and conv_pw then fails
        java.util.Map<String, INDArray> partial = new java.util.LinkedHashMap<>();
        try (Weights full = SeededWeights.create(net, 9); INDArray input = Nd4j.rand(1, 3, 64, 64)) {
            full.tensors().forEach((k, v) -> {
                if (!k.equals("blocks.1.1.conv_pw.weight")) {
                    partial.put(k, v);
                }
            });
            Weights broken = new Weights(partial, false, "broken");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> new NetworkRunner(net, broken).run(input));
            assertEquals("no tensor bound for blocks.1.1.conv_pw.weight", e.getMessage());
            try (INDArray logits = new NetworkRunner(net, full).run(input)) {
                assertArrayEquals(new long[] {1, 10}, logits.shape());
            }
        }
    }
}
