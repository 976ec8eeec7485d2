package lab.mobilenet.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import lab.mobilenet.engine.cost.LayerCost;
import lab.mobilenet.engine.cost.ModelSummary;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.NetworkBuilder;
import org.junit.jupiter.api.Test;

class SeparableOrderTest {

    @Test
    void wideningLayerIsCheaperDepthwiseFirst() {
        // Xception block1's first separable conv: 64 → 128 at 147×147, 147² = 21,609
        SeparableOrder o = SeparableOrder.of("x", 3, 64, 128, 147, 147, 147, 147);
        assertEquals(9L * 64 * 21_609 + 64L * 128 * 21_609, o.depthwiseFirstMacs().longValue()); // 189,467,712
        assertEquals(64L * 128 * 21_609 + 9L * 128 * 21_609, o.pointwiseFirstMacs().longValue()); // 201,914,496
        assertEquals(9L * 21_609 * (128 - 64), o.macsDifference()); // D_K²·D_F²·(N − M)
        assertEquals(9 * 64 + 64 * 128, o.depthwiseFirstParams().longValue());
        assertEquals(64 * 128 + 9 * 128, o.pointwiseFirstParams().longValue());
        assertEquals(9 * 64, o.paramsDifference());
        assertEquals(SeparableOrder.Order.DEPTHWISE_FIRST, o.cheaper());
        assertEquals("D_K·D_K·M·D_F·D_F + M·N·D_F·D_F", o.depthwiseFirstMacs().symbolic());
        assertEquals("M·N·H·W + D_K·D_K·N·D_F·D_F", o.pointwiseFirstMacs().symbolic());
    }

    @Test
    void equalWidthsCostTheSameAndNarrowingPrefersPointwiseFirst() {
        assertEquals(SeparableOrder.Order.EITHER, SeparableOrder.of("mid", 3, 728, 728, 19, 19, 19, 19).cheaper());
        SeparableOrder narrow = SeparableOrder.of("n", 3, 256, 64, 10, 10, 10, 10);
        // 9·100·(64 − 256) = −172,800
        assertEquals(-172_800, narrow.macsDifference());
        assertEquals(SeparableOrder.Order.POINTWISE_FIRST, narrow.cheaper());
    }

    @Test
    void aStrideMakesPointwiseFirstPayTheInputResolution() {
        // V1 blocks.1.0: 64 → 128, depthwise stride 2, 112 → 56
        SeparableOrder o = SeparableOrder.of("v1", 3, 64, 128, 112, 112, 56, 56);
        assertEquals(9L * 64 * 56 * 56 + 64L * 128 * 56 * 56, o.depthwiseFirstMacs().longValue());
        assertEquals(64L * 128 * 112 * 112 + 9L * 128 * 56 * 56, o.pointwiseFirstMacs().longValue());
    }

    @Test
    void depthwiseFirstIsWhatTheEngineCountsForXceptionsLayer() {
        ModelSummary s = ModelSummary.of(NetworkBuilder.build(Architecture.XCEPTION, 1.0), 299);
        long engine = s.layers().stream().filter(c -> c.name().startsWith("block1.rep.0."))
                .mapToLong(LayerCost::macs).sum();
        assertEquals(189_467_712L, engine);
        assertEquals(engine, SeparableOrder.examples().get(0).depthwiseFirstMacs().longValue());
    }

    @Test
    void aLayerThatGrowsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SeparableOrder.of("bad", 3, 8, 8, 10, 10, 20, 20));
    }
}
