package lab.mobilenet.engine.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import lab.mobilenet.engine.runtime.ActivationSnapshot;
import org.junit.jupiter.api.Test;

class ActivationStatsAndRoofTest {

    @Test
    void statisticsOfFourValuesWorkedByHand() {
        // {0, 0, 1, 3}: mean 1, squared deviations 1 + 1 + 0 + 4 = 6, population variance 6 / 4
        ActivationStats s = ActivationStats.of(new ActivationSnapshot("x", new long[] {1, 1, 2, 2}, new float[] {0, 0, 1, 3}));
        assertEquals(0, s.min());
        assertEquals(3, s.max());
        assertEquals(1, s.mean(), 1e-12);
        assertEquals(Math.sqrt(1.5), s.std(), 1e-12);
        assertEquals(0.5, s.zeros());
    }

    @Test
    void theRoofIsBandwidthBoundLeftOfTheRidgeAndPeakBoundRightOfIt() {
        RooflineProbe r = new RooflineProbe(100, 10); // 100 GFLOP/s, 10 GB/s
        assertEquals(5.0, r.ridge(), 1e-12); // 100 / (2 FLOPs per MAC x 10 GB/s)
        assertEquals(20.0, r.roof(1), 1e-12); // 1 MAC per byte = 2 FLOPs per byte x 10 GB/s
        assertEquals(100.0, r.roof(50), 1e-12);
    }

    @Test
    void theQuickProbeMeasuresSomethingPositive() {
        RooflineProbe r = new RooflineProbe(RooflineProbe.sgemmPeak(64, 2), RooflineProbe.copyBandwidth(1 << 16, 2));
        assertEquals(true, r.peakGflops() > 0 && r.bandwidthGbPerSec() > 0, r.toString());
    }

    @Test
    void batchLatencyGivesOnePositiveTimePerBatchSize() {
        lab.mobilenet.engine.model.Network net = lab.mobilenet.engine.model.NetworkBuilder.build(
                lab.mobilenet.engine.model.Architecture.MOBILENET_V3_SMALL, 0.5);
        java.util.List<Integer> done = new java.util.ArrayList<>();
        try (lab.mobilenet.engine.runtime.Weights w = lab.mobilenet.engine.runtime.SeededWeights.create(net, 3)) {
            double[] ms = BatchLatency.perImageMillis(net, w, 64, new int[] {1, 2}, 1,
                    lab.mobilenet.engine.runtime.CancellationToken.NEVER, done::add);
            assertEquals(2, ms.length);
            assertEquals(true, ms[0] > 0 && ms[1] > 0);
        }
        assertEquals(java.util.List.of(0, 1), done);
    }
}
