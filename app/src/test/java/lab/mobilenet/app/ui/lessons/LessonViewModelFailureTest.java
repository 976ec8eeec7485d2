package lab.mobilenet.app.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.imageio.ImageIO;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.app.ui.photo.BundledPhotos;
import lab.mobilenet.lessons.Lesson;
import lab.mobilenet.lessons.LessonCatalog;
import lab.mobilenet.lessons.LessonOptions;
import lab.mobilenet.lessons.LessonSession;
import lab.mobilenet.lessons.Planes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures in the background never leave the page busy, and outdated work is dropped or skipped. */
class LessonViewModelFailureTest {

    @TempDir
    Path dir;

    /** The catalogue, recording what was opened and with which options; throws for one lesson. */
    private static final class RecordingSource implements LessonSource {
        final List<String> opened = new ArrayList<>();
        final List<LessonOptions> options = new ArrayList<>();
        Lesson failing;
        Error failure;

        @Override
        public List<Lesson> lessons() {
            return LessonCatalog.all();
        }

        @Override
        public LessonSession open(Lesson lesson, Planes photo, LessonOptions o) {
            opened.add(lesson.id());
            options.add(o);
            if (lesson.equals(failing)) {
                throw failure;
            }
            return LessonCatalog.session(lesson, photo, o);
        }
    }

    @Test
    void aStepThatThrowsAnErrorClearsBusyAndSaysWhyOnOneLine() {
        LessonViewModel vm = new LessonViewModel(new RecordingSource(), UiExecutors.sameThread());
        vm.start();
        long before = vm.frame().position();
        vm.move(s -> {
            throw new UnsatisfiedLinkError("no jnind4jcpu in java.library.path\nsecond line");
        });
        assertFalse(vm.busyProperty().get(), "the player must be able to go on");
        assertEquals("no jnind4jcpu in java.library.path", vm.lessonErrorProperty().get());
        assertEquals(before, vm.frame().position(), "the last good frame stays");
        vm.next();
        assertTrue(vm.frame().position() > before, "later steps still work");
    }

    @Test
    void aStepThatThrowsARuntimeExceptionClearsBusyAndSaysWhy() {
        LessonViewModel vm = new LessonViewModel(new RecordingSource(), UiExecutors.sameThread());
        vm.start();
        vm.move(s -> {
            throw new IllegalStateException("broken step");
        });
        assertFalse(vm.busyProperty().get());
        assertEquals("broken step", vm.lessonErrorProperty().get());
    }

    @Test
    void aLessonWhoseBuildRunsOutOfMemoryClearsBusyAndSaysWhy() {
        RecordingSource src = new RecordingSource();
        src.failing = LessonCatalog.DEPTHWISE;
        src.failure = new OutOfMemoryError("Java heap space");
        LessonViewModel vm = new LessonViewModel(src, UiExecutors.sameThread());
        vm.start();
        vm.lessonProperty().set(LessonCatalog.DEPTHWISE);
        assertFalse(vm.busyProperty().get());
        assertEquals("not enough memory (OutOfMemoryError: Java heap space)", vm.lessonErrorProperty().get());
    }

    @Test
    void aPhotoDecodeThatFinishesAfterANewerOneIsDropped() {
        Deque<Runnable> queued = new ArrayDeque<>();
        LessonViewModel vm = new LessonViewModel(new RecordingSource(), new UiExecutors(queued::add, Runnable::run));
        vm.openBundled("coins.png");
        vm.openBundled("chelsea.png");
        assertEquals(2, queued.size());
        queued.pollLast().run(); // the newer decode finishes first
        assertEquals("chelsea.png", vm.photoProperty().get().name());
        assertFalse(vm.loadingPhotoProperty().get());
        queued.pollFirst().run(); // then the older one
        assertEquals("chelsea.png", vm.photoProperty().get().name(), "the older photo must not replace it");
    }

