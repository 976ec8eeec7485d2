package lab.mobilenet.engine.fast;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A persistent pool that runs the parts of one step at the same time, started once per plan.
 *
 * <p>Parts are claimed, not assigned: the calling thread and the workers take the next unclaimed part
 * from one counter until none is left. A worker that the operating system has not scheduled yet (a busy
 * machine) therefore never holds the step up: the caller simply does that part too, and a step costs at
 * worst what it costs on one thread. The counter carries the step's generation in its high bits, so a
 * worker that wakes late cannot claim a part of a newer step with an older step's work. The caller claims
 * from the front and the workers from the back ({@link #runBands}). Workers spin for up to 0.5 ms after a
 * step (the next one follows within microseconds), yielding the core to whoever wants it meanwhile, and
 * then park, so an idle plan costs no CPU. Not re-entrant: one {@link #run} at a time.
 */
final class WorkerPool implements AutoCloseable {

    /** The work of one part. */
    interface Body {
        void run(int part);
    }

    /**
     * The work of one band of a step split into more bands than threads: {@code thread} (0 for the caller,
     * 1 … threads − 1 for the workers) says whose scratch the band may use; one thread runs one band at a time.
     */
    interface Bands {
        void run(int band, int thread);
    }

    /**
     * Default work (MACs) a part must have for a step to be shared: about 10 µs of {@code sgemm}, where
     * handing a part to a worker that is spinning costs a few µs. It was 1.25 M while the products ran on
     * OpenBLAS (small ones slowly) and the workers parked between steps; with oneDNN's kernels and spinning
     * workers, V3-Small at two threads took 4.32 ms with parts of 1.25 M, 3.48 with 400 k and 3.43 with
     * 150 k (3.42 sharing every step), V2 12.1 against 11.4-11.6, V1 no change, one thread 4.85 and 19.6 (quiet machine,
     * 2026-12-03, medians of 100 alternating runs); with the other core kept busy all were within 5 %.
     */
    static final long MIN_WORK_PER_PART = 200_000;

    /**
     * How long a worker spins for the next step before parking. The steps of one run follow each other
     * within microseconds, and a park/unpark round trip measured 0.1–0.5 ms on this VM (with 27 steps
     * that was half the wall time at 2 threads), so workers stay hot through a run and park after it.
     */
    private static final long WORKER_SPIN_NANOS = 500_000;
    /** How long the caller spins for parts still running before parking (they finish within a step). */
    private static final long CALLER_SPIN_NANOS = 1_000_000;

    private final int threads;
    private final long minWorkPerPart;
    private final Thread[] workers;
    /** generation << 32 | front << 16 | back: bands [front, back) are unclaimed. */
    private final AtomicLong claims = new AtomicLong();
    private final AtomicInteger completed = new AtomicInteger();
    private volatile Bands body;
    private volatile int parts;
    private volatile Throwable failure;
    private volatile Thread caller;
    private volatile boolean closed;
    private long generation;

    WorkerPool(int threads) {
        this(threads, MIN_WORK_PER_PART);
    }

    /** @param minWorkPerPart 0 splits every step over all threads (the tests use it on small networks) */
    WorkerPool(int threads, long minWorkPerPart) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be positive, got " + threads);
        }
        this.threads = threads;
        this.minWorkPerPart = minWorkPerPart;
        this.workers = new Thread[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            int index = i + 1;
            Thread t = new Thread(() -> work(index), "fast-path-worker-" + index);
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
        share(parts, (part, thread) -> body.run(part));
    }

    /**
     * Runs {@code body} for bands {@code 0 … bands − 1}, any number of them, claimed one at a time (the caller
     * from the front, the workers from the back) by whichever thread is free, and waits for all. A step is
     * shared fairly even when one thread is slowed (a busy core, a late wake-up): the other simply claims
     * more bands. With {@code parallel} false the caller runs them all and no worker is woken.
     */
    void runBands(int bands, boolean parallel, Bands body) {
        if (!parallel || bands == 1 || threads == 1) {
            for (int b = 0; b < bands; b++) {
                body.run(b, 0);
            }
            return;
        }
        share(bands, body);
    }

    private void share(int parts, Bands body) {
        if (parts > MAX_BANDS) {
            throw new IllegalArgumentException(parts + " bands, at most " + MAX_BANDS);
        }
        generation++;
        // first close the old step's counter: a worker still in it must not see the new fields and claim
        // a part under the old generation (that ran a part twice)
        claims.set(generation << 32);
        this.body = body;
        this.parts = parts;
        this.failure = null;
        this.caller = Thread.currentThread();
        completed.set(0);
        claims.set(generation << 32 | parts); // publishes the fields above: front 0, back = parts
        for (int i = 0; i < Math.min(parts - 1, workers.length); i++) {
            LockSupport.unpark(workers[i]);
        }
        claimAndRun(generation, 0);
        long start = System.nanoTime();
        while (completed.get() < parts) { // only parts another thread has claimed and is running
            if (System.nanoTime() - start < CALLER_SPIN_NANOS) {
                waitBriefly();
            } else {
                LockSupport.parkNanos(this, 100_000);
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

    /**
     * One turn of a wait loop: a yield, not a spin hint. On two cores shared with anything else (ONNX
     * Runtime's idle worker in OrtComparison spins all the time) the caller and a worker often share one
     * core; a spinning waiter then holds the core that the thread it waits for needs, until the scheduler
     * takes it away. Yielding hands it over at once, and costs about a microsecond where no one else wants
     * the core. V3-Small at two threads beside a spinning ORT session: 4.6–5.3 ms against 7.5–8.2 (three of
     * four pairs of runs; the fourth 4.9 against 4.8).
     */
    private static void waitBriefly() {
        Thread.yield();
    }

    /** The most bands one step can have: front and back share the counter's low 32 bits. */
    static final int MAX_BANDS = 0xFFFF;

    /** Whether counter value {@code c} has an unclaimed band: the front has not met the back. */
    private static boolean claimable(long c) {
        return (int) (c >>> 16 & 0xFFFF) < (int) (c & 0xFFFF);
    }

    /**
     * Claims parts of step {@code gen} until none is left; returns whether it ran any. The caller claims
     * from the front (rows from the top), the workers from the back, so that when both keep pace each
     * takes the same half of the rows in every step and reads mostly what it wrote itself in the step
     * before (a row another core wrote comes from that core's cache, slowly); when one falls behind the
     * other takes more bands, and they meet wherever that is.
     */
    private boolean claimAndRun(long gen, int thread) {
        boolean ran = false;
        while (true) {
            long c = claims.get();
            if (c >>> 32 != gen || !claimable(c)) {
                return ran;
            }
            int part;
            long next;
            if (thread == 0) {
                part = (int) (c >>> 16 & 0xFFFF);
                next = c + (1L << 16);
            } else {
                part = (int) (c & 0xFFFF) - 1;
                next = c - 1;
            }
            if (!claims.compareAndSet(c, next)) {
                continue;
            }
            ran = true;
            try {
                body.run(part, thread);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            if (completed.incrementAndGet() == parts) {
                LockSupport.unpark(caller);
            }
        }
    }

    private void work(int thread) {
        while (!closed) {
            long c = claims.get();
            if (claimable(c)) { // claimAndRun checks again, atomically
                claimAndRun(c >>> 32, thread);
                continue;
            }
            long start = System.nanoTime();
            while (claims.get() == c && !closed) { // nothing to do until the counter moves
                if (System.nanoTime() - start < WORKER_SPIN_NANOS) {
                    waitBriefly();
                } else {
                    LockSupport.park(this);
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
