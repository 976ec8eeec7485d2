package lab.mobilenet.app.ui.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Measures how long the JavaFX application thread goes without running queued events: a daemon thread
 * posts a heartbeat with {@link Platform#runLater} every few milliseconds and records how late each one
 * ran (wall time), and how much CPU the FX thread used meanwhile (its own work: layout, drawing, handlers).
 * On a machine shared with other builds the FX thread can wait for a core without any fault of ours, so the
 * stall that fails a test is the FX thread's CPU time during the delay; a wall-clock delay of ten times the
 * limit fails too (the FX thread waiting on a lock or on I/O uses no CPU but blocks the window all the same).
 *
 * <p>Window tests run background work on the FX thread itself, so that every key press has been computed
 * when the robot returns; in the app that work runs on compute threads. {@link #inlineCompute()} is that
 * same-thread executor, but it books the time its tasks take, and the watchdog subtracts it: what remains is
 * time the UI thread itself was busy.
 */
public final class FxWatchdog implements AutoCloseable {
    private static final AtomicLong INLINE_COMPUTE_NANOS = new AtomicLong();
    private static final AtomicLong INLINE_COMPUTE_CPU_NANOS = new AtomicLong();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long PERIOD_MILLIS = 5;

    private final Thread thread;
    private final AtomicLong longestNanos = new AtomicLong();
    private final AtomicLong longestCpuNanos = new AtomicLong();
    private final AtomicLong beats = new AtomicLong();
    private volatile long fxThreadId = -1;
    private volatile boolean running = true;

    private FxWatchdog() {
        thread = new Thread(this::watch, "fx-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts watching now. */
    public static FxWatchdog start() {
        return new FxWatchdog();
    }

    /** Runs tasks on the calling thread, like {@code Runnable::run}, booking their time as background work. */
    public static Executor inlineCompute() {
        return task -> {
            long start = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            try {
                task.run();
            } finally {
                INLINE_COMPUTE_NANOS.addAndGet(System.nanoTime() - start);
                INLINE_COMPUTE_CPU_NANOS.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
            }
        };
    }

    /** Posts one heartbeat; it records its own lateness and the FX thread's CPU time since it was posted. */
    private CountDownLatch beat() {
        long posted = System.nanoTime();
        long computeBefore = INLINE_COMPUTE_NANOS.get();
        long computeCpuBefore = INLINE_COMPUTE_CPU_NANOS.get();
        long id = fxThreadId;
        long cpuBefore = id < 0 ? -1 : THREADS.getThreadCpuTime(id);
        CountDownLatch ran = new CountDownLatch(1);
        Platform.runLater(() -> {
            long stall = System.nanoTime() - posted - (INLINE_COMPUTE_NANOS.get() - computeBefore);
            longestNanos.accumulateAndGet(stall, Math::max);
            if (cpuBefore >= 0) {
                long cpu = THREADS.getCurrentThreadCpuTime() - cpuBefore
                        - (INLINE_COMPUTE_CPU_NANOS.get() - computeCpuBefore);
                longestCpuNanos.accumulateAndGet(cpu, Math::max);
            }
            fxThreadId = Thread.currentThread().getId();
            beats.incrementAndGet();
            ran.countDown();
        });
        return ran;
    }

    private void watch() {
        while (running) {
            CountDownLatch ran = beat();
            try {
                while (running && !ran.await(50, TimeUnit.MILLISECONDS)) {
                    // still blocked; the heartbeat records the stall when it finally runs
                }
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The longest time a heartbeat waited (wall clock), background work on the FX thread not counted. */
    public long longestStallMillis() {
        return longestNanos.get() / 1_000_000;
    }

    /** The most CPU time the FX thread spent on its own work while one heartbeat waited. */
    public long longestBusyMillis() {
        return longestCpuNanos.get() / 1_000_000;
    }

    /** Heartbeats that ran: a watchdog that saw none measured nothing. */
    public long heartbeats() {
        return beats.get();
    }

    /**
     * Stops watching, after a last heartbeat has gone through (so a stall at the very end is counted).
     *
     * @throws AssertionError when the FX thread never ran a heartbeat within 10 s
     */
    @Override
    public void close() {
        CountDownLatch last = beat();
        try {
            if (!last.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the FX thread has been blocked for more than 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = false;
            thread.interrupt();
        }
    }
}
