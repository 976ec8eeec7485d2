package lab.mobilenet.engine.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KerasModelTest {

    @Test
    void separableExampleCountsParametersAsKerasDoes() {
        List<KerasModel.Row> rows = KerasModel.separableExample().summary();
        // SeparableConv2D(32, 3) on 64×64×3: 3·3·3 depthwise + 3·32 pointwise + 32 bias = 155, valid → 62×62
        assertEquals(new KerasModel.Row("separable_conv2d", "SeparableConv2D", KerasShape.map(62, 62, 32), 155,
                62L * 62 * 3 * 9 + 62L * 62 * 3 * 32), rows.get(0));
        assertEquals(new KerasModel.Row("max_pooling2d", "MaxPooling2D", KerasShape.map(31, 31, 32), 0, 0), rows.get(1));
        // 3·3·32 + 32·64 + 64 = 288 + 2048 + 64 = 2,400 on 31 → 29
        assertEquals(2_400, rows.get(2).params());
        assertEquals("separable_conv2d_1", rows.get(2).name());
        assertEquals(KerasShape.map(14, 14, 64), rows.get(3).output()); // floor(29 / 2)
        // 3·3·64 + 64·128 + 128 = 576 + 8192 + 128 = 8,896 on 14 → 12
        assertEquals(8_896, rows.get(4).params());
        assertEquals(KerasShape.vector(128), rows.get(5).output());
        assertEquals(128 * 10 + 10, rows.get(6).params());
        assertEquals(155 + 2_400 + 8_896 + 1_290, KerasModel.separableExample().params()); // 12,741
    }

    @Test
    void theStandardTwinReplacesOnlyTheSeparableConvolutions() {
        KerasModel std = KerasModel.separableExample().asStandard();
        List<KerasModel.Row> rows = std.summary();
        assertEquals("conv2d", rows.get(0).name());
        // Conv2D(32, 3) on 3 channels: 3·3·3·32 + 32 = 896; (64): 3·3·32·64 + 64 = 18,496; (128): 3·3·64·128 + 128 = 73,856
        assertEquals(896, rows.get(0).params());
        assertEquals(18_496, rows.get(2).params());
        assertEquals(73_856, rows.get(4).params());
        assertEquals(896 + 18_496 + 73_856 + 1_290, std.params());
        // MACs of the first layer: 62·62 positions · 32 filters · 3·3·3
        assertEquals(62L * 62 * 32 * 27, rows.get(0).macs());
        assertEquals(KerasModel.separableExample().summary().get(6).output(), rows.get(6).output());
    }

    @Test
    void samePaddingAndStridesFollowKeras() {
        KerasLayer.SeparableConv2D s = new KerasLayer.SeparableConv2D(8, 3, 2, true, null, false);
        assertEquals(KerasShape.map(32, 32, 8), s.outputShape(KerasShape.map(63, 63, 4))); // ceil(63 / 2)
        assertEquals(3 * 3 * 4 + 4 * 8, s.params(KerasShape.map(63, 63, 4)));
    }

    @Test
    void aLayerThatDoesNotFitNamesItself() {
        KerasModel m = new KerasModel("tiny", KerasShape.map(4, 4, 3), List.of(
                new KerasLayer.SeparableConv2D(8, 3, 1, false, "relu", true),
                new KerasLayer.SeparableConv2D(8, 3, 1, false, "relu", true)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, m::summary);
        assertTrue(e.getMessage().startsWith("separable_conv2d_1: "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new KerasModel("d", KerasShape.map(8, 8, 3),
                List.of(new KerasLayer.Dense(4, null, true))).summary());
    }
}
