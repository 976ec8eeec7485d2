package lab.mobilenet.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import lab.mobilenet.engine.cost.ModelSummary;
import lab.mobilenet.engine.op.ConvGeometry;
import org.junit.jupiter.api.Test;

class XceptionTest {

    private final Network net = NetworkBuilder.build(Architecture.XCEPTION, 1.0);

    @Test
    void hasThePapersParameterCount() {
        // Chollet 2017, Table 3: 22,855,952 parameters; tools/reference_xception.py counts the same
        assertEquals(22_855_952L, net.learnableParameterCount());
        assertEquals("legacy_xception", net.name());
    }

    @Test
    void macsAt299MatchTheHookCountOfTheTorchReference() {
        ModelSummary s = ModelSummary.of(net, 299);
        // tools/make_xception_fixture.py: forward hooks on every Conv2d / Linear of the PyTorch module at 299×299
        assertEquals(8_357_403_496L, s.macs());
        // timm's results/benchmark-infer-*.csv: legacy_xception 299, 22.86 M params, 8.4 GMACs
        assertEquals(8.4, Math.round(s.macs() / 1e8) / 10.0);
        assertEquals(Shape.vector(1000), s.outputShape());
    }

    @Test
    void stemMacsByHand() {
        ModelSummary s = ModelSummary.of(net, 299);
        // conv1: 3×3 stride 2, no padding: 299 → 149; 149² · 32 · 27
        assertEquals(149L * 149 * 32 * 27, s.layers().get(0).macs());
        // conv2: 3×3, no padding: 149 → 147; 147² · 64 · 32·9
        assertEquals(147L * 147 * 64 * 288, s.layers().get(3).macs());
        // block1's shortcut: 1×1 stride 2 on 64×147×147 → 128×74×74
        long skip = s.layers().stream().filter(c -> c.name().equals("block1.add")).findFirst().orElseThrow().macs();
        assertEquals(74L * 74 * 128 * 64, skip);
    }

    @Test
    void thirtySixConvolutionsInFourteenModules() {
        // the paper counts each separable conv once and leaves the 1×1 shortcuts out: 2 stem convs + 34 separable
        long stem = net.layers().stream().filter(l -> l instanceof ConvLayer c && c.geometry().groups() == 1
                && c.geometry().kernel() == 3).count();
        long separable = net.layers().stream().filter(l -> l instanceof ConvLayer c && c.geometry().isDepthwise()).count();
        assertEquals(2, stem);
        assertEquals(34, separable);
        Map<String, List<Layer>> modules = net.blocks();
        assertEquals(14, modules.size(), modules.keySet().toString());
        assertEquals(List.of("conv1", "bn1", "act1", "conv2", "bn2", "act2"),
                modules.get("stem").stream().map(Layer::name).toList());
    }

    @Test
    void checkpointKeysFollowTimmsLegacyXception() {
        List<String> keys = net.params().stream().map(ParamSpec::key).toList();
        for (String k : List.of("conv1.weight", "bn2.running_var", "block1.skip.weight", "block1.skipbn.bias",
                "block1.rep.0.conv1.weight", "block1.rep.0.pointwise.weight", "block1.rep.1.weight",
                "block2.rep.1.conv1.weight", "block2.rep.2.running_mean", "block4.rep.7.pointwise.weight",
                "block12.rep.4.pointwise.weight", "conv3.conv1.weight", "conv3.pointwise.weight", "bn3.weight",
                "conv4.pointwise.weight", "bn4.running_var", "fc.weight", "fc.bias")) {
            assertTrue(keys.contains(k), k);
        }
        assertEquals(-1, net.indexOf("block4.skip"), "middle-flow modules add their input unchanged");
        // block12 keeps 728 channels until its last separable conv (grow_first=False)
        ConvLayer pw = (ConvLayer) net.layer("block12.rep.1.pointwise");
        assertEquals(ConvGeometry.pointwise(728, 728), pw.geometry());
        assertEquals(new MaxPoolLayer("block12.rep.6", 3, 2, 1), net.layer("block12.rep.6"));
    }

    @Test
    void featureMapIsTenByTenBeforeThePool() {
        List<Shape> shapes = net.shapes(299, 299);
        Shape beforePool = shapes.get(net.indexOf("global_pool"));
        assertEquals(Shape.map(2048, 10, 10), beforePool);
    }

    @Test
    void preprocessingIsTimmsDefaultForLegacyXception() {
        Preprocessing p = Architecture.XCEPTION.family().preprocessing();
        assertEquals(299, p.config().crop());
        assertEquals(333, p.config().resizeShorter()); // floor(299 / 0.8975)
        assertEquals(0.5f, p.config().mean()[1]);
        assertEquals(0.5f, p.config().std()[2]);
        assertEquals("timm/legacy_xception.tf_in1k", Architecture.XCEPTION.family().pretrained().orElseThrow().hubRepo());
    }
}
