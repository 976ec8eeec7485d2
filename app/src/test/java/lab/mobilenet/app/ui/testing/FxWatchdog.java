package lab.mobilenet.app.ui.testing;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;

/**
 * Measures how long the JavaFX application thread goes without running queued events, by wall clock, and
 * splits every such stall into what our code did and what the machine did. A daemon thread posts a heartbeat
 * with {@link Platform#runLater} every {@value #PERIOD_MILLIS} ms; a heartbeat's delay is the wall time the
 * window could not react. While one is overdue the watchdog samples the FX thread's stack and state every
 * {@value #SAMPLE_MILLIS} ms. Of a stall, "blocking" is
 * <ul>
 * <li>the CPU time the FX thread used (handlers, layout, CSS: all work the UI thread did), plus</li>
 * <li>the wall time it sat waiting (sleeping, on a lock, in {@code Future.get}, in file or socket I/O) with
 *     our code ({@code lab.mobilenet.*}) on its stack.</li>
 * </ul>
 * The rest of the delay is the machine's: the FX thread runnable but without a core (this machine is shared by
 * several builds), garbage-collection pauses, waiting for JavaFX's own render thread. A wall-clock limit alone
 * failed window tests at random here (297 ms stalls with 8–15 ms of FX work); a CPU limit alone missed a
 * handler that sleeps or waits. {@link FxWatchdogExtension} fails on blocking, and on any stall over 1 s.
 *
 * <p>Window tests run background work on the FX thread itself, so that every key press has been computed when
 * the robot returns; in the app that work runs on compute threads. {@link #inlineCompute()} is that
 * same-thread executor, but it books the time its tasks take, and the watchdog subtracts it.
 */
public final class FxWatchdog implements AutoCloseable {
    static final long PERIOD_MILLIS = 20;
    static final long SAMPLE_MILLIS = 5;
    private static final String APP_PACKAGE = "lab.mobilenet.";
    private static final String SELF = FxWatchdog.class.getName();
    private static final AtomicLong INLINE_COMPUTE_NANOS = new AtomicLong();
    private static final AtomicLong INLINE_COMPUTE_CPU_NANOS = new AtomicLong();
    private static final AtomicInteger INLINE_DEPTH = new AtomicInteger();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** One heartbeat's delay and what filled it; nanoseconds. */
    public record Stall(long wallNanos, long cpuNanos, long waitingInCodeNanos, long gcNanos, String where) {
        static final Stall NONE = new Stall(0, 0, 0, 0, "");

        /** Time the UI thread was held by work or waiting of its own. */
        public long blockingNanos() {
            return Math.min(wallNanos, cpuNanos + waitingInCodeNanos);
        }

        public String describe() {
            return wallNanos / 1_000_000 + " ms (FX thread on CPU " + cpuNanos / 1_000_000 + " ms, waiting in our code "
                    + waitingInCodeNanos / 1_000_000 + " ms, the machine's the rest: " + (wallNanos - blockingNanos())
                    / 1_000_000 + " ms, GC " + gcNanos / 1_000_000 + " ms" + (where.isEmpty() ? "" : "; " + where) + ")";
        }
    }

