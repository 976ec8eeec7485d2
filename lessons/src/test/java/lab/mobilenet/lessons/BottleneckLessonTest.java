package lab.mobilenet.lessons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import lab.mobilenet.engine.model.Activation;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.NetworkBuilder;
import org.junit.jupiter.api.Test;

/** Lesson 10's steps: n from 2 to 30, one dimension a step, the frame and counters of each n. */
class BottleneckLessonTest {

    private static LessonSession open() {
        return LessonCatalog.session(LessonCatalog.LINEAR_BOTTLENECK, null);
    }

    private static int n(LessonSession s) {
        return s.frame().bottleneck().orElseThrow().n();
    }

    @Test
    void opensByIdAsLessonTenWithoutAPhoto() {
        Lesson l = LessonCatalog.byId("linear-bottleneck");
        assertEquals(10, l.number());
        assertEquals(l, LessonCatalog.all().get(9));
        LessonSession s = open();
        assertEquals(2, n(s), "the lesson starts where ReLU destroys the spiral");
        assertEquals(Optional.of(2), s.dimensions());
        assertTrue(s.frame().traces().isEmpty());
        assertTrue(s.frame().block().isEmpty() && s.frame().multipliers().isEmpty());
    }

    @Test
    void everyStepIsOneDimensionAtAnyGranularity() {
        LessonSession s = open();
        assertEquals(28, s.length(), "n = 2 … 30");
        assertTrue(s.next());
        assertEquals(3, n(s));
        s.setGranularity(Granularity.LAYER);
        assertTrue(s.next());
        assertEquals(4, n(s), "a whole-layer step is still one dimension: n is all there is to step");
        assertTrue(s.previous());
        assertTrue(s.previous());
        assertEquals(2, n(s));
        assertFalse(s.previous(), "stays at n = 2");
        s.end();
        assertEquals(30, n(s));
        assertFalse(s.next(), "stays at n = 30");
        s.home();
        assertEquals(2, n(s));
        s.selectDimensions(15);
        assertEquals(13, s.position());
        assertEquals(15, n(s));
        s.seek(28);
        assertEquals(Optional.of(30), s.dimensions());
    }

    @Test
    void badDimensionsAreOneClearError() {
        LessonSession s = open();
        assertThrows(IllegalArgumentException.class, () -> s.selectDimensions(1));
        assertThrows(IllegalArgumentException.class, () -> s.selectDimensions(31));
        assertEquals(2, n(s), "a refused n changes nothing");
        LessonSession other = LessonCatalog.session(LessonCatalog.MULTIPLIERS, null);
        assertThrows(IllegalStateException.class, () -> other.selectDimensions(5));
        assertEquals(Optional.empty(), other.dimensions());
    }

    @Test
    void theFormulaHasTheCurrentNSubstituted() {
        LessonSession s = open();
        s.selectDimensions(15);
        List<Formula> f = s.frame().formulas();
        assertEquals("y = T⁺·ReLU(T·x)", f.get(0).symbolic());
        assertEquals("T⁺[2×15]·ReLU(T[15×2]·x)", f.get(0).substituted());
        // 300 points, T·x and T⁺·h: 300·15·2 + 300·2·15 by hand
        assertEquals("300·15·2 + 300·2·15 = 9,000 + 9,000 = 18,000", f.get(1).substituted());
        s.next();
        assertEquals("T⁺[2×16]·ReLU(T[16×2]·x)", s.frame().formulas().get(0).substituted());
    }

