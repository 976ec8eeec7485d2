package lab.mobilenet.engine.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import lab.mobilenet.engine.cost.ModelSummary;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.NetworkBuilder;
import lab.mobilenet.engine.model.Network;
import org.junit.jupiter.api.Test;

class InspectionPlanTest {

    private final Network v2 = NetworkBuilder.build(Architecture.MOBILENET_V2, 1.0);
    private final InspectionPlan plan = InspectionPlan.of(v2, 224, 224);

    @Test
    void mobileNetV2HasSevenStagesOfSeventeenBlocks() {
        assertEquals(7, plan.rows().stream().filter(r -> r.kind() == RowKind.STAGE).count());
        assertEquals(17, plan.rows().stream().filter(r -> r.kind() == RowKind.BLOCK).count());
    }

    @Test
    void batchNormAndItsActivationAreOneRowAsInTimm() {
        ModuleSpan bn1 = plan.row("bn1");
        assertEquals("batchnorm+relu6", bn1.type());
        assertEquals(RowKind.LAYER, bn1.kind());
        assertNull(plan.row("bn1.act"));
        // the projection's batch norm has no activation in an inverted residual
        assertEquals("batchnorm", plan.row("blocks.1.1.bn3").type());
    }

    @Test
    void rowsAreInPreOrderStageThenBlockThenLayers() {
        List<String> names = plan.rows().stream().map(ModuleSpan::name).toList();
        int stage = names.indexOf("blocks.1");
        assertEquals(List.of("blocks.1", "blocks.1.0", "blocks.1.0.conv_pw", "blocks.1.0.bn1"),
                names.subList(stage, stage + 4));
        assertEquals("inverted_residual+residual", plan.row("blocks.1.1").type());
        assertEquals("inverted_residual", plan.row("blocks.1.0").type());
    }

    @Test
    void stemRowCountsItsConvolutionByHand() {
        // 3x3 conv, 3 -> 32 channels, stride 2: 112 x 112 x 32 outputs, 27 MACs each; 864 weights
        ModuleSpan stem = plan.row("conv_stem");
        assertEquals(112L * 112 * 32 * 27, stem.macs());
        assertEquals(864, stem.params());
        assertEquals(3L * 224 * 224 * 4 + 864 * 4, stem.bytesRead());
        assertEquals(32L * 112 * 112 * 4, stem.bytesWritten());
    }

    @Test
    void layerRowsAddUpToTheSummaryTotalForEveryNetwork() {
        for (Architecture a : List.of(Architecture.MOBILENET_V1, Architecture.MOBILENET_V2,
                Architecture.MOBILENET_V3_LARGE, Architecture.MOBILENET_V3_SMALL)) {
            Network n = NetworkBuilder.build(a, 0.75);
            assertEquals(ModelSummary.of(n, 192).macs(), InspectionPlan.of(n, 192, 192).macs(), a.name());
        }
    }

    @Test
    void aStageSumsItsBlocks() {
        ModuleSpan stage = plan.row("blocks.3");
        long blocks = plan.rows().stream().filter(r -> r.kind() == RowKind.BLOCK && r.name().startsWith("blocks.3."))
                .mapToLong(ModuleSpan::macs).sum();
        assertEquals(blocks, stage.macs());
        assertEquals(plan.row("blocks.3.3").last(), stage.last());
    }
}
