package lab.mobilenet.engine.model;

import static lab.mobilenet.engine.model.Activation.HARD_SWISH;
import static lab.mobilenet.engine.model.Activation.RELU;
import static lab.mobilenet.engine.model.Activation.RELU6;
import static lab.mobilenet.engine.model.BlockSpec.cn;
import static lab.mobilenet.engine.model.BlockSpec.ds;
import static lab.mobilenet.engine.model.BlockSpec.dsa;
import static lab.mobilenet.engine.model.BlockSpec.ir;
import static lab.mobilenet.engine.model.BlockSpec.xception;

import java.util.ArrayList;
import java.util.List;
import lab.mobilenet.engine.model.NetworkFamily.BlockNaming;

/**
 * The families as data: the papers' block tables in timm's stage layout, with stem, head, preprocessing and
 * checkpoint. Within a {@link #stage} only the first block strides. Resolutions in the comments are for the
 * family's own input size (224×224, Xception 299×299).
 */
final class ArchitectureTables {

    private ArchitectureTables() {
    }

    static NetworkFamily family(Architecture arch) {
        return switch (arch) {
            case MOBILENET_V1 -> new NetworkFamily("mobilenetv1", List.of("mobilenet_v1", "v1"),
                    List.of(0.25, 0.5, 0.75, 1.0), true, List.of(StemConv.timm(32)), BlockNaming.STAGED, v1(),
                    HeadSpec.poolLinear(), RELU6, Preprocessing.half(224, 0.875),
                    new CheckpointSource("mobilenetv1_100", "ra4_e3600_r224_in1k"));
            case CONV_MOBILENET_V1 -> new NetworkFamily("conv_mobilenetv1", List.of("conv_mobilenet_v1", "conv_mobilenet"),
                    List.of(0.25, 0.5, 0.75, 1.0), true, List.of(StemConv.timm(32)), BlockNaming.STAGED,
                    v1().stream().map(s -> s.stream().map(b -> b.withType(BlockType.FULL)).toList()).toList(),
                    HeadSpec.poolLinear(), RELU6, Preprocessing.half(224, 0.875), null);
            case MOBILENET_V2 -> new NetworkFamily("mobilenetv2", List.of("mobilenet_v2", "v2"),
                    List.of(0.35, 0.5, 0.75, 1.0, 1.4), true, List.of(StemConv.timm(32)), BlockNaming.STAGED, v2(),
                    HeadSpec.convPoolLinear(1280), RELU6, Preprocessing.imagenet224(),
                    new CheckpointSource("mobilenetv2_100", "ra_in1k",
                            "55ea4fb3a96010b933710ebf44fc965b070d5cd054d3f35e44f2d1320b4a714e"));
            case MOBILENET_V3_LARGE -> new NetworkFamily("mobilenetv3_large", List.of("mobilenet_v3_large", "v3_large", "v3l"),
                    List.of(0.75, 1.0), true, List.of(StemConv.timm(16).fixedBelowThreeQuarterWidth()),
                    BlockNaming.STAGED, v3Large(), HeadSpec.poolConvLinear(1280), HARD_SWISH,
                    Preprocessing.imagenet224(), new CheckpointSource("mobilenetv3_large_100", "ra_in1k",
                            "f425af34cc1cead2b5d6211f789a1f30b94835dc32f9c0fcc5a916e4fd2dde85"));
            case MOBILENET_V3_SMALL -> new NetworkFamily("mobilenetv3_small", List.of("mobilenet_v3_small", "v3_small", "v3s"),
                    List.of(0.5, 0.75, 1.0), true, List.of(StemConv.timm(16).fixedBelowThreeQuarterWidth()),
                    BlockNaming.STAGED, v3Small(), HeadSpec.poolConvLinear(1024), HARD_SWISH,
                    Preprocessing.imagenet224(), new CheckpointSource("mobilenetv3_small_100", "lamb_in1k"));
            case XCEPTION -> new NetworkFamily("legacy_xception", List.of("xception"), List.of(1.0), false,
                    List.of(StemConv.named("conv1", "bn1", "act1", 32).stride(2).valid(),
                            StemConv.named("conv2", "bn2", "act2", 64).valid()),
                    BlockNaming.NUMBERED, xceptionFlows(), HeadSpec.separablePoolLinear(1536, 2048), RELU,
                    Preprocessing.half(299, 0.8975), new CheckpointSource("legacy_xception", "tf_in1k"));
        };
    }

