package lab.mobilenet.lessons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import lab.mobilenet.engine.op.ConvGeometry;
import org.junit.jupiter.api.Test;

class LessonSessionTest {

    /** A "photo" larger than any teaching size, with an odd aspect ratio. */
    private static final Planes PHOTO = Fixtures.image(2024, 3, 75, 100);

    @Test
    void everyLessonStartsWithoutThrowingAndOnlyTheMultipliersLessonIsEmpty() {
        for (Lesson l : LessonCatalog.all()) {
            LessonSession s = LessonCatalog.session(l, PHOTO);
            LessonFrame f = s.frame();
            assertEquals(l, f.lesson());
            assertTrue(f.atStart());
            assertEquals(l == LessonCatalog.MULTIPLIERS, s.empty(), l.id());
            assertEquals(l.needsEngineModel(), f.traces().isEmpty(), l.id());
            if (s.empty()) {
                assertTrue(s.atEnd());
                assertFalse(s.next());
                assertEquals(Counters.ZERO, f.counters());
            }
        }
        assertEquals(List.of("standard", "depthwise", "pointwise", "separable", "groups", "im2col", "multipliers",
                "inverted-residual", "squeeze-excite", "linear-bottleneck"), LessonCatalog.all().stream().map(Lesson::id).toList());
    }

    @Test
    void lessonsRunOnTheSmallTeachingCopyOfThePhoto() {
        // 100 × 75 is below the 112 px of lessons 1–5: kept as it is
        ConvTrace t = LessonCatalog.session(LessonCatalog.STANDARD, PHOTO).trace("standard").orElseThrow();
        assertEquals(100, t.input().width());
        assertEquals(75, t.input().height());
        ConvTrace big = LessonCatalog.session(LessonCatalog.STANDARD, Fixtures.image(7, 3, 300, 400))
                .trace("standard").orElseThrow();
        assertEquals(112, big.input().width(), "400 × 300 → 112 × 84");
        assertEquals(84, big.input().height());
        ConvTrace t32 = LessonCatalog.session(LessonCatalog.STANDARD, PHOTO, LessonOptions.DEFAULTS.withTeachingSize(32))
                .trace("standard").orElseThrow();
        assertEquals(32, t32.input().width());
    }

    @Test
    void nextThenPreviousReturnsToTheSamePositionForEveryGranularity() {
        LessonSession s = LessonCatalog.session(LessonCatalog.DEPTHWISE, PHOTO);
        for (Granularity g : Granularity.values()) {
            s.home();
            s.setGranularity(g);
            List<Long> forward = new ArrayList<>();
            forward.add(s.position());
            while (s.next()) {
                forward.add(s.position());
            }
            assertTrue(s.atEnd());
            for (int i = forward.size() - 1; i > 0; i--) {
                assertEquals(forward.get(i), s.position());
                assertTrue(s.previous());
                assertEquals(forward.get(i - 1), s.position(), g + " back");
            }
            assertTrue(s.atStart());
            assertFalse(s.previous());
        }
    }

    @Test
    void pixelGranularityCompletesOneOutputValuePerStep() {
        LessonSession s = LessonCatalog.session(LessonCatalog.STANDARD, PHOTO);
        assertEquals(Granularity.PIXEL, s.granularity());
        s.next();
        TraceFrame f = s.frame().traces().get(0);
        assertEquals(3 * 9, f.position()); // M·D_K² for a standard 3×3 convolution of RGB
        assertTrue(f.lastStep().orElseThrow().lastOfCell());
        assertEquals(1, f.output().cellsDone());
        assertEquals(9 * 3, f.tapsDone());
        assertEquals(f.output().value(0, 0, 0), f.focus().value(), 0f);
        s.next();
        assertEquals(2, s.frame().traces().get(0).output().cellsDone());
    }

    @Test
    void granularityCyclesCoarserAndFinerAndStopsAtTheEnds() {
        LessonSession s = LessonCatalog.session(LessonCatalog.POINTWISE, PHOTO);
        assertEquals(Granularity.ROW, s.coarser());
        assertEquals(Granularity.CHANNEL, s.coarser());
        assertEquals(Granularity.LAYER, s.coarser());
        assertEquals(Granularity.LAYER, s.coarser());
        s.next();
        assertTrue(s.atEnd());
        s.setGranularity(Granularity.MAC);
        assertEquals(Granularity.MAC, s.finer());
        s.previous();
        assertEquals(s.length() - 1, s.position());
        s.home();
        assertTrue(s.atStart());
        s.end();
        assertTrue(s.frame().atEnd());
    }