    @Test
    void anOutdatedLessonBuildIsSkippedWithoutOpeningASession() {
        Deque<Runnable> queued = new ArrayDeque<>();
        RecordingSource src = new RecordingSource();
        LessonViewModel vm = new LessonViewModel(src, new UiExecutors(queued::add, Runnable::run));
        vm.setPhoto(BundledPhotos.load("coins.png"));
        vm.lessonProperty().set(LessonCatalog.STANDARD);
        vm.lessonProperty().set(LessonCatalog.POINTWISE);
        vm.lessonProperty().set(LessonCatalog.DEPTHWISE);
        while (!queued.isEmpty()) {
            queued.poll().run();
        }
        assertEquals(List.of("depthwise"), src.opened, "only the newest request is built");
        assertFalse(vm.busyProperty().get());
        assertEquals(LessonCatalog.DEPTHWISE, vm.frame().lesson());
    }

    @Test
    void theBlockLessonsGetTheFullSizePhoto() throws IOException {
        RecordingSource src = new RecordingSource();
        LessonViewModel vm = new LessonViewModel(src, UiExecutors.sameThread());
        Path file = dir.resolve("big.png");
        ImageIO.write(new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
        vm.lessonProperty().set(LessonCatalog.STANDARD);
        vm.openPhoto(file);
        assertNotNull(vm.frame());
        LessonOptions o = src.options.get(src.options.size() - 1);
        assertNotNull(o.photo(), "the decoded photo is passed on");
        assertEquals(600, o.photo().width());
        assertEquals(400, o.photo().height());
        assertTrue(vm.photoProperty().get().planes().width() <= 256, "the lessons' small copy stays small");
    }

    @Test
    void learnedKernelsUseV1sStemWhenChosenAndLoaded() {
        RecordingSource src = new RecordingSource();
        LessonViewModel vm = new LessonViewModel(src, UiExecutors.sameThread());
        vm.start();
        assertEquals(4, vm.frame().traces().get(0).trace().geometry().outChannels(), "four hand-made kernels");
        vm.kernelsProperty().set(KernelChoice.LEARNED_V1_STEM);
        assertEquals(4, vm.frame().traces().get(0).trace().geometry().outChannels(), "no V1 weights yet");
        var v1 = lab.mobilenet.engine.runtime.SeededWeights.create(
                lab.mobilenet.engine.model.NetworkBuilder.build(lab.mobilenet.engine.model.Architecture.MOBILENET_V1,
                        1.0), 3);
        vm.pretrainedProperty().set(java.util.Map.of(lab.mobilenet.engine.model.Architecture.MOBILENET_V1, v1));
        var g = vm.frame().traces().get(0).trace().geometry();
        assertEquals(32, g.outChannels(), "conv_stem: 32 filters");
        assertEquals(2, g.stride());
        var bank = src.options.get(src.options.size() - 1).learnedStem();
        assertEquals(v1.get("conv_stem.weight").getFloat(0, 0, 0, 0), bank.weight(0, 0, 0, 0), 0f);
        assertEquals(v1.get("conv_stem.weight").getFloat(31, 2, 2, 1), bank.weight(31, 2, 2, 1), 0f);
    }

    @Test
    void blockLessonsGetTheirNetworksTrainedWeights() {
        // empty stand-ins: only which weights reach which lesson matters here (the builds themselves may fail)
        RecordingSource src = new RecordingSource();
        var v2 = new lab.mobilenet.engine.runtime.Weights(java.util.Map.of(), true, "v2.safetensors");
        var v3 = new lab.mobilenet.engine.runtime.Weights(java.util.Map.of(), true, "v3.safetensors");
        LessonViewModel direct = new LessonViewModel(src, UiExecutors.sameThread());
        direct.pretrainedProperty().set(java.util.Map.of(lab.mobilenet.engine.model.Architecture.MOBILENET_V2, v2,
                lab.mobilenet.engine.model.Architecture.MOBILENET_V3_LARGE, v3));
        direct.setPhoto(BundledPhotos.load("coins.png"));
        src.options.clear();
        direct.lessonProperty().set(LessonCatalog.INVERTED_RESIDUAL);
        direct.lessonProperty().set(LessonCatalog.SQUEEZE_EXCITE);
        direct.lessonProperty().set(LessonCatalog.DEPTHWISE);
        assertSame(v2, src.options.get(0).weights());
        assertSame(v3, src.options.get(1).weights());
        assertNull(src.options.get(2).weights());
    }
}