    private final Thread thread;
    private final AtomicReference<Stall> longest = new AtomicReference<>(Stall.NONE);
    private final AtomicReference<Stall> worst = new AtomicReference<>(Stall.NONE);
    private final AtomicLong beats = new AtomicLong();
    private volatile long fxThreadId = -1;
    private volatile boolean stopped;

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
            INLINE_DEPTH.incrementAndGet();
            try {
                task.run();
            } finally {
                INLINE_DEPTH.decrementAndGet();
                INLINE_COMPUTE_NANOS.addAndGet(System.nanoTime() - start);
                INLINE_COMPUTE_CPU_NANOS.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
            }
        };
    }

    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    /** A heartbeat: what was true when it was posted, and when it ran. */
    private final class Beat implements Runnable {
        final long posted = System.nanoTime();
        final long inlineBefore = INLINE_COMPUTE_NANOS.get();
        final long inlineCpuBefore = INLINE_COMPUTE_CPU_NANOS.get();
        final long gcBefore = gcMillis();
        final long cpuBefore = fxThreadId < 0 ? -1 : THREADS.getThreadCpuTime(fxThreadId);
        final CountDownLatch ran = new CountDownLatch(1);
        volatile long ranAt;
        volatile long cpuAt;
        volatile long inlineAt;
        volatile long inlineCpuAt;
        long waitingInCode;
        String where = "";

        @Override
        public void run() {
            ranAt = System.nanoTime();
            cpuAt = THREADS.getCurrentThreadCpuTime();
            inlineAt = INLINE_COMPUTE_NANOS.get();
            inlineCpuAt = INLINE_COMPUTE_CPU_NANOS.get();
            fxThreadId = Thread.currentThread().getId();
            beats.incrementAndGet();
            ran.countDown();
        }

        /** Called while overdue: books {@code nanos} as waiting when the FX thread waits inside our code. */
        void sample(long nanos) {
            long id = fxThreadId;
            if (id < 0 || INLINE_DEPTH.get() > 0) {
                return;
            }
            ThreadInfo info = THREADS.getThreadInfo(id, 64);
            if (info == null) {
                return;
            }
            StackTraceElement[] stack = info.getStackTrace();
            StackTraceElement ours = null;
            for (StackTraceElement frame : stack) {
                if (frame.getMethodName().equals("enterNestedEventLoop")) {
                    return; // a modal dialog's event loop: heartbeats run there, so this is not ours
                }
                String name = frame.getClassName();
                if (name.startsWith(APP_PACKAGE) && !name.equals(SELF) && !name.startsWith(SELF + "$")) {
                    ours = frame;
                    break;
                }
            }
            if (ours == null) {
                return;
            }
            boolean inIo = stack.length > 0 && stack[0].isNativeMethod() && (stack[0].getClassName().startsWith("java.io.")
                    || stack[0].getClassName().startsWith("sun.nio.") || stack[0].getClassName().startsWith("java.net."));
            boolean waiting = info.getThreadState() != Thread.State.RUNNABLE || inIo;
            if (waiting) {
                waitingInCode += nanos;
            }
            if (where.isEmpty()) {
                where = (inIo ? "in I/O under " : waiting ? "waiting (" + info.getThreadState() + ") in " : "running in ") + ours;
            }
        }

        Stall stall() {
            long wall = ranAt - posted - (inlineAt - inlineBefore);
            long cpu = cpuBefore < 0 ? 0 : cpuAt - cpuBefore - (inlineCpuAt - inlineCpuBefore);
            return new Stall(Math.max(0, wall), Math.max(0, cpu), waitingInCode, (gcMillis() - gcBefore) * 1_000_000,
                    where);
        }
    }

    private Beat beat() {
        Beat b = new Beat();
        Platform.runLater(b);
        return b;
    }

    /** Waits for a heartbeat, sampling while it is overdue; false if it did not run within 10 s. */
    private boolean settle(Beat b) throws InterruptedException {
        long last = System.nanoTime();
        while (!b.ran.await(SAMPLE_MILLIS, TimeUnit.MILLISECONDS)) {
            long now = System.nanoTime();
            b.sample(now - last);
            last = now;
            if (now - b.posted > 10_000_000_000L) {
                return false;
            }
        }
        Stall s = b.stall();
        longest.accumulateAndGet(s, (x, y) -> y.wallNanos() > x.wallNanos() ? y : x);
        worst.accumulateAndGet(s, (x, y) -> y.blockingNanos() > x.blockingNanos() ? y : x);
        return true;
    }

    private void watch() {
        try {
            while (!stopped && settle(beat())) {
                Thread.sleep(PERIOD_MILLIS);
            }
        } catch (InterruptedException e) {
            // not interrupted by close(): it lets the heartbeat in flight finish
        }
    }

    /** The stall with the longest wall-clock delay, background work on the FX thread not counted. */
    public Stall longest() {
        return longest.get();
    }

    /** The stall in which the UI thread was blocked longest by its own work or waiting. */
    public Stall worstBlocking() {
        return worst.get();
    }

    /** Heartbeats that ran: a watchdog that saw none measured nothing. */
    public long heartbeats() {
        return beats.get();
    }

    /**
     * Stops watching, once the heartbeat in flight and one more have gone through (so a stall at the very end
     * is counted).
     *
     * @throws AssertionError when the FX thread never ran a heartbeat within 10 s
     */
    @Override
    public void close() {
        stopped = true;
        try {
            thread.join(15_000);
            if (!settle(beat())) {
                throw new AssertionError("the FX thread has been blocked for more than 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