    @Test
    void framesAreSnapshotsThatDoNotChangeWhenTheSessionMoves() {
        LessonSession s = LessonCatalog.session(LessonCatalog.STANDARD, PHOTO);
        s.next();
        LessonFrame before = s.frame();
        s.next(Granularity.ROW);
        assertEquals(27, before.position());
        assertEquals(1, before.traces().get(0).output().cellsDone());
    }

    @Test
    void pointwiseLessonTurnsThePhotoGreyWithBt601Weights() {
        LessonSession s = LessonCatalog.session(LessonCatalog.POINTWISE, PHOTO);
        s.end();
        TraceFrame f = s.frame().traces().get(0);
        Planes rgb = f.trace().input();
        assertEquals(1, f.output().channels());
        for (int y = 0; y < rgb.height(); y++) {
            for (int x = 0; x < rgb.width(); x++) {
                double grey = 0.299 * rgb.get(0, y, x) + 0.587 * rgb.get(1, y, x) + 0.114 * rgb.get(2, y, x);
                assertEquals(grey, f.output().value(0, y, x), 1e-6);
            }
        }
        assertEquals(3L * rgb.height() * rgb.width(), s.length()); // M·N·D_F² with M = 3, N = 1
    }

    @Test
    void separableRatioConvergesToOneOverNPlusOneOverKSquared() {
        LessonSession s = LessonCatalog.session(LessonCatalog.SEPARABLE, PHOTO);
        assertEquals(List.of("standard", "depthwise", "pointwise"), s.roles());
        ConvTrace std = s.trace("standard").orElseThrow();
        int n = std.geometry().outChannels();
        int k = std.geometry().kernel();
        long hw = (long) std.outHeight() * std.outWidth();
        assertEquals((long) k * k * 3 * n * hw, s.length());
        assertTrue(s.frame().comparison().orElseThrow().measuredRatio().isEmpty());

        s.setGranularity(Granularity.ROW);
        double previous = 1.0;
        while (s.next()) {
            OptionalDouble r = s.frame().comparison().orElseThrow().measuredRatio();
            assertTrue(r.getAsDouble() <= previous + 1e-12, "the ratio never grows");
            previous = r.getAsDouble();
        }
        Comparison c = s.frame().comparison().orElseThrow();
        double expected = 1.0 / n + 1.0 / (k * k);
        assertEquals(expected, c.measuredRatio().getAsDouble(), 1e-12);
        assertEquals(expected, c.expectedRatio(), 1e-15);
        assertEquals((long) k * k * 3 * hw + 3L * n * hw, c.separable().macsDone());
        assertEquals(3L * k * k + 3L * n, c.separable().params());
    }

    @Test
    void separableSidesRunAtTheSameSpeedAndTheSeparableOneFinishesFirst() {
        LessonSession s = LessonCatalog.session(LessonCatalog.SEPARABLE, PHOTO);
        long dwTotal = s.trace("depthwise").orElseThrow().totalMacs();
        s.seek(dwTotal + 10);
        LessonFrame f = s.frame();
        assertEquals(dwTotal + 10, f.trace("standard").orElseThrow().position());
        assertEquals(dwTotal, f.trace("depthwise").orElseThrow().position());
        assertEquals(10, f.trace("pointwise").orElseThrow().position());
        assertEquals(1.0, f.comparison().orElseThrow().measuredRatio().getAsDouble(), 0);
        s.end();
        LessonFrame end = s.frame();
        assertTrue(end.trace("pointwise").orElseThrow().output().complete());
        // the standard kernels are the products of the two parts, so both sides compute the same output
        assertArrayEquals(end.trace("pointwise").orElseThrow().output().values(),
                end.trace("standard").orElseThrow().output().values(), 1e-5f);
    }

    @Test
    void groupsLessonTabulatesEveryDivisorOfM() {
        LessonSession s = LessonCatalog.session(LessonCatalog.GROUPS, PHOTO);
        LessonFrame f = s.frame();
        ConvTrace t = f.traces().get(0).trace();
        assertEquals(12, t.geometry().inChannels());
        assertEquals(4, t.geometry().groups());
        assertEquals("grouped", f.traces().get(0).role());
        long hw = (long) t.outHeight() * t.outWidth();
        int[] divisors = {1, 2, 3, 4, 6, 12};
        assertEquals(divisors.length, f.groupCosts().size());
        for (int i = 0; i < divisors.length; i++) {
            GroupCost row = f.groupCosts().get(i);
            int g = divisors[i];
            assertEquals(g, row.groups());
            assertEquals(9L * (12 / g) * 12 * hw, row.macs());
            assertEquals(9L * (12 / g) * 12, row.params());
            assertEquals(1.0 / g, row.relativeToStandard(), 1e-12);
        }
        assertEquals("standard", f.groupCosts().get(0).kind());
        assertEquals("depthwise", f.groupCosts().get(5).kind());
        assertEquals(9L * 3 * 12 * hw, s.length());
        LessonSession dw = LessonCatalog.session(LessonCatalog.GROUPS, PHOTO, LessonOptions.DEFAULTS.withGroups(12));
        assertEquals("depthwise", dw.roles().get(0));
        assertEquals(9 * 12 * hw, dw.length());
        assertThrows(IllegalArgumentException.class,
                () -> LessonCatalog.session(LessonCatalog.GROUPS, PHOTO, LessonOptions.DEFAULTS.withGroups(5)));
    }

