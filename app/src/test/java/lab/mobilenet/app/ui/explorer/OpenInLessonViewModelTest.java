package lab.mobilenet.app.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.app.ui.lessons.CatalogLessonSource;
import lab.mobilenet.app.ui.lessons.LessonViewModel;
import lab.mobilenet.app.ui.lessons.RealLayerLesson;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.runtime.ActivationSnapshot;
import lab.mobilenet.lessons.Granularity;
import lab.mobilenet.lessons.LessonCatalog;
import lab.mobilenet.lessons.LessonFrame;
import lab.mobilenet.lessons.OutputMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Open in lesson" without a screen: the Explorer's view-model cuts the selected layer of its own run around the
 * chosen point, and the lessons' view-model steps exactly that layer: stepped to the end, the lesson's output is
 * the engine's output of the layer in the Explorer's run (the inspection's feature map), cell for cell.
 */
class OpenInLessonViewModelTest {

    private static final String DW = "blocks.1.0.conv_dw"; // 96 channels, 3×3, stride 2: 48×48 → 24×24 at 96 px

    private final BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(UiExecutors.daemonThreads("test-run"));
    private ExplorerViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new ExplorerViewModel(new UiExecutors(Runnable::run, ui::add), runner);
        vm.choose(Architecture.MOBILENET_V2, 1.0, 96);
        vm.loadBundledPhoto("chelsea.png");
        drain();
        vm.stepTo(DW);
        until(() -> vm.inspectionProperty().get() != null && vm.inspectionProperty().get().row(DW) != null);
        drain();
    }

    @AfterEach
    void tearDown() {
        vm.cancel();
        runner.shutdownNow();
    }

    private void until(BooleanSupplier done) {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!done.getAsBoolean()) {
            try {
                Runnable r = ui.poll(100, TimeUnit.MILLISECONDS);
                if (r != null) {
                    r.run();
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out; counters " + vm.countersProperty().get());
            }
        }
    }

    private void drain() {
        Runnable r;
        while ((r = ui.poll()) != null) {
            r.run();
        }
    }

    private RealLayerLesson open(int row, int col, int channel) {
        AtomicReference<RealLayerLesson> got = new AtomicReference<>();
        vm.openInLesson(row, col, channel, got::set);
        until(() -> got.get() != null || !vm.errorProperty().get().isEmpty());
        assertEquals("", vm.errorProperty().get());
        return got.get();
    }

    @Test
    void onlyConvolutionsWhoseInputHasRunCanBeOpened() {
        assertEquals(DW, vm.selectedProperty().get(), "stepping to it selected it");
        assertEquals(LessonLink.READY, vm.lessonLink());
        vm.selectedProperty().set("blocks.1.0.bn1");
        assertEquals(LessonLink.NONE, vm.lessonLink(), "a batch norm has no lesson");
        vm.selectedProperty().set("blocks.1");
        assertEquals(LessonLink.NONE, vm.lessonLink(), "nor has a stage");
        vm.selectedProperty().set("blocks.1.0.conv_pwl");
        assertEquals(LessonLink.INPUT_NOT_RUN, vm.lessonLink(), "its input, blocks.1.0.bn2, has not run");
        vm.selectedProperty().set("conv_stem");
        assertEquals(LessonLink.READY, vm.lessonLink(), "the first layer reads the network's input");
        AtomicReference<RealLayerLesson> got = new AtomicReference<>();
        vm.selectedProperty().set("blocks.1.0.conv_pwl");
        vm.openInLesson(-1, -1, 0, got::set);
        drain();
        assertNull(got.get(), "nothing is cut while the input is missing");
    }

    @Test
    void theLayerIsCutAroundTheChosenPointAndItsLessonComputesTheEnginesOutputThere() {
        RealLayerLesson real = open(5, 7, 10);
        assertEquals(DW, real.layer().name());
        assertSame(LessonCatalog.DEPTHWISE, real.layer().lesson());
        assertEquals("MobileNet V2", real.network());
        assertFalse(real.trained(), "no trained weights were given");
        // an 8×8 window centred on (5, 7) of the 24×24 map starts at row 1, column 3; channels 10…13
        assertEquals(1, real.layer().outRow());
        assertEquals(3, real.layer().outCol());
        assertEquals(10, real.layer().firstChannel());
        assertEquals(5, real.centreRow());
        assertEquals(7, real.centreCol());
        // the crop is the Explorer's own input of the layer: blocks.1.0.bn1's output (stride 2, padding 1)
        ActivationSnapshot before = vm.inspectionProperty().get().outputs().get("blocks.1.0.bn1");
        assertEquals(before.value((11 * 48 + (2 * 1 - 1 + 4)) * 48 + (2 * 3 - 1 + 6)), real.layer().input().get(1, 4, 6));

        LessonViewModel lessons = new LessonViewModel(new CatalogLessonSource(), UiExecutors.sameThread());
        lessons.start();
        lessons.granularityProperty().set(Granularity.PIXEL);
        lessons.openRealLayer(real);
        assertSame(real, lessons.realLayerProperty().get());
        LessonFrame f = lessons.frame();
        assertNotNull(f);
        assertSame(LessonCatalog.DEPTHWISE, f.lesson());
        assertEquals(LessonCatalog.DEPTHWISE, lessons.lessonProperty().get());
        assertEquals(4L * 8 * 8 * 9, f.counters().macsTotal(), "4 channels × 8 × 8 cells × 3·3 taps");
        assertEquals(0, f.counters().macsDone());
        lessons.next();
        assertEquals(9, lessons.frame().counters().macsDone(), "one output value: 3·3 multiply-adds");
        lessons.end();
        OutputMap out = lessons.frame().traces().get(0).output();
        ActivationSnapshot engine = vm.inspectionProperty().get().outputs().get(DW);
        float largest = 0;
        for (int i = 0; i < engine.size(); i++) {
            largest = Math.max(largest, Math.abs(engine.value(i)));
        }
        for (int c = 0; c < 4; c++) {
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    float want = engine.value(((10 + c) * 24 + 1 + y) * 24 + 3 + x);
                    assertEquals(want, out.value(c, y, x), 1e-5 * largest, "channel " + c + " at " + y + "," + x);
                }
            }
        }

        lessons.lessonProperty().set(LessonCatalog.POINTWISE);
        assertNull(lessons.realLayerProperty().get(), "another lesson leaves the real layer");
        lessons.lessonProperty().set(LessonCatalog.DEPTHWISE);
        assertEquals(3, lessons.frame().traces().get(0).trace().geometry().outChannels(),
                "the depthwise lesson is back on the photo's three colour channels");
    }

    @Test
    void withoutAChosenPointTheWindowIsCentredAndTheChannelIsTheFirst() {
        RealLayerLesson real = open(-1, -1, 0);
        assertEquals(8, real.layer().outRow(), "24 / 2 − 4");
        assertEquals(8, real.layer().outCol());
        assertEquals(0, real.layer().firstChannel());
    }
}
