package lab.mobilenet.engine.model;

import static lab.mobilenet.engine.model.Activation.HARD_SWISH;
import static lab.mobilenet.engine.model.Activation.RELU;
import static lab.mobilenet.engine.model.BlockSpec.cn;
import static lab.mobilenet.engine.model.BlockSpec.ds;
import static lab.mobilenet.engine.model.BlockSpec.dsa;
import static lab.mobilenet.engine.model.BlockSpec.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * The block tables of the papers, in timm's stage layout. Each stage is a list of blocks; only a stage's
 * first block strides. Resolutions in the comments are for a 224×224 input.
 */
final class ArchitectureTables {

    private ArchitectureTables() {
    }

    static List<List<BlockSpec>> stages(Architecture arch) {
        return switch (arch) {
            case MOBILENET_V1 -> v1();
            case CONV_MOBILENET_V1 -> v1().stream().map(s -> s.stream().map(b -> b.withType(BlockType.FULL)).toList()).toList();
            case MOBILENET_V2 -> v2();
            case MOBILENET_V3_LARGE -> v3Large();
            case MOBILENET_V3_SMALL -> v3Small();
        };
    }

    private static List<List<BlockSpec>> v1() {
        return List.of(
                repeat(1, dsa(3, 1, 64)),     // 112×112 in
                repeat(2, dsa(3, 2, 128)),    // 112×112 in → 56×56
                repeat(2, dsa(3, 2, 256)),    // 56×56 → 28×28
                repeat(6, dsa(3, 2, 512)),    // 28×28 → 14×14
                repeat(2, dsa(3, 2, 1024)));  // 14×14 → 7×7
    }

    private static List<List<BlockSpec>> v2() {
        return List.of(
                repeat(1, ds(3, 1, 16, null, false)),   // 112×112
                repeat(2, ir(3, 2, 6, 24, null, false)), // 112 → 56
                repeat(3, ir(3, 2, 6, 32, null, false)), // 56 → 28
                repeat(4, ir(3, 2, 6, 64, null, false)), // 28 → 14
                repeat(3, ir(3, 1, 6, 96, null, false)), // 14
                repeat(3, ir(3, 2, 6, 160, null, false)), // 14 → 7
                repeat(1, ir(3, 1, 6, 320, null, false))); // 7
    }

    private static List<List<BlockSpec>> v3Large() {
        return List.of(
                repeat(1, ds(3, 1, 16, RELU, false)),                                   // 112×112 in
                List.of(ir(3, 2, 4, 24, RELU, false), ir(3, 1, 3, 24, RELU, false)),    // 112 → 56
                repeat(3, ir(5, 2, 3, 40, RELU, true)),                                 // 56 → 28
                List.of(ir(3, 2, 6, 80, null, false), ir(3, 1, 2.5, 80, null, false),   // 28 → 14
                        ir(3, 1, 2.3, 80, null, false), ir(3, 1, 2.3, 80, null, false)),
                repeat(2, ir(3, 1, 6, 112, null, true)),                                // 14
                repeat(3, ir(5, 2, 6, 160, null, true)),                                // 14 → 7
                List.of(cn(960)));                                                      // 7
    }

    private static List<List<BlockSpec>> v3Small() {
        return List.of(
                repeat(1, ds(3, 2, 16, RELU, true)),                                        // 112 → 56
                List.of(ir(3, 2, 4.5, 24, RELU, false), ir(3, 1, 3.67, 24, RELU, false)),   // 56 → 28
                List.of(ir(5, 2, 4, 40, null, true), ir(5, 1, 6, 40, null, true),          // 28 → 14
                        ir(5, 1, 6, 40, null, true)),
                repeat(2, ir(5, 1, 3, 48, null, true)),                                     // 14
                repeat(3, ir(5, 2, 6, 96, null, true)),                                     // 14 → 7
                List.of(cn(576)));                                                          // 7
    }

    /** n blocks; the first keeps the stride, the others have stride 1 (timm's "_rN"). */
    private static List<BlockSpec> repeat(int n, BlockSpec first) {
        List<BlockSpec> blocks = new ArrayList<>();
        blocks.add(first);
        for (int i = 1; i < n; i++) {
            blocks.add(first.withStride(1));
        }
        return List.copyOf(blocks);
    }
}
