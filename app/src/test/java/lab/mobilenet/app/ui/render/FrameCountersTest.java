package lab.mobilenet.app.ui.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import lab.mobilenet.lessons.Granularity;
import lab.mobilenet.lessons.LessonCatalog;
import lab.mobilenet.lessons.LessonSession;
import lab.mobilenet.lessons.Planes;
import org.junit.jupiter.api.Test;

/** The counters the page shows, against numbers worked out by hand. */
class FrameCountersTest {

    /** 60 × 40: the convolution lessons shrink it to 48 × 32 (longest side 48). */
    private static Planes photo() {
        return Planes.of(3, 40, 60, new float[3 * 40 * 60]);
    }

    @Test
    void depthwiseLessonCountsNineMacsPerStepOfAThreeChannel60By40Map() {
        LessonSession s = LessonCatalog.session(LessonCatalog.DEPTHWISE, photo());
        s.setGranularity(Granularity.PIXEL);
        s.next();
        var c = FrameCounters.of(s.frame());
        assertEquals(9, c.macsDone(), "one output value: a 3×3 window of one channel");
        assertEquals(9L * 3 * 60 * 40, c.macsTotal(), "D_K²·M·H·W with same padding, stride 1 (60 × 40 kept)");
    }

    @Test
    void blockLessonCountsTheStagesDone() {
        LessonSession s = LessonCatalog.session(LessonCatalog.INVERTED_RESIDUAL, photo());
        s.next();
        var c = FrameCounters.of(s.frame());
        // MobileNetV2 blocks.2.1 on a 224-px input (stride 8): 32 → 192 channels (×6) at 28 × 28, 1×1 first
        assertEquals(32L * 192 * 28 * 28, c.macsDone(), "the expansion 1×1: M·(tM)·H·W");
        // expansion + 3×3 depthwise + 1×1 projection back to 32
        assertEquals(32L * 192 * 28 * 28 + 9L * 192 * 28 * 28 + 192L * 32 * 28 * 28, c.macsTotal());
    }

    @Test
    void noFrameCountsNothing() {
        assertEquals(0, FrameCounters.of(null).macsTotal());
    }
}