    @Test
    void countersAreThoseOfTheTwoProductsAtThisN() {
        LessonSession s = open();
        s.selectDimensions(15);
        Counters c = s.frame().counters();
        // worked by hand for P = 300, n = 15 (conventions of Counters, float32)
        assertEquals(18_000, c.macsDone());
        assertEquals(18_000, c.macsTotal());
        assertEquals(60, c.params(), "T is 15×2, T⁺ 2×15");
        assertEquals(144_000, c.bytesRead(), "an input and a weight, 4 bytes each, per MAC");
        assertEquals(20_400, c.bytesWritten(), "4·(300·15 hidden + 300·2 outputs)");
        assertEquals(5_040, c.compulsoryBytes(), "4·(600 in + 60 weights + 600 out)");
        s.selectDimensions(2);
        assertEquals(2_400, s.frame().counters().macsTotal(), "300·2·2 + 300·2·2");
    }

    @Test
    void theFrameShowsWhatLinearBottleneckComputes() {
        LessonSession s = open();
        LinearBottleneck lb = LinearBottleneck.seeded(LinearBottleneck.SEED);
        double[][] x = LinearBottleneck.spiral(LinearBottleneck.POINTS);
        for (int n : new int[] {2, 3, 15, 30}) {
            s.selectDimensions(n);
            BottleneckFrame f = s.frame().bottleneck().orElseThrow();
            double[][] r = lb.recover(x, n, true);
            assertEquals(300, f.relu().size());
            assertEquals(r[17][0], f.relu().xs()[17], 0);
            assertEquals(r[250][1], f.relu().ys()[250], 0);
            assertArrayEquals(f.input().xs(), f.linear().xs(), 1e-9, "without ReLU the spiral comes back");
            assertEquals(1.0, f.linearSurvival().share());
            assertEquals(f.reluSurvival().share(), f.surviving() / 300.0, 1e-12, "n=" + n);
            assertEquals(f.reluSurvival().share(), f.shareByN().get(n - 2), 1e-12, "n=" + n);
        }
        List<Double> share = s.frame().bottleneck().orElseThrow().shareByN();
        assertEquals(29, share.size());
        // the lesson's story in its own numbers: few dimensions lose much of the spiral, many keep most of it
        assertTrue(share.get(0) < 0.1 && share.get(1) < 0.2, share.toString());
        assertTrue(share.get(13) > 3 * share.get(1) && share.get(28) > 0.95, share.toString());
    }

    @Test
    void framesDoNotShareTheirArrays() {
        BottleneckFrame f = open().frame().bottleneck().orElseThrow();
        f.relu().xs()[0] = 1e9;
        f.survivors()[0] = !f.survivors()[0];
        assertTrue(f.relu().xs()[0] < 1e9);
        assertEquals(f.reluSurvival().share(), f.surviving() / 300.0, 1e-12);
    }

    @Test
    void theV2BlockIsReadFromTheEngine() {
        ProjectionBlock b = ProjectionBlock.mobileNetV2();
        // MobileNetV2 paper, Table 2: the 28×28 stage, t = 6, c = 32 (lesson 8's block); timm's layer names
        assertEquals("blocks.2.1", b.block());
        assertEquals(32, b.inChannels());
        assertEquals(192, b.expanded());
        assertEquals(32, b.outChannels());
        assertEquals(6.0, b.expansion());
        assertEquals(Activation.RELU6, b.expandAct());
        assertEquals(Activation.RELU6, b.depthwiseAct());
        assertEquals("blocks.2.1.conv_pwl", b.projectConv());
        assertEquals("blocks.2.1.bn3", b.projectNorm());
        assertEquals(Optional.empty(), b.projectAct(), "the projection is linear");
        assertEquals(b, open().frame().bottleneck().orElseThrow().block());
    }

    @Test
    void aBlockThatIsNotExpandFilterProjectIsRefused() {
        var v1 = NetworkBuilder.build(Architecture.MOBILENET_V1, 1.0);
        String first = v1.blocks().keySet().stream().filter(k -> !k.equals("stem")).findFirst().orElseThrow();
        assertThrows(IllegalArgumentException.class, () -> ProjectionBlock.of(v1, first));
        assertThrows(IllegalArgumentException.class, () -> ProjectionBlock.of(v1, "blocks.99.0"));
    }
}