    private static List<List<BlockSpec>> v1() {
        return List.of(
                stage(1, dsa(64)),                // 112×112 in
                stage(2, dsa(128).stride(2)),     // 112×112 in → 56×56
                stage(2, dsa(256).stride(2)),     // 56×56 → 28×28
                stage(6, dsa(512).stride(2)),     // 28×28 → 14×14
                stage(2, dsa(1024).stride(2)));   // 14×14 → 7×7
    }

    private static List<List<BlockSpec>> v2() {
        return List.of(
                stage(1, ds(16)),                             // 112×112
                stage(2, ir(24).expansion(6).stride(2)),      // 112 → 56
                stage(3, ir(32).expansion(6).stride(2)),      // 56 → 28
                stage(4, ir(64).expansion(6).stride(2)),      // 28 → 14
                stage(3, ir(96).expansion(6)),                // 14
                stage(3, ir(160).expansion(6).stride(2)),     // 14 → 7
                stage(1, ir(320).expansion(6)));              // 7
    }

    private static List<List<BlockSpec>> v3Large() {
        return List.of(
                stage(1, ds(16).activation(RELU)),                                          // 112×112 in
                List.of(ir(24).expansion(4).stride(2).activation(RELU),                     // 112 → 56
                        ir(24).expansion(3).activation(RELU)),
                stage(3, ir(40).kernel(5).stride(2).expansion(3).activation(RELU).se()),    // 56 → 28
                List.of(ir(80).expansion(6).stride(2), ir(80).expansion(2.5),               // 28 → 14
                        ir(80).expansion(2.3), ir(80).expansion(2.3)),
                stage(2, ir(112).expansion(6).se()),                                        // 14
                stage(3, ir(160).kernel(5).stride(2).expansion(6).se()),                    // 14 → 7
                List.of(cn(960)));                                                          // 7
    }

    private static List<List<BlockSpec>> v3Small() {
        return List.of(
                stage(1, ds(16).stride(2).activation(RELU).se()),                           // 112 → 56
                List.of(ir(24).expansion(4.5).stride(2).activation(RELU),                   // 56 → 28
                        ir(24).expansion(3.67).activation(RELU)),
                List.of(ir(40).kernel(5).stride(2).expansion(4).se(),                      // 28 → 14
                        ir(40).kernel(5).expansion(6).se(), ir(40).kernel(5).expansion(6).se()),
                stage(2, ir(48).kernel(5).expansion(3).se()),                               // 14
                stage(3, ir(96).kernel(5).stride(2).expansion(6).se()),                     // 14 → 7
                List.of(cn(576)));                                                          // 7
    }

    /** Chollet's three flows; the stem has left 64×147×147 for a 299×299 input. */
    private static List<List<BlockSpec>> xceptionFlows() {
        return List.of(
                List.of(xception(128).reps(2).stride(2).noLeadingRelu(),   // entry: 147 → 74
                        xception(256).reps(2).stride(2),                    // 74 → 37
                        xception(728).reps(2).stride(2)),                   // 37 → 19
                stage(8, xception(728).reps(3)),                            // middle: 19, eight times
                List.of(xception(1024).reps(2).stride(2).growLast()));     // exit: 19 → 10
    }

    /** n blocks; the first keeps the stride, the others have stride 1 (timm's "_rN"). */
    private static List<BlockSpec> stage(int n, BlockSpec first) {
        List<BlockSpec> blocks = new ArrayList<>();
        blocks.add(first);
        for (int i = 1; i < n; i++) {
            blocks.add(first.stride(1));
        }
        return List.copyOf(blocks);
    }
}
