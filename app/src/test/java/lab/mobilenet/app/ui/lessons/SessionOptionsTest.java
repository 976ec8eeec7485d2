package lab.mobilenet.app.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import lab.mobilenet.app.ui.photo.Photo;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.NetworkBuilder;
import lab.mobilenet.engine.runtime.SeededWeights;
import lab.mobilenet.engine.runtime.Weights;
import lab.mobilenet.lessons.LessonCatalog;
import lab.mobilenet.lessons.LessonOptions;
import lab.mobilenet.lessons.Planes;
import org.junit.jupiter.api.Test;

/** Lesson 9 takes the trained V3 there is: Large when loaded, else Small. */
class SessionOptionsTest {

    private static final Photo GREY = new Photo("grey", Planes.of(3, 8, 8, new float[3 * 64]));

    private static Weights seeded(Architecture a) {
        return SeededWeights.create(NetworkBuilder.build(a, 1.0), 1);
    }

    @Test
    void withOnlyV3SmallWeightsLessonNineRunsOnV3Small() {
        Weights small = seeded(Architecture.MOBILENET_V3_SMALL);
        LessonOptions o = SessionOptions.of(LessonCatalog.SQUEEZE_EXCITE, GREY, 0,
                Map.of(Architecture.MOBILENET_V3_SMALL, small), KernelChoice.HAND_MADE);
        assertEquals(Architecture.MOBILENET_V3_SMALL, o.network());
        assertSame(small, o.weights());
    }

    @Test
    void v3LargeWinsWhenBothAreLoaded() {
        Weights large = seeded(Architecture.MOBILENET_V3_LARGE);
        LessonOptions o = SessionOptions.of(LessonCatalog.SQUEEZE_EXCITE, GREY, 0, Map.of(
                Architecture.MOBILENET_V3_SMALL, seeded(Architecture.MOBILENET_V3_SMALL),
                Architecture.MOBILENET_V3_LARGE, large), KernelChoice.HAND_MADE);
        assertSame(large, o.weights());
        assertNull(o.network(), "the default network, V3-Large");
    }

    @Test
    void withoutWeightsLessonNineStaysOnItsDefault() {
        LessonOptions o = SessionOptions.of(LessonCatalog.SQUEEZE_EXCITE, GREY, 0, Map.of(), KernelChoice.HAND_MADE);
        assertNull(o.network());
        assertNull(o.weights());
    }
}
