package lab.mobilenet.app.ui.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.locks.ReentrantLock;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The watchdog catches a UI thread blocked by our code (sleeping, waiting on a lock, spinning), says where, and
 * does not count background work the tests run on the FX thread. The verdicts are the extension's own.
 */
@ExtendWith(ApplicationExtension.class)
class FxWatchdogTest {
    private static final long MS = 1_000_000;

    @Start
    void start(Stage stage) {
        // the toolkit is all we need
    }

    /** Spins until this thread has used {@code millis} of CPU (on a shared machine that takes longer). */
    private static void busyFor(long millis) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long end = threads.getCurrentThreadCpuTime() + millis * MS;
        while (threads.getCurrentThreadCpuTime() < end) {
            Thread.onSpinWait();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static FxWatchdog watch(FxRobot robot, Runnable onFxThread) throws InterruptedException {
        FxWatchdog watchdog = FxWatchdog.start();
        Thread.sleep(60);
        robot.interact(onFxThread);
        watchdog.close();
        assertTrue(watchdog.heartbeats() > 1, "the watchdog measured nothing");
        return watchdog;
    }

    @Test
    void aHandlerThatSleeps300MsFails(FxRobot robot) throws Exception {
        FxWatchdog watchdog = watch(robot, () -> sleep(300));
        FxWatchdog.Stall worst = watchdog.worstBlocking();
        assertTrue(worst.wallNanos() >= 290 * MS, worst.describe());
        assertTrue(worst.waitingInCodeNanos() >= 200 * MS, worst.describe());
        assertTrue(worst.where().contains("FxWatchdogTest"), worst.describe());
        assertNotNull(FxWatchdogExtension.verdict(watchdog), "a 300 ms sleep on the FX thread must fail");
    }

    @Test
    void aHandlerWaitingOnALockFails(FxRobot robot) throws Exception {
        ReentrantLock lock = new ReentrantLock();
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        Thread owner = new Thread(() -> {
            lock.lock();
            held.countDown();
            sleep(360); // the FX thread waits for it from about 60 ms on
            lock.unlock();
        });
        owner.start();
        held.await();
        FxWatchdog watchdog = watch(robot, () -> {
            lock.lock();
            lock.unlock();
        });
        owner.join();
        FxWatchdog.Stall worst = watchdog.worstBlocking();
        assertTrue(worst.waitingInCodeNanos() >= 200 * MS, worst.describe());
        assertTrue(worst.where().contains("WAITING"), worst.describe());
        assertNotNull(FxWatchdogExtension.verdict(watchdog));
    }

    @Test
    void aHandlerSpinning300MsOfCpuFails(FxRobot robot) throws Exception {
        FxWatchdog watchdog = watch(robot, () -> busyFor(300));
        assertTrue(watchdog.worstBlocking().cpuNanos() >= 250 * MS, watchdog.worstBlocking().describe());
        assertNotNull(FxWatchdogExtension.verdict(watchdog));
    }

    @Test
    void aShortHandlerPasses(FxRobot robot) throws Exception {
        FxWatchdog watchdog = watch(robot, () -> sleep(30));
        assertTrue(watchdog.longest().wallNanos() < 100 * MS, watchdog.longest().describe());
        assertNull(FxWatchdogExtension.verdict(watchdog));
    }

    @Test
    void backgroundWorkRunInlineIsNotCounted(FxRobot robot) throws Exception {
        FxWatchdog watchdog = watch(robot, () -> FxWatchdog.inlineCompute().execute(() -> {
            busyFor(150);
            sleep(150);
        }));
        assertTrue(watchdog.worstBlocking().blockingNanos() < 100 * MS, watchdog.worstBlocking().describe());
        assertNull(FxWatchdogExtension.verdict(watchdog));
    }
}
