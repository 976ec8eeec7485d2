package lab.mobilenet.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;

import lab.mobilenet.engine.keras.KerasModel;
import lab.mobilenet.engine.keras.KerasText;
import org.junit.jupiter.api.Test;

class KerasComparisonTest {

    @Test
    void theExampleBesideItsStandardTwin() {
        KerasComparison c = KerasComparison.of(KerasModel.separableExample());
        assertEquals(12_741, c.params()); // 155 + 2,400 + 8,896 + 1,290
        assertEquals(94_538, c.standardParams()); // 896 + 18,496 + 73,856 + 1,290
        KerasComparison.Row first = c.rows().get(0);
        assertEquals(155, first.params());
        assertEquals(896, first.standardParams());
        assertEquals(62L * 62 * 32 * 27, first.standardMacs());
        assertEquals(0, c.rows().get(1).macs());
        assertEquals(3, c.orders().size());
    }

    @Test
    void theOrderQuestionUsesEachSeparableLayersOwnShapes() {
        KerasComparison c = KerasComparison.of(KerasText.parse(
                "Input(shape=(10, 10, 4))\nSeparableConv2D(8, 3)\n", "t"));
        SeparableOrder o = c.orders().get(0);
        // valid 3×3: 10 → 8. Depthwise first: 9·4·64 + 4·8·64 = 2,304 + 2,048; pointwise first at 10×10: 4·8·100 + 9·8·64
        assertEquals(2_304 + 2_048, o.depthwiseFirstMacs().longValue());
        assertEquals(3_200 + 4_608, o.pointwiseFirstMacs().longValue());
        assertEquals(c.macs(), o.depthwiseFirstMacs().longValue(), "the net as written is depthwise first");
    }
}
