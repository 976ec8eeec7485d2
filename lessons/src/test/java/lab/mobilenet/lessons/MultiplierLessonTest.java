package lab.mobilenet.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MultiplierLessonTest {

    private final MultiplierLesson lesson = new MultiplierLesson();

    /** MobileNet V1's separable blocks at width 1.0: input channels, output channels, stride. */
    private static final int[][] V1_BLOCKS = {
        {32, 64, 1}, {64, 128, 2}, {128, 128, 1}, {128, 256, 2}, {256, 256, 1}, {256, 512, 2},
        {512, 512, 1}, {512, 512, 1}, {512, 512, 1}, {512, 512, 1}, {512, 512, 1}, {512, 1024, 2},
        {1024, 1024, 1}};

    /**
     * MobileNet V1's mult-adds counted by hand from the paper's Table 1, for an α that keeps every channel count
     * whole (0.5): 3×3 stem with stride 2, then per block 3×3 depthwise + 1×1 pointwise, then the classifier.
     */
    private static long handMacs(double alpha, int resolution) {
        int side = resolution / 2;
        long macs = 9L * 3 * (long) (32 * alpha) * side * side;
        for (int[] b : V1_BLOCKS) {
            long in = (long) (b[0] * alpha);
            long out = (long) (b[1] * alpha);
            side /= b[2];
            macs += 9 * in * side * side + in * out * side * side;
        }
        return macs + (long) (1024 * alpha) * 1000;
    }

    /** Parameters of everything but the classifier, by hand: conv weights and two per batch-norm channel. */
    private static long handConvParams(double alpha) {
        long stem = (long) (32 * alpha);
        long params = 9 * 3 * stem + 2 * stem;
        for (int[] b : V1_BLOCKS) {
            long in = (long) (b[0] * alpha);
            long out = (long) (b[1] * alpha);
            params += 9 * in + 2 * in + in * out + 2 * out;
        }
        return params;
    }

    @Test
    void halfWidthParamsSplitIntoAlphaSquaredConvolutionsAndAlphaClassifier() {
        // the classifier is 1024α inputs → 1000 classes, plus 1000 biases
        assertEquals(1024L * 1000 + 1000, lesson.classifierParams(1.0));
        assertEquals(512L * 1000 + 1000, lesson.classifierParams(0.5));
        assertEquals(handConvParams(1.0), lesson.convParams(1.0));
        assertEquals(handConvParams(0.5), lesson.convParams(0.5));
        // α² is close but not exact: depthwise weights, batch norms and the stem's 3 input channels scale with α
        assertEquals(0.25 * lesson.convParams(1.0), lesson.convParams(0.5), 0.025 * 0.25 * lesson.convParams(1.0));
        MultiplierRow r = lesson.row(0.5, 224);
        assertEquals(r.params(), lesson.convParams(0.5) + 512L * 1000 + 1000);
        assertEquals(0.25 * lesson.convParams(1.0) + 0.5 * (1024L * 1000 + 1000), r.predictedParams(), 1e-6);
        assertEquals(1.0, r.paramsRatio(), 0.02);
        // MobileNetV1 paper, Table 6: 0.5 MobileNet-224 has 149 million mult-adds
        assertEquals(149e6, r.macs(), 1e6);
        assertEquals(handMacs(0.5, 224), r.macs());
        assertEquals(0.25 * lesson.base().macs(), r.predictedMacs(), 1e-6);
    }

    @Test
    void rowsMatchThePapersMultAddsAndParameters() {
        // MobileNetV1 paper, Tables 6 and 7 (millions)
        assertEquals(569e6, lesson.base().macs(), 569e6 * 0.01);
        assertEquals(4.2e6, lesson.base().params(), 4.2e6 * 0.02);
        assertEquals(325e6, lesson.row(0.75, 224).macs(), 325e6 * 0.015);
        assertEquals(149e6, lesson.row(0.5, 224).macs(), 149e6 * 0.015);
        assertEquals(41e6, lesson.row(0.25, 224).macs(), 41e6 * 0.02);
        assertEquals(418e6, lesson.row(1.0, 192).macs(), 418e6 * 0.01);
        assertEquals(290e6, lesson.row(1.0, 160).macs(), 290e6 * 0.01);
        assertEquals(186e6, lesson.row(1.0, 128).macs(), 186e6 * 0.01);
    }

    @Test
    void doublingTheResolutionQuadruplesTheConvolutionMacsExactly() {
        long conv224 = lesson.convMacs(1.0, 224);
        assertEquals(4 * conv224, lesson.convMacs(1.0, 448));
        // the classifier (1024 → 1000) is the only non-convolution MAC and does not depend on the resolution
        assertEquals(lesson.row(1.0, 224).macs() - 1024L * 1000, conv224);
        assertEquals(lesson.row(1.0, 448).macs() - 1024L * 1000, 4 * conv224);
        assertEquals(4.0, lesson.row(1.0, 448).predictedMacs() / lesson.base().macs(), 1e-12);
    }

    @Test
    void paperAccuraciesAreGivenWhereThePaperReportsThem() {
        assertEquals(70.6, MultiplierLesson.paperTop1(1.0, 224).getAsDouble());
        assertEquals(68.4, MultiplierLesson.paperTop1(0.75, 224).getAsDouble());
        assertEquals(63.7, MultiplierLesson.paperTop1(0.5, 224).getAsDouble());
        assertEquals(50.6, MultiplierLesson.paperTop1(0.25, 224).getAsDouble());
        assertEquals(69.1, MultiplierLesson.paperTop1(1.0, 192).getAsDouble());
        assertEquals(67.2, MultiplierLesson.paperTop1(1.0, 160).getAsDouble());
        assertEquals(64.4, MultiplierLesson.paperTop1(1.0, 128).getAsDouble());
        assertFalse(MultiplierLesson.paperTop1(0.5, 160).isPresent());
        MultiplierTable t = lesson.table(1.0, 224);
        assertEquals(20, t.rows().size());
        assertEquals(50.6, t.row(0.25, 224).orElseThrow().paperTop1().getAsDouble());
        assertEquals(7, t.rows().stream().filter(r -> r.paperTop1().isPresent()).count());
    }

    @Test
    void sessionSelectsAlphaInStepsOfFiveHundredthsAndAResolution() {
        LessonSession s = LessonCatalog.session(LessonCatalog.MULTIPLIERS, null);
        assertTrue(s.empty());
        assertEquals(lesson.base().macs(), s.frame().multipliers().orElseThrow().selected().macs());
        s.selectMultipliers(0.52, 160);
        assertEquals(0.5, s.alpha(), 1e-12);
        MultiplierRow sel = s.frame().multipliers().orElseThrow().selected();
        assertEquals(0.5, sel.alpha(), 1e-12);
        assertEquals(160, sel.resolution());
        assertEquals(handMacs(0.5, 160), sel.macs());
        assertEquals(0.25 * (160 / 224.0) * (160 / 224.0) * lesson.base().macs(), sel.predictedMacs(), 1e-3);
        assertThrows(IllegalArgumentException.class, () -> s.selectMultipliers(0.5, 16));
        assertThrows(IllegalStateException.class,
                () -> LessonCatalog.session(LessonCatalog.STANDARD, Fixtures.image(1, 3, 20, 20))
                        .selectMultipliers(0.5, 224));
    }
}