    @Test
    void groupsLessonInputIsEachColourFilteredByFourKernels() {
        Planes rgb = Fixtures.image(3, 3, 8, 9);
        Planes f = LessonFactory.groupFeatures(rgb);
        assertEquals(12, f.channels());
        assertArrayEquals(rgb.channel(1), f.channel(4), 0f); // green through the identity kernel
    }

    @Test
    void im2colLessonLightsTheColumnOfTheCurrentOutputPixel() {
        LessonSession s = LessonCatalog.session(LessonCatalog.IM2COL, PHOTO);
        s.setGranularity(Granularity.PIXEL);
        for (int i = 0; i < 30; i++) {
            s.next();
        }
        s.next(Granularity.MAC);
        GemmFrame g = s.frame().gemm().orElseThrow();
        GemmStep last = g.lastStep().orElseThrow();
        ConvTrace t = s.trace("standard").orElseThrow();
        assertEquals(30, last.column()); // the 31st output pixel of channel 0
        assertEquals(Im2col.outputCell(30, t.outWidth()), new Im2col.Cell(last.conv().outY(), last.conv().outX()));
        assertEquals(0, last.matrixRow());
        assertEquals(9.0, g.duplication().value(), 0);
        assertEquals(9.0, g.columns().duplication(), 0);
        assertFalse(g.plainReshape());
        assertEquals(28, t.input().width(), "im2col runs at the 28 px stage");
    }

    @Test
    void learnedStemReplacesTheHandMadeKernelsOfTheStandardLesson() {
        float[] w = Fixtures.uniform(new java.util.SplittableRandom(1), 32 * 27, -1, 1);
        KernelBank stem = KernelBank.learnedStem(w, 32, 3, 3, 2);
        LessonSession s = LessonCatalog.session(LessonCatalog.STANDARD, PHOTO, LessonOptions.DEFAULTS.withLearnedStem(stem));
        ConvTrace t = s.trace("standard").orElseThrow();
        assertEquals(ConvGeometry.standard(3, 32, 3, 2), t.geometry());
        assertEquals(50, t.outWidth()); // 100 × 75 px → stride 2 with padding 1: 50 × 38
        assertEquals(38, t.outHeight());
        assertEquals(9L * 3 * 32 * 50 * 38, s.frame().formulas().get(0).longValue());
    }

    @Test
    void multipliersLessonShowsThePaperExampleAtTheSelectedAlphaAndResolution() {
        LessonSession s = LessonCatalog.session(LessonCatalog.MULTIPLIERS, null);
        LessonFrame f = s.frame();
        assertTrue(f.traces().isEmpty());
        assertEquals(6, f.formulas().size());
        assertEquals(1.0, f.formulas().get(4).value(), 1e-12); // α = 1 at the start
        s.selectMultipliers(0.75, 160);
        List<Formula> g = s.frame().formulas();
        assertEquals(0.5625, g.get(4).value(), 1e-12);
        assertEquals((160 / 224.0) * (160 / 224.0), g.get(5).value(), 1e-12);
        // αM = αN = 384, ρD_F = 10: 3·3·384·10·10 + 384·384·10·10
        assertEquals(9L * 384 * 100 + 384L * 384 * 100, g.get(3).longValue());
        assertEquals(9L * 384 * 196 + 384L * 384 * 196, g.get(2).longValue());
    }

    @Test
    void greyPhotoIsAcceptedAndOtherChannelCountsAreRejected() {
        Planes grey = Fixtures.image(4, 1, 30, 40);
        assertEquals(3, LessonCatalog.session(LessonCatalog.DEPTHWISE, grey).trace("depthwise").orElseThrow()
                .input().channels());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LessonCatalog.session(LessonCatalog.DEPTHWISE, Fixtures.image(4, 2, 30, 40)));
        assertTrue(e.getMessage().contains("2 channels"), e.getMessage());
    }
}
