package lab.mobilenet.app.ui.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The watchdog sees a blocked FX thread, and does not count background work run there by the tests. */
@ExtendWith(ApplicationExtension.class)
class FxWatchdogTest {
    @Start
    void start(Stage stage) {
        // the toolkit is all we need
    }

    /** Spins until this thread has used {@code millis} of CPU (on a shared machine that takes longer). */
    private static void busyFor(long millis) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long end = threads.getCurrentThreadCpuTime() + millis * 1_000_000;
        while (threads.getCurrentThreadCpuTime() < end) {
            Thread.onSpinWait();
        }
    }

    @Test
    void aHandlerThatBlocksTheFxThreadIsSeen(FxRobot robot) throws Exception {
        FxWatchdog watchdog = FxWatchdog.start();
        Thread.sleep(50);
        robot.interact(() -> busyFor(300));
        watchdog.close();
        assertTrue(watchdog.longestStallMillis() >= 250, "saw only " + watchdog.longestStallMillis() + " ms");
        assertTrue(watchdog.longestBusyMillis() >= 250, "busy only " + watchdog.longestBusyMillis() + " ms");
        assertTrue(watchdog.longestBusyMillis() > FxWatchdogExtension.LIMIT_MILLIS, "the extension would fail it");
        assertTrue(watchdog.heartbeats() > 1);
    }

    @Test
    void backgroundWorkRunInlineIsNotCountedAsAStall(FxRobot robot) throws Exception {
        FxWatchdog watchdog = FxWatchdog.start();
        Thread.sleep(50);
        robot.interact(() -> FxWatchdog.inlineCompute().execute(() -> busyFor(300)));
        watchdog.close();
        assertTrue(watchdog.longestBusyMillis() < 100, "counted " + watchdog.longestBusyMillis() + " ms busy");
        assertTrue(Platform.isFxApplicationThread() || watchdog.heartbeats() > 1);
    }
}
