package lab.mobilenet.app.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.app.ui.photo.BundledPhotos;
import lab.mobilenet.lessons.Granularity;
import lab.mobilenet.lessons.LessonCatalog;
import org.junit.jupiter.api.Test;

/**
 * Background work that finishes late must not show up: the compute executor here only queues tasks, and the
 * test runs them when it chooses, as a slow machine would.
 */
class LessonViewModelOrderingTest {

    private final Deque<Runnable> queued = new ArrayDeque<>();
    private final LessonViewModel vm = new LessonViewModel(new CatalogLessonSource(),
            new UiExecutors(queued::add, Runnable::run));

    private void runAll() {
        while (!queued.isEmpty()) {
            queued.poll().run();
        }
    }

    @Test
    void aLessonSwitchedAwayFromNeverShows() {
        List<String> shown = new ArrayList<>();
        vm.frameProperty().addListener((obs, was, now) -> shown.add(now == null ? "none" : now.lesson().id()));
        vm.setPhoto(BundledPhotos.load("coins.png"));
        vm.lessonProperty().set(LessonCatalog.STANDARD);
        vm.lessonProperty().set(LessonCatalog.DEPTHWISE);
        assertNull(vm.frame(), "nothing computed yet");
        assertTrue(vm.busyProperty().get());
        runAll();
        assertEquals(List.of("depthwise"), shown, "the standard session, finished first, was dropped");
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void aStepQueuedBeforeASwitchDoesNotMoveTheNewLesson() {
        vm.setPhoto(BundledPhotos.load("coins.png"));
        vm.lessonProperty().set(LessonCatalog.STANDARD);
        runAll();
        vm.granularityProperty().set(Granularity.ROW);
        vm.next();
        vm.lessonProperty().set(LessonCatalog.POINTWISE);
        runAll();
        assertEquals(LessonCatalog.POINTWISE, vm.frame().lesson());
        assertEquals(0, vm.frame().position());
    }

    @Test
    void stepsQueuedInARowAllApplyInOrder() {
        vm.setPhoto(BundledPhotos.load("coins.png"));
        vm.lessonProperty().set(LessonCatalog.DEPTHWISE);
        runAll();
        vm.granularityProperty().set(Granularity.PIXEL);
        vm.next();
        vm.next();
        vm.next();
        vm.previous();
        runAll();
        assertEquals(2 * 9, vm.frame().counters().macsDone());
    }
}
