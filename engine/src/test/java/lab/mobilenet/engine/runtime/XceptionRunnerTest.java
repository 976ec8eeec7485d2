package lab.mobilenet.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import lab.mobilenet.engine.cost.LayerCost;
import lab.mobilenet.engine.cost.ModelSummary;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.model.NetworkBuilder;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class XceptionRunnerTest {

    @Test
    void maxPoolsAndConvShortcutsRunWithTheMacsAndShapesTheCostModelPredicts() {
        Network net = NetworkBuilder.build(Architecture.XCEPTION, 0.5, 10);
        ModelSummary summary = ModelSummary.of(net, 96, 80);
        List<LayerRun> runs = new ArrayList<>();
        try (Weights w = SeededWeights.create(net, 7);
             INDArray input = Nd4j.rand(1, 3, 96, 80).subi(0.5);
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
            assertEquals(c.macs(), runs.get(i).macs(), "MACs of " + c.name());
            assertArrayEquals(c.output().nchw(), runs.get(i).outputShape(), "shape of " + c.name());
        }
    }
}
