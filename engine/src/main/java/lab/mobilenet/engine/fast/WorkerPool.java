package lab.mobilenet.engine.fast;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A persistent pool that runs the parts of one step at the same time: part 0 on the calling thread,
 * part i on worker i − 1. Workers are started once and wait between steps, spinning briefly (a layer
 * takes tens to hundreds of microseconds, less than a park/unpark round trip is worth) and then
 * parking, so that an idle plan costs no CPU. Not re-entrant: one {@link #run} at a time.
 */
final class WorkerPool implements AutoCloseable {

    /** The work of one part. */
    interface Body {
        void run(int part);
    }

    private static final long SPIN_NANOS = 50_000;

    /** Default work (MACs) below which a step stays on the calling thread: about 0.1 ms. */
    static final long MIN_WORK_PER_PART = 500_000;

    private final int threads;
    private final long minWorkPerPart;
    private final Thread[] workers;
    private final AtomicInteger remaining = new AtomicInteger();
    private volatile Body body;
    private volatile int parts;
    private volatile long generation;
    private volatile Throwable failure;
    private volatile Thread caller;
    private volatile boolean closed;

    WorkerPool(int threads) {
        this(threads, MIN_WORK_PER_PART);
    }

    /** @param minWorkPerPart 0 splits every step over all threads (the tests use it on small networks) */
    WorkerPool(int threads, long minWorkPerPart) {
        this.minWorkPerPart = minWorkPerPart;
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be positive, got " + threads);
        }
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            int part = i + 1;
            Thread t = new Thread(() -> work(part), "fast-path-worker-" + part);
            t.setDaemon(true);
            workers[i] = t;
            t.start();
        }
    }

    int threads() {
        return threads;
    }

    long minWorkPerPart() {
        return minWorkPerPart;
    }

    /** Runs {@code body} for parts {@code 0 … parts − 1} (at most {@link #threads()}) and waits for all. */
    void run(int parts, Body body) {
        if (parts > threads) {
            throw new IllegalArgumentException(parts + " parts for " + threads + " threads");
        }
        if (parts == 1) {
            body.run(0);
            return;
        }
        this.body = body;
        this.parts = parts;
        this.failure = null;
        this.caller = Thread.currentThread();
        remaining.set(parts - 1);
        generation++; // the volatile write that publishes the fields above
        for (int i = 0; i < parts - 1; i++) {
            LockSupport.unpark(workers[i]);
        }
        try {
            body.run(0);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        long start = System.nanoTime();
        while (remaining.get() > 0) {
            if (System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, 200_000);
            }
        }
        Throwable f = failure;
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
    }

    private void work(int part) {
        long seen = 0;
        while (true) {
            long start = System.nanoTime();
            while (generation == seen && !closed) {
                if (System.nanoTime() - start < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (closed) {
                return;
            }
            seen = generation;
            if (part < parts) {
                try {
                    body.run(part);
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
                if (remaining.decrementAndGet() == 0) {
                    LockSupport.unpark(caller);
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : workers) {
            LockSupport.unpark(t);
        }
    }
}
