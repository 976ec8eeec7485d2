package lab.mobilenet.engine.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import lab.mobilenet.engine.checkpoint.CheckpointBinder;
import lab.mobilenet.engine.cost.LayerCost;
import lab.mobilenet.engine.cost.ModelSummary;
import lab.mobilenet.engine.io.Npy;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.ModelName;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.model.NetworkBuilder;
import lab.mobilenet.engine.runtime.CancellationToken;
import lab.mobilenet.engine.runtime.NetworkRunner;
import lab.mobilenet.engine.runtime.RunListener;
import lab.mobilenet.engine.runtime.Weights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Squeeze-excite's rows named as timm's submodules ({@code se.conv_reduce}, {@code se.act1},
 * {@code se.conv_expand}, {@code se.gate}): the gate vector against a PyTorch forward hook on the
 * {@code gate} module ({@code tools/make_inspect_fixtures.py}, whole vector saved), on the compiled
 * inspection plan and on one ND4J op per layer; and the costs split by hand.
 */
class SqueezeExciteRowsTest {

    private static final Path ROOT = Path.of("src/test/resources/reference");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} {1} compiled={2}")
    @CsvSource({"v3s_050, blocks.0.0.se.gate, true", "v3s_050, blocks.2.1.se.gate, false",
        "v3l_035, blocks.2.0.se.gate, true", "v3l_035, blocks.4.1.se.gate, true", "v3l_035, blocks.4.1.se.gate, false"})
    void gateRowIsTheVectorTimmsGateModuleOutputs(String fixture, String gate, boolean compiled) throws Exception {
        Path dir = ROOT.resolve(fixture);
        JsonNode meta = JSON.readTree(dir.resolve("meta.json").toFile());
        JsonNode ref = JSON.readTree(dir.resolve("inspect/stats.json").toFile()).get("modules").get(gate);
        Network net = ModelName.parse(meta.get("arch").asText(), meta.get("width").asDouble())
                .build(meta.get("numClasses").asInt());
        Npy.NpyArray input = Npy.read(dir.resolve("input.npy"));
        InspectionPlan plan = InspectionPlan.of(net, (int) input.shape()[2], (int) input.shape()[3]);
        Inspector inspector = new Inspector(plan, false, gate::equals, RunListener.NONE, null);
        try (Weights w = CheckpointBinder.load(net, dir.resolve("model.safetensors"));
             INDArray x = Nd4j.create(input.data(), input.shape(), 'c')) {
            NetworkRunner runner = compiled ? new NetworkRunner(net, w) : NetworkRunner.nd4jOps(net, w);
            runner.run(x, inspector, CancellationToken.NEVER).close();
        }
        Inspection ins = inspector.result();
        InspectionRow row = ins.row(gate);
        assertNotNull(row, gate);
        long[] shape = JSON.convertValue(ref.get("shape"), long[].class);
        assertEquals(1, shape[2] * shape[3], "a gate is one value per channel");
        assertArrayEquals(shape, row.outputShape());
        double tol = 1e-4 * Math.max(Math.abs(ref.get("min").asDouble()), Math.abs(ref.get("max").asDouble()));
        assertEquals(ref.get("min").asDouble(), row.stats().min(), tol);
        assertEquals(ref.get("max").asDouble(), row.stats().max(), tol);
        assertEquals(ref.get("mean").asDouble(), row.stats().mean(), tol);
        assertEquals(ref.get("std").asDouble(), row.stats().std(), tol);
        float[] expected = Npy.read(dir.resolve("inspect/" + gate + ".npy")).data();
        assertEquals(shape[1], expected.length, "the whole gate vector was saved");
        assertArrayEquals(expected, ins.outputs().get(gate).values(), (float) tol);
        assertTrue(row.millis() >= 0);
    }

    @Test
    void theInnerRowsTimesComeOutOfTheSeRowAndStayInTheBlock() {
        Network v3s = NetworkBuilder.build(Architecture.MOBILENET_V3_SMALL, 0.5);
        float[] x = new float[3 * 64 * 64];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(i * 0.01);
        }
        Inspection ins;
        try (Weights w = lab.mobilenet.engine.runtime.SeededWeights.create(v3s, 5)) {
            ins = Inspector.inspect(v3s, w, x, new long[] {1, 3, 64, 64}, n -> false, RunListener.NONE, null,
                    CancellationToken.NEVER);
        }
        for (String block : List.of("blocks.0.0", "blocks.2.1", "blocks.4.2")) {
            double layers = ins.layerRows().stream().filter(r -> r.name().startsWith(block + "."))
                    .mapToDouble(InspectionRow::millis).sum();
            assertEquals(ins.row(block).millis(), layers, 1e-9, block + ": its layer rows, SE's parts included");
            assertTrue(ins.row(block + ".se").millis() >= 0, block);
            assertTrue(ins.row(block + ".se.conv_reduce").millis() > 0, block + ": timed on its own");
        }
        assertEquals(ins.layerRows().stream().mapToDouble(InspectionRow::millis).sum(), ins.millis(), 1e-9);
    }

    @Test
    void rowsRunInTimmsOrderAndSplitTheLayersCostWithoutOverlap() {
        Network v3s = NetworkBuilder.build(Architecture.MOBILENET_V3_SMALL, 1.0);
        InspectionPlan plan = InspectionPlan.of(v3s, 224, 224);
        List<String> names = plan.layerRows().stream().map(ModuleSpan::name).toList();
        int at = names.indexOf("blocks.0.0.se.conv_reduce");
        assertEquals(List.of("blocks.0.0.se.conv_reduce", "blocks.0.0.se.act1", "blocks.0.0.se.conv_expand",
                "blocks.0.0.se.gate", "blocks.0.0.se", "blocks.0.0.conv_pw"), names.subList(at, at + 6));
        // V3-Small's first block: depthwise stride 2 on 16 channels, 112 -> 56; SE reduces 16 -> 8
        ModuleSpan reduce = plan.row("blocks.0.0.se.conv_reduce");
        assertEquals(16 * 8, reduce.macs());
        assertEquals(16 * 8 + 8, reduce.params());
        assertEquals((16 * 8 + 8) * 4, reduce.bytesRead());
        assertEquals("pointwise", reduce.type());
        assertEquals("relu", plan.row("blocks.0.0.se.act1").type());
        ModuleSpan expand = plan.row("blocks.0.0.se.conv_expand");
        assertEquals(8 * 16, expand.macs());
        assertEquals(8 * 16 + 16, expand.params());
        ModuleSpan gate = plan.row("blocks.0.0.se.gate");
        assertEquals("hard_sigmoid", gate.type());
        assertEquals("1x16x1x1", gate.output().toString());
        assertEquals(0, gate.macs());
        ModuleSpan se = plan.row("blocks.0.0.se");
        assertEquals(0, se.macs());
        assertEquals(2L * 16 * 56 * 56 * 4, se.bytesRead(), "pooled once, scaled once");
        assertEquals(16L * 56 * 56 * 4, se.bytesWritten());
        LayerCost layer = ModelSummary.of(v3s, 224).layers().get(se.last());
        assertEquals(layer.macs(), reduce.macs() + expand.macs());
        assertEquals(layer.params(), reduce.params() + expand.params());
        long parts = plan.rows().stream().filter(r -> r.name().startsWith("blocks.0.0.se"))
                .mapToLong(r -> r.bytesRead() + r.bytesWritten()).sum();
        assertEquals(layer.weightBytes() + layer.activationBytesRead() + layer.activationBytesWritten(), parts);
    }
}
