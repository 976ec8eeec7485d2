package lab.mobilenet.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class NetworkShapesTest {

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void everyPaperWidthBuildsForEveryResolutionFrom96To512(Architecture arch) {
        for (double w : arch.paperWidths()) {
            Network net = NetworkBuilder.build(arch, w);
            for (int r = 96; r <= 512; r += 32) {
                List<Shape> shapes = net.shapes(r, r);
                assertEquals(Shape.vector(1000), shapes.get(shapes.size() - 1), net.name() + " at " + r);
                Shape lastMap = shapes.stream().filter(s -> !s.flat() && s.height() > 1).reduce((a, b) -> b).orElseThrow();
                assertEquals(r / 32, lastMap.height(), "output stride 32 for " + net.name() + " at " + r);
            }
        }
    }

    @Test
    void nonSquareInputsKeepTheirAspect() {
        List<Shape> s = NetworkBuilder.build(Architecture.MOBILENET_V2, 1.0).shapes(160, 224);
        assertEquals(Shape.map(32, 80, 112), s.get(1));
    }

    @ParameterizedTest(name = "{0} → {1} α={2}")
    @CsvSource({
            "mobilenetv2_140, MOBILENET_V2, 1.4",
            "mobilenetv1_025, MOBILENET_V1, 0.25",
            "mobilenetv3_large_075, MOBILENET_V3_LARGE, 0.75",
            "mobilenetv3_small_050, MOBILENET_V3_SMALL, 0.5",
            "conv_mobilenetv1, CONV_MOBILENET_V1, 1.0",
            "MobileNetV3-Small, MOBILENET_V3_SMALL, 1.0"})
    void timmNamesAreAliases(String name, Architecture arch, double width) {
        ModelName m = ModelName.parse(name, null);
        assertEquals(arch, m.architecture());
        assertEquals(width, m.width(), 1e-12);
    }

    @Test
    void aWidthThatContradictsTheNameIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelName.parse("mobilenetv2_140", 1.0));
        assertTrue(e.getMessage().contains("1.4"), e.getMessage());
    }

    @Test
    void makeDivisibleFollowsTimm() {
        // hand-worked: 24·3.67 = 88.08 → 88; 80·2.3 = 184; 32·0.35 = 11.2 → 8 is < 0.9·11.2, so 16
        assertEquals(88, Channels.makeDivisible(24 * 3.67));
        assertEquals(184, Channels.makeDivisible(80 * 2.3));
        assertEquals(16, Channels.scale(32, 0.35));
        assertEquals(8, Channels.makeDivisible(3));
        assertEquals(1792, Channels.scale(1280, 1.4));
    }

    @Test
    void v3SmallBlockTableMatchesTimmKeys() {
        // TIMM_KEYS.md: blocks.2.0 ir e4 k5 s2 24→96→40 with SE rd 24; blocks.5.0 cn 96→576
        Network net = NetworkBuilder.build(Architecture.MOBILENET_V3_SMALL, 1.0);
        assertEquals(new SqueezeExciteLayer("blocks.2.0.se", 96, 24), net.layer("blocks.2.0.se"));
        ConvLayer dw = (ConvLayer) net.layer("blocks.2.0.conv_dw");
        assertEquals(5, dw.geometry().kernel());
        assertEquals(2, dw.geometry().stride());
        assertEquals(96, dw.geometry().groups());
        assertEquals(576, ((ConvLayer) net.layer("blocks.5.0.conv")).geometry().outChannels());
        assertEquals(-1, net.indexOf("blocks.1.0.add"), "stride-2 block has no residual");
        assertEquals("blocks.1.1.conv_pw", ((ResidualAddLayer) net.layer("blocks.1.1.add")).from());
    }
}
