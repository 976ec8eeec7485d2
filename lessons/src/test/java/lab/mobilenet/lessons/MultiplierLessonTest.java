package lab.mobilenet.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.mobilenet.engine.cost.ModelSummary;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.NetworkBuilder;
import org.junit.jupiter.api.Test;

class MultiplierLessonTest {

    private final MultiplierLesson lesson = new MultiplierLesson();

    @Test
    void halfWidthRowIsTheEngineSummaryOfMobileNetV1Half() {
        ModelSummary s = ModelSummary.of(NetworkBuilder.build(Architecture.MOBILENET_V1, 0.5), 224);
        MultiplierRow r = lesson.row(0.5, 224);
        assertEquals(s.macs(), r.macs());
        assertEquals(s.params(), r.params());
        assertEquals(0.25 * lesson.base().macs(), r.predictedMacs(), 1e-6);
        assertEquals(1.0, r.macsRatio(), 0.10);
        // params miss α² by more: the classifier's 1024α·1000 weights (+1000 biases) scale with α only
        assertEquals(1.3e6 / (0.25 * 4.2e6), r.paramsRatio(), 0.05);
        long baseClassifier = 1024L * 1000 + 1000;
        long halfClassifier = 512L * 1000 + 1000;
        assertEquals(0.25 * (lesson.base().params() - baseClassifier), r.params() - halfClassifier,
                0.10 * 0.25 * (lesson.base().params() - baseClassifier));
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
        s.selectMultipliers(0.62, 160);
        assertEquals(0.6, s.alpha(), 1e-12);
        MultiplierRow sel = s.frame().multipliers().orElseThrow().selected();
        assertEquals(ModelSummary.of(NetworkBuilder.build(Architecture.MOBILENET_V1, 0.6), 160).macs(), sel.macs());
        assertEquals(0.36 * (160 / 224.0) * (160 / 224.0) * lesson.base().macs(), sel.predictedMacs(), 1e-3);
        assertThrows(IllegalArgumentException.class, () -> s.selectMultipliers(0.5, 16));
        assertThrows(IllegalStateException.class,
                () -> LessonCatalog.session(LessonCatalog.STANDARD, Fixtures.image(1, 3, 20, 20))
                        .selectMultipliers(0.5, 224));
    }
}
