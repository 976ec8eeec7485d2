package lab.mobilenet.lessons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import lab.mobilenet.engine.classify.PretrainedConfigs;
import lab.mobilenet.engine.image.ModelInput;
import lab.mobilenet.engine.image.Preprocessor;
import lab.mobilenet.engine.image.RgbImage;
import lab.mobilenet.engine.model.Activation;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.Layer;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.model.NetworkBuilder;
import lab.mobilenet.engine.model.Shape;
import lab.mobilenet.engine.runtime.ActivationSnapshot;
import lab.mobilenet.engine.runtime.CancellationToken;
import lab.mobilenet.engine.runtime.LayerRun;
import lab.mobilenet.engine.runtime.NetworkRunner;
import lab.mobilenet.engine.runtime.RunListener;
import lab.mobilenet.engine.runtime.SeededWeights;
import lab.mobilenet.engine.runtime.Weights;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class BlockWalkthroughTest {

    private static RgbImage photo;
    private static BlockWalkthrough v2;
    private static BlockWalkthrough v3;

    @BeforeAll
    static void runBothBlocks() {
        byte[] rgb = new byte[3 * 300 * 240];
        new SplittableRandom(5).nextBytes(rgb);
        photo = RgbImage.of(300, 240, rgb);
        LessonOptions o = LessonOptions.DEFAULTS.withPhoto(photo);
        v2 = LessonCatalog.session(LessonCatalog.INVERTED_RESIDUAL, null, o).walkthrough().orElseThrow();
        v3 = LessonCatalog.session(LessonCatalog.SQUEEZE_EXCITE, null, o).walkthrough().orElseThrow();
    }

    @Test
    void v2BlockHasExpandDepthwiseProjectAddWithTheTablesShapes() {
        assertEquals("mobilenetv2_100", v2.network());
        assertEquals("blocks.2.1", v2.block());
        assertEquals(List.of(StageKind.EXPAND, StageKind.DEPTHWISE, StageKind.PROJECT, StageKind.ADD),
                v2.stages().stream().map(BlockStage::kind).toList());
        // stage 2 of MobileNetV2: 32 channels at 28×28, expansion 6
        assertEquals(Shape.map(32, 28, 28), v2.inputShape());
        assertEquals(Shape.map(192, 28, 28), v2.stages().get(0).output());
        assertEquals(Shape.map(192, 28, 28), v2.stages().get(1).output());
        assertEquals(Shape.map(32, 28, 28), v2.stages().get(2).output());
        assertEquals(32L * 192 * 28 * 28, v2.stages().get(0).macs());
        assertEquals(9L * 192 * 28 * 28, v2.stages().get(1).macs());
        assertEquals(192L * 32 * 28 * 28, v2.stages().get(2).macs());
        assertEquals(0, v2.stages().get(3).macs());
        assertEquals(Activation.RELU6, v2.activation());
        assertFalse(v2.seGates().isPresent());
        assertFalse(v2.pretrained());
    }

    @Test
    void lessonNineRunsOnV3SmallWhenAskedWithTheSameKindOfBlock() {
        LessonOptions o = LessonOptions.DEFAULTS.withPhoto(photo)
                .withNetwork(lab.mobilenet.engine.model.Architecture.MOBILENET_V3_SMALL);
        BlockWalkthrough s = LessonCatalog.session(LessonCatalog.SQUEEZE_EXCITE, null, o).walkthrough().orElseThrow();
        assertEquals("mobilenetv3_small_100", s.network());
        assertEquals("blocks.2.1", s.block());
        assertEquals(List.of(StageKind.EXPAND, StageKind.DEPTHWISE, StageKind.SE, StageKind.PROJECT, StageKind.ADD),
                s.stages().stream().map(BlockStage::kind).toList());
        // V3-Small at 224: stem 112, blocks.0 → 56, blocks.1 → 28, blocks.2.0 → 14; blocks.2.1: 40 → 240 → 40,
        // 5×5 depthwise, SE 240 → make_divisible(60) = 64 → 240
        assertEquals(Shape.map(40, 14, 14), s.inputShape());
        List<Long> macs = List.of(40L * 240 * 196, 25L * 240 * 196, 2L * 240 * 64, 240L * 40 * 196, 0L);
        assertEquals(macs, s.stages().stream().map(BlockStage::macs).toList());
        assertEquals(macs, s.stages().stream().map(BlockStage::measuredMacs).toList());
        assertEquals(64, s.stage(StageKind.SE).orElseThrow().squeezed());
        assertEquals(Activation.HARD_SWISH, s.activation());
    }

    @Test
    void lessonNineRefusesANetworkWithoutSqueezeExciteBlocks() {
        assertThrows(IllegalArgumentException.class,
                () -> LessonOptions.DEFAULTS.withNetwork(lab.mobilenet.engine.model.Architecture.MOBILENET_V2));
    }

    @Test
    void stageShapesChainAndEachOutputSnapshotHasItsShape() {
        for (BlockWalkthrough w : List.of(v2, v3)) {
            assertArrayEquals(w.inputShape().nchw(), w.blockInput().shape());
            for (int i = 0; i < w.stages().size(); i++) {
                BlockStage s = w.stages().get(i);
                if (i > 0) {
                    assertEquals(w.stages().get(i - 1).output(), s.input(), s.name());
                }
                assertArrayEquals(s.output().nchw(), s.activation().shape(), s.name());
            }
        }
    }

    @Test
    void v2StageMacsAndParamsAreTheHandWorkedValues() {
        // blocks.2.1: 32 → 192 → 32 at 28×28 (784 pixels), 3×3 depthwise; BN adds γ and β per channel
        List<Long> macs = List.of(32L * 192 * 784, 9L * 192 * 784, 192L * 32 * 784, 0L);
        List<Long> params = List.of(32L * 192 + 2 * 192, 9L * 192 + 2 * 192, 192L * 32 + 2 * 32, 0L);
        assertEquals(macs, v2.stages().stream().map(BlockStage::macs).toList());
        assertEquals(macs, v2.stages().stream().map(BlockStage::measuredMacs).toList());
        assertEquals(params, v2.stages().stream().map(BlockStage::params).toList());
        assertEquals(List.of(1, 3, 1, 0), v2.stages().stream().map(BlockStage::kernel).toList());
    }

    @Test
    void v3StageMacsAndParamsAreTheHandWorkedValues() {
        // blocks.4.1 of V3-Large: 112 → 672 → 112 at 14×14 (196 pixels), 3×3 depthwise, SE 672 → 168 → 672
        List<Long> macs = List.of(112L * 672 * 196, 9L * 672 * 196, 2L * 672 * 168, 672L * 112 * 196, 0L);
        List<Long> params = List.of(112L * 672 + 2 * 672, 9L * 672 + 2 * 672, 672L * 168 + 168 + 168L * 672 + 672,
                672L * 112 + 2 * 112, 0L);
        assertEquals(macs, v3.stages().stream().map(BlockStage::macs).toList());
        assertEquals(macs, v3.stages().stream().map(BlockStage::measuredMacs).toList());
        assertEquals(params, v3.stages().stream().map(BlockStage::params).toList());
        assertEquals(List.of(1, 3, 0, 1, 0), v3.stages().stream().map(BlockStage::kernel).toList());
        assertEquals(168, v3.stage(StageKind.SE).orElseThrow().squeezed());
    }

    @Test
    void v3BlockFormulasAddUpToTheBlocksTotalMacs() {
        LessonSession s = LessonCatalog.session(LessonCatalog.SQUEEZE_EXCITE, null,
                LessonOptions.DEFAULTS.withPhoto(photo));
        List<Formula> f = s.frame().formulas();
        assertEquals(List.of("pointwise-macs", "depthwise-macs", "squeeze-excite-macs", "pointwise-macs"),
                f.stream().map(Formula::id).toList());
        assertEquals("C·C_r + C_r·C", f.get(2).symbolic());
        assertEquals(2L * 672 * 168, f.get(2).longValue());
        assertEquals(3, f.get(1).terms().get(0).value(), 0); // D_K from the layer, not from the MACs
        long total = 112L * 672 * 196 + 9L * 672 * 196 + 2L * 672 * 168 + 672L * 112 * 196;
        assertEquals(total, f.stream().mapToLong(Formula::longValue).sum());
        assertEquals(total, s.walkthrough().orElseThrow().macs());
        assertEquals(total, s.walkthrough().orElseThrow().measuredMacs());
    }

    @Test
    void blockCountersAreTheFinishedStagesMeasuredMacsParamsAndBytes() {
        LessonSession s = LessonCatalog.session(LessonCatalog.INVERTED_RESIDUAL, null,
                LessonOptions.DEFAULTS.withPhoto(photo));
        long total = 32L * 192 * 784 + 9L * 192 * 784 + 192L * 32 * 784;
        Counters zero = s.frame().counters();
        assertEquals(0, zero.macsDone());
        assertEquals(total, zero.macsTotal());
        assertEquals(0, zero.params());
        assertEquals(0, zero.bytesRead());
        s.next();
        LessonFrame f = s.frame();
        Counters c = f.counters();
        assertEquals(c, f.block().orElseThrow().counters());
        assertEquals(32L * 192 * 784, c.macsDone());
        assertEquals(c.macsDone(), f.block().orElseThrow().macsDone());
        assertEquals(32L * 192 * 784, f.block().orElseThrow().formulaMacsDone());
        assertEquals(32L * 192 + 2 * 192, c.params());
        assertEquals(List.of("blocks.2.1.conv_pw", "blocks.2.1.bn1", "blocks.2.1.bn1.act"),
                v2.stages().get(0).layers());
        // float32, each layer reads its input once and writes its output once: conv reads 32×784 values and
        // 32·192 weights; batch norm reads 192×784 values and 4·192 stored values (γ, β, mean, variance);
        // ReLU6 reads 192×784 values; each of the three writes 192×784 values
        assertEquals(4L * (32 * 784 + 32 * 192 + 192 * 784 + 4 * 192 + 192 * 784), c.bytesRead());
        assertEquals(4L * 3 * 192 * 784, c.bytesWritten());
        assertEquals(c.bytesRead() + c.bytesWritten(), c.compulsoryBytes());
        assertEquals(192L * 784, c.outputsDone());
        BlockFrame b = f.block().orElseThrow();
        assertEquals(b.walkthrough().stages().get(0).nanos(), b.nanosDone());
        assertTrue(b.nanosDone() > 0);
        s.end();
        Counters end = s.frame().counters();
        assertTrue(end.complete());
        assertEquals(total, end.macsDone());
        assertEquals(32L * 192 + 2 * 192 + 9L * 192 + 2 * 192 + 192L * 32 + 2 * 32, end.params());
    }

    @Test
    void addStageIsProjectOutputPlusBlockInput() {
        for (BlockWalkthrough w : List.of(v2, v3)) {
            float[] in = w.blockInput().values();
            float[] proj = w.stage(StageKind.PROJECT).orElseThrow().activation().values();
            float[] out = w.stage(StageKind.ADD).orElseThrow().activation().values();
            assertEquals(in.length, out.length);
            for (int i = 0; i < out.length; i++) {
                assertEquals(proj[i] + in[i], out[i], 1e-5, w.block() + " index " + i);
            }
        }
    }

    @Test
    void v3BlockHasSqueezeExciteGatesInUnitIntervalThatScaleItsInput() {
        assertEquals("mobilenetv3_large_100", v3.network());
        assertEquals(List.of(StageKind.EXPAND, StageKind.DEPTHWISE, StageKind.SE, StageKind.PROJECT, StageKind.ADD),
                v3.stages().stream().map(BlockStage::kind).toList());
        assertEquals(Activation.HARD_SWISH, v3.activation());
        float[] gates = v3.seGates().orElseThrow();
        BlockStage dw = v3.stage(StageKind.DEPTHWISE).orElseThrow();
        BlockStage se = v3.stage(StageKind.SE).orElseThrow();
        int c = dw.output().channels();
        assertEquals(112 * 6, c);
        assertEquals(c, gates.length);
        for (float g : gates) {
            assertTrue(g >= 0 && g <= 1, "gate " + g);
        }
        float[] x = dw.activation().values();
        float[] y = se.activation().values();
        int plane = x.length / c;
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < plane; i++) {
                int k = ch * plane + i;
                assertEquals(x[k] * gates[ch], y[k], 1e-5 * Math.max(1, Math.abs(x[k])), "channel " + ch);
            }
        }
    }

    @Test
    void hardSwishFormulaAndSamplesAreTheHandValues() {
        assertEquals("h-swish(x) = x · ReLU6(x + 3) / 6", v3.activationFormula());
        Map<Float, Float> expected = Map.of(-4f, 0f, -3f, 0f, -1f, -1f / 3, 0f, 0f, 1f, 2f / 3, 3f, 3f, 4f, 4f);
        List<ActivationSample> samples = v3.activationSamples();
        assertEquals(11, samples.size());
        for (ActivationSample s : samples) {
            if (expected.containsKey(s.x())) {
                assertEquals(expected.get(s.x()), s.y(), 1e-6, "x = " + s.x());
            }
        }
        assertEquals(-0.5f * 2.5f / 6, samples.get(4).y(), 1e-6);
    }

    @Test
    void stoppingTheRunAfterTheBlockDoesNotChangeTheBlockOutput() {
        for (BlockWalkthrough w : List.of(v2, v3)) {
            Architecture arch = w == v2 ? Architecture.MOBILENET_V2 : Architecture.MOBILENET_V3_LARGE;
            Network net = NetworkBuilder.build(arch, 1.0);
            String addName = w.block() + ".add";
            ActivationSnapshot[] seen = new ActivationSnapshot[1];
            ModelInput in = Preprocessor.prepare(photo, PretrainedConfigs.forArchitecture(arch));
            try (Weights weights = SeededWeights.create(net, 42);
                 INDArray x = Nd4j.create(in.tensor(), in.shape(), 'c');
                 INDArray logits = new NetworkRunner(net, weights).run(x, new RunListener() {
                     @Override
                     public boolean wantsActivation(Layer layer) {
                         return layer.name().equals(addName);
                     }

                     @Override
                     public void layerFinished(LayerRun run) {
                         if (run.activation() != null) {
                             seen[0] = run.activation();
                         }
                     }
                 }, CancellationToken.NEVER)) {
                assertEquals(1000, logits.size(1));
            }
            assertArrayEquals(seen[0].values(), w.output().values(), 1e-6f, w.block());
        }
    }

    @Test
    void sessionStepsOneStageAtATimeOrTheWholeBlock() {
        LessonSession s = LessonCatalog.session(LessonCatalog.INVERTED_RESIDUAL, null,
                LessonOptions.DEFAULTS.withPhoto(photo));
        assertEquals(4, s.length());
        assertTrue(s.frame().block().orElseThrow().current().isEmpty());
        assertTrue(s.next());
        BlockFrame f = s.frame().block().orElseThrow();
        assertEquals(StageKind.EXPAND, f.current().orElseThrow().kind());
        assertEquals(StageKind.DEPTHWISE, f.upcoming().orElseThrow().kind());
        assertEquals(32L * 192 * 28 * 28, f.macsDone());
        s.next(Granularity.LAYER);
        assertTrue(s.atEnd());
        assertEquals(StageKind.ADD, s.frame().block().orElseThrow().current().orElseThrow().kind());
        s.previous(Granularity.ROW);
        assertEquals(3, s.position());
        s.previous(Granularity.LAYER);
        assertTrue(s.atStart());
        // the formulas: expand (1×1), depthwise 3×3, project (1×1)
        assertEquals(List.of(32L * 192 * 784, 9L * 192 * 784, 192L * 32 * 784),
                s.frame().formulas().stream().map(Formula::longValue).toList());
    }

    @Test
    void weightsPassedInAreUsedAndLeftOpenAndForeignWeightsAreRejected() {
        Network v2net = NetworkBuilder.build(Architecture.MOBILENET_V2, 1.0);
        try (Weights mine = SeededWeights.create(v2net, 7)) {
            BlockWalkthrough w = BlockRunner.run(Architecture.MOBILENET_V2, "blocks.2.1", photo, mine);
            assertEquals("untrained (seed 7)", w.weightsSource());
            assertFalse(java.util.Arrays.equals(v2.output().values(), w.output().values()));
            assertEquals(32, mine.get("blocks.2.1.conv_pw.weight").size(1)); // still open
        }
        try (Weights v1 = SeededWeights.create(NetworkBuilder.build(Architecture.MOBILENET_V1, 1.0), 1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LessonCatalog.session(LessonCatalog.INVERTED_RESIDUAL, null,
                            LessonOptions.DEFAULTS.withPhoto(photo).withWeights(v1)));
            assertTrue(e.getMessage().contains("do not fit mobilenetv2_100"), e.getMessage());
        }
    }

    @Test
    void planesPhotoIsUsedWhenNoFullSizePhotoIsGiven() {
        BlockWalkthrough w = LessonCatalog.session(LessonCatalog.INVERTED_RESIDUAL, Fixtures.image(3, 3, 60, 80))
                .walkthrough().orElseThrow();
        assertEquals(224, w.crop().width());
        assertEquals(4, w.stages().size());
    }
}
