package lab.mobilenet.app.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.engine.cost.ModelSummary;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.NetworkBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Explorer's view-model without a screen: the photo decodes on the test thread, the gated run goes on
 * its own thread (a paused run waits there), and UI hand-overs queue up until the test thread runs them,
 * so every property is read and written on one thread, as on the FX thread.
 */
class ExplorerViewModelTest {

    private final BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(UiExecutors.daemonThreads("test-run"));
    private ExplorerViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new ExplorerViewModel(new UiExecutors(Runnable::run, ui::add), runner);
        vm.choose(Architecture.MOBILENET_V2, 1.0, 96);
        vm.loadBundledPhoto("chelsea.png");
        drain();
    }

    @AfterEach
    void tearDown() {
        vm.cancel();
        runner.shutdownNow();
    }

    /** Runs UI hand-overs until {@code done} holds (at most a minute: ND4J may be starting). */
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

    @Test
    void threeStepsAddTheStemConvolutionItsBatchNormAndTheFirstDepthwiseConvolution() {
        assertEquals(0, vm.countersProperty().get().macs());
        vm.next();
        until(() -> vm.countersProperty().get().step() == 1);
        // conv_stem: 48 x 48 outputs x 32 channels x 27 (3x3x3) MACs at 96 x 96 input
        assertEquals(48L * 48 * 32 * 27, vm.countersProperty().get().macs());
        vm.next();
        vm.next();
        until(() -> vm.countersProperty().get().step() == 3);
        // bn1 (batch norm + ReLU6) adds none; blocks.0.0.conv_dw: 48 x 48 x 32 x 9
        assertEquals(48L * 48 * 32 * 27 + 48L * 48 * 32 * 9, vm.countersProperty().get().macs());
        assertEquals("blocks.0.0.conv_dw", vm.selectedProperty().get());
        assertNotNull(vm.inspectionProperty().get().outputs().get("blocks.0.0.conv_dw"), "its feature maps");
        assertTrue(vm.countersProperty().get().bytes() > 0);
        assertTrue(vm.untrainedProperty().get(), "no trained weights given");
    }

    @Test
    void backOneLayerTakesItsMacsAwayAndForwardShowsItAgainWithoutRunning() {
        vm.next();
        vm.next();
        vm.next();
        until(() -> vm.countersProperty().get().step() == 3);
        int computed = vm.inspectionProperty().get().layerRows().size();
        vm.previous();
        assertEquals(2, vm.countersProperty().get().step());
        assertEquals(48L * 48 * 32 * 27, vm.countersProperty().get().macs());
        vm.next();
        assertEquals(3, vm.countersProperty().get().step(), "shown at once: it already ran");
        assertEquals(computed, vm.inspectionProperty().get().layerRows().size());
    }

    @Test
    void runToEndReachesTheSummaryTotal() {
        vm.runToEnd();
        until(() -> !vm.runningProperty().get());
        assertTrue(vm.inspectionProperty().get().complete());
        StepCounters c = vm.countersProperty().get();
        assertEquals(c.steps(), c.step());
        assertEquals(ModelSummary.of(NetworkBuilder.build(Architecture.MOBILENET_V2, 1.0), 96).macs(), c.macs());
    }

    @Test
    void switchingThePhotoMidRunCancelsTheOldRunAndStartsAfresh() {
        vm.next();
        vm.next();
        until(() -> vm.countersProperty().get().step() == 2);
        vm.loadBundledPhoto("coffee.png"); // the old run is paused at layer 3, waiting at its gate
        until(() -> vm.photoProperty().get().name().equals("coffee.png"));
        assertEquals(0, vm.countersProperty().get().step());
        assertNull(vm.inspectionProperty().get());
        vm.next(); // only possible if the old run let go of the single run thread
        until(() -> vm.countersProperty().get().step() == 1);
        assertEquals(1, vm.inspectionProperty().get().layerRows().size());
    }

    @Test
    void switchingTheNetworkMidRunCancelsTheOldRun() {
        vm.next();
        until(() -> vm.countersProperty().get().step() == 1);
        vm.architectureProperty().set(Architecture.MOBILENET_V3_SMALL);
        assertEquals(0, vm.countersProperty().get().step());
        vm.next();
        until(() -> vm.countersProperty().get().step() == 1);
        // V3-Small's stem: 16 channels, hard-swish; 48 x 48 x 16 x 27
        assertEquals(48L * 48 * 16 * 27, vm.countersProperty().get().macs());
        assertEquals("mobilenetv3_small_100", vm.planProperty().get().network().name());
    }

    @Test
    void stepsThroughSqueezeExcitesPartsOneRowAtATimeAndStopAtTheGate() {
        vm.architectureProperty().set(Architecture.MOBILENET_V3_SMALL);
        // conv_stem, bn1, blocks.0.0.conv_dw, blocks.0.0.bn1, then se.conv_reduce, se.act1, se.conv_expand, se.gate:
        // the engine runs the whole squeeze-excite as one layer, which finishes five rows at once
        for (int i = 0; i < 8; i++) {
            vm.next();
        }
        until(() -> vm.countersProperty().get().step() == 8);
        assertEquals("blocks.0.0.se.gate", vm.selectedProperty().get());
        assertEquals(16, vm.inspectionProperty().get().outputs().get("blocks.0.0.se.gate").size(), "16 gates");
        drain();
        assertEquals(8, vm.countersProperty().get().step(), "not past the step asked for");
        vm.next();
        assertEquals("blocks.0.0.se", vm.selectedProperty().get(), "already ran with its parts: shown at once");
    }

    @Test
    void cancelStopsTheRunAndKeepsWhatRan() {
        vm.next();
        vm.next();
        until(() -> vm.countersProperty().get().step() == 2);
        vm.cancel();
        assertFalse(vm.runningProperty().get());
        assertEquals(2, vm.countersProperty().get().step());
        vm.next(); // runs again from the start, up to one layer further
        until(() -> vm.countersProperty().get().step() == 3);
    }
}
