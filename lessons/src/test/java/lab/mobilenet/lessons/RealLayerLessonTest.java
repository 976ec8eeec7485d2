package lab.mobilenet.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import lab.mobilenet.engine.inspect.Inspection;
import lab.mobilenet.engine.inspect.Inspector;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.model.NetworkBuilder;
import lab.mobilenet.engine.runtime.ActivationSnapshot;
import lab.mobilenet.engine.runtime.CancellationToken;
import lab.mobilenet.engine.runtime.RunListener;
import lab.mobilenet.engine.runtime.SeededWeights;
import lab.mobilenet.engine.runtime.Weights;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A lesson on a real layer steps that layer's own multiply-adds: stepped to the end, its output is the
 * engine's output of the layer (from the inspection run, computed by the engine's convolution) on the window.
 */
class RealLayerLessonTest {

    private static final int RES = 96;
    private static Weights weights;
    private static Inspection ins;
    private static float[] input;

    @BeforeAll
    static void inspect() {
        Network net = NetworkBuilder.build(Architecture.MOBILENET_V2, 1.0);
        weights = SeededWeights.create(net, 3);
        input = new float[3 * RES * RES];
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) r.nextDouble(-2, 2);
        }
        ins = Inspector.inspect(net, weights, input, new long[] {1, 3, RES, RES}, n -> true, RunListener.NONE,
                null, CancellationToken.NEVER);
    }

    @AfterAll
    static void free() {
        weights.close();
    }

    @Test
    void depthwiseAtTheCornerMatchesTheEngineIncludingItsPadding() {
        RealLayer r = RealLayerSource.of(ins, weights, input, "blocks.1.0.conv_dw", 0, 0, 10);
        assertEquals(LessonCatalog.DEPTHWISE, r.lesson());
        assertEquals(0, r.outRow());
        assertEquals(0, r.outCol());
        assertEquals(10, r.firstChannel());
        LessonSession s = stepToEnd(r);
        // 4 channels × 8 × 8 cells × 3·3 taps, worked by hand
        assertEquals(4L * 8 * 8 * 9, s.frame().counters().macsDone());
        assertMatchesEngine(r, s);
    }

    @Test
    void pointwiseInTheMiddleReadsAllInputChannels() {
        RealLayer r = RealLayerSource.of(ins, weights, input, "blocks.1.0.conv_pw", 24, 24, 94);
        assertEquals(LessonCatalog.POINTWISE, r.lesson());
        assertEquals(16, r.input().channels());
        assertEquals(92, r.firstChannel()); // clamped: 4 of the 96 channels from 92 on
        assertEquals(20, r.outRow());
        LessonSession s = stepToEnd(r);
        assertEquals(4L * 8 * 8 * 16, s.frame().counters().macsDone());
        assertMatchesEngine(r, s);
    }

    @Test
    void theStemReadsTheNetworkInputAndMatchesANaiveLoop() {
        RealLayer r = RealLayerSource.of(ins, weights, input, "conv_stem", 47, 47, 0);
        assertEquals(LessonCatalog.STANDARD, r.lesson());
        assertEquals(40, r.outRow()); // 48×48 map: the window is clamped to rows 40…47
        LessonSession s = stepToEnd(r);
        assertMatchesEngine(r, s);
        // and the last cell by a loop over the full input, with timm's padding of 1 (the bottom/right pad is unused)
        float[] w = weights.get("conv_stem.weight").dup('c').data().asFloat();
        double sum = 0;
        int y = 47;
        int x = 47;
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    int sy = 2 * y - 1 + i;
                    int sx = 2 * x - 1 + j;
                    if (sy >= 0 && sy < RES && sx >= 0 && sx < RES) {
                        sum += input[(c * RES + sy) * RES + sx] * w[(c * 3 + i) * 3 + j];
                    }
                }
            }
        }
        assertEquals(sum, s.trace("standard").orElseThrow().result().get(0, 7, 7), 1e-4);
    }

    @Test
    void theConvolutionAfterSqueezeExciteReadsTheGatedMapNotTheGateVector() {
        Network v3s = NetworkBuilder.build(Architecture.MOBILENET_V3_SMALL, 1.0);
        try (Weights w = SeededWeights.create(v3s, 4)) {
            Inspection v3 = Inspector.inspect(v3s, w, input, new long[] {1, 3, RES, RES}, n -> true, RunListener.NONE,
                    null, CancellationToken.NEVER);
            // blocks.0.0: depthwise stride 2 -> bn1 -> se (16 channels, 24 x 24 here) -> conv_pw
            RealLayer r = RealLayerSource.of(v3, w, input, "blocks.0.0.conv_pw", 8, 8, 0);
            assertEquals(16, r.input().channels());
            assertMatchesEngine(v3, r, stepToEnd(r));
            assertFalse(RealLayerSource.steppable(v3, "blocks.0.0.se.conv_reduce"), "a 1x1 conv inside SE's one layer");
        }
    }

    @Test
    void onlyConvolutionsCanBeStepped() {
        assertTrue(RealLayerSource.steppable(ins, "blocks.1.0.conv_dw"));
        assertFalse(RealLayerSource.steppable(ins, "blocks.1.0.bn1"));
        assertFalse(RealLayerSource.steppable(ins, "blocks.1.0"));
        assertFalse(RealLayerSource.steppable(ins, "no.such.layer"));
        assertThrows(IllegalArgumentException.class,
                () -> RealLayerSource.of(ins, weights, input, "blocks.1.0.bn1", 0, 0, 0));
    }

    private static LessonSession stepToEnd(RealLayer r) {
        LessonSession s = LessonCatalog.session(r);
        assertEquals(0, s.frame().counters().macsDone());
        s.setGranularity(Granularity.PIXEL);
        assertTrue(s.next());
        assertEquals(s.trace(r.lesson().id()).orElseThrow().macsPerPixel(), s.frame().counters().macsDone());
        s.end();
        assertTrue(s.frame().counters().complete());
        return s;
    }

    private static void assertMatchesEngine(RealLayer r, LessonSession s) {
        assertMatchesEngine(ins, r, s);
    }

    private static void assertMatchesEngine(Inspection ins, RealLayer r, LessonSession s) {
        ActivationSnapshot out = ins.outputs().get(r.name());
        long[] shape = out.shape();
        int h = (int) shape[2];
        int w = (int) shape[3];
        Planes got = s.trace(r.lesson().id()).orElseThrow().result();
        assertEquals(r.channels(), got.channels());
        float largest = 0;
        for (int i = 0; i < out.size(); i++) {
            largest = Math.max(largest, Math.abs(out.value(i)));
        }
        for (int c = 0; c < got.channels(); c++) {
            for (int y = 0; y < got.height(); y++) {
                for (int x = 0; x < got.width(); x++) {
                    float want = out.value(((r.firstChannel() + c) * h + r.outRow() + y) * w + r.outCol() + x);
                    assertEquals(want, got.get(c, y, x), 1e-5 * largest, r.name() + " at " + c + "," + y + "," + x);
                }
            }
        }
    }
}
