package lab.mobilenet.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.model.NetworkBuilder;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Closing weights that a run still uses frees them when the run ends, never under it. */
class WeightsLifetimeTest {
    @Test
    void closeWhileInUseDefersTheFreeToTheLastRelease() {
        INDArray t = Nd4j.create(new float[] {1, 2, 3});
        Weights w = new Weights(Map.of("a", t), false, "test");
        w.acquire();
        w.acquire();
        w.close();
        assertTrue(w.isClosed());
        assertFalse(w.isFreed(), "two users still hold it");
        w.release();
        assertFalse(w.isFreed());
        w.release();
        assertTrue(w.isFreed());
        assertTrue(t.wasClosed());
    }

    @Test
    void closedWeightsAdmitNoNewUser() {
        Weights w = new Weights(Map.of("a", Nd4j.create(new float[] {1})), false, "old.safetensors");
        w.close();
        w.close(); // idempotent
        IllegalStateException e = assertThrows(IllegalStateException.class, w::acquire);
        assertEquals("the weights old.safetensors were closed (replaced or released)", e.getMessage());
        assertThrows(IllegalStateException.class, () -> w.get("a"), "its memory is gone");
        assertThrows(IllegalStateException.class, w::release);
    }

    @Test
    void aRunHoldsItsWeightsUntilItEnds() {
        Network net = NetworkBuilder.build(Architecture.MOBILENET_V3_SMALL, 0.35, 4);
        Weights w = SeededWeights.create(net, 2);
        boolean[] freedDuringRun = {true};
        RunListener closesMidway = new RunListener() {
            @Override
            public void layerStarted(int index, lab.mobilenet.engine.model.Layer layer) {
                if (index == 3) {
                    w.close(); // e.g. the user imported other weights while a lesson ran
                    freedDuringRun[0] = w.isFreed();
                }
            }
        };
        try (INDArray input = Nd4j.rand(1, 3, 32, 32);
             INDArray logits = new NetworkRunner(net, w).run(input, closesMidway, CancellationToken.NEVER)) {
            assertEquals(4, logits.size(1));
        }
        assertFalse(freedDuringRun[0], "freed while the run still needed the tensors");
        assertTrue(w.isFreed(), "freed when the run ended");
    }
}
