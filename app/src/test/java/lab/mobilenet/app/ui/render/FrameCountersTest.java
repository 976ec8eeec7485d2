package lab.mobilenet.app.ui.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import lab.mobilenet.lessons.LessonCatalog;
import lab.mobilenet.lessons.LessonSession;
import lab.mobilenet.lessons.Planes;
import org.junit.jupiter.api.Test;

class FrameCountersTest {

    private static Planes photo() {
        return Planes.of(3, 40, 60, new float[3 * 40 * 60]);
    }

    @Test
    void convolutionLessonsUseTheLeadingTrace() {
        LessonSession s = LessonCatalog.session(LessonCatalog.DEPTHWISE, photo());
        s.next();
        assertEquals(s.frame().traces().get(0).counters(), FrameCounters.of(s.frame()));
    }

    @Test
    void blockLessonsCountTheStagesDone() {
        LessonSession s = LessonCatalog.session(LessonCatalog.INVERTED_RESIDUAL, photo());
        s.next();
        s.next();
        var stages = s.frame().block().orElseThrow().walkthrough().stages();
        long expected = stages.get(0).macs() + stages.get(1).macs();
        long total = 0;
        for (var st : stages) {
            total += st.macs();
        }
        var c = FrameCounters.of(s.frame());
        assertEquals(expected, c.macsDone());
        assertEquals(total, c.macsTotal());
    }

    @Test
    void noFrameCountsNothing() {
        assertEquals(0, FrameCounters.of(null).macsTotal());
    }
}
