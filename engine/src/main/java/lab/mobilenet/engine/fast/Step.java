package lab.mobilenet.engine.fast;

/** One step of a compiled plan: a layer with whatever was fused into it. Steps hold no per-run state. */
interface Step {

    StepInfo info();

    /** Runs the step on the plan's buffers, splitting the work over the pool's threads where it pays. */
    void run(Workspace ws, WorkerPool pool);

    /** Native and heap space this step needs in the workspace: called once, before the workspace is built. */
    default void reserve(Workspace.Sizes sizes) {
    }

    /** Frees native memory the step owns (its weights), if any. */
    default void close() {
    }

    /**
     * Runs a plan compiler's {@code build}; when it throws (a layer refused), closes the steps it had built so far,
     * whose native weights and oneDNN primitives would otherwise wait for the garbage collector.
     */
    static <T> T closingOnFailure(java.util.List<Step> built, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (RuntimeException | Error e) {
            built.forEach(Step::close);
            throw e;
        }
    }

    /**
     * How many parts to split {@code rows} into: no more than the pool's threads, the rows, or parts of at
     * least the pool's {@link WorkerPool#minWorkPerPart()} — waking a worker for a tiny layer costs more than
     * it saves, and on a busy machine much more (the worker may wait for a time slice).
     */
    static int parts(WorkerPool pool, int rows, long work) {
        long byWork = pool.minWorkPerPart() <= 0 ? Long.MAX_VALUE : Math.max(1, work / pool.minWorkPerPart());
        return (int) Math.max(1, Math.min(Math.min(pool.threads(), rows), byWork));
    }

    /**
     * An element of an element-wise pass (or of squeeze-excite's mean) costs about as much time as this many
     * GEMM MACs when deciding to share a step: it is read (and written) once, memory-bound, about 1 ns here,
     * where oneDNN's sgemm does some 50 MACs per ns. Counted as one MAC, no pass under 2.5 M elements was
     * shared, and at two threads V2's inspection path spent 3.9 ms in them against 3.0 at one; 4, 16, 32 and
     * 64 gave inspection / fast 1.53, 1.40, 1.39 and 1.37 (V2, 2 threads, within the machine's noise above 16).
     */
    long ELEMENT_COST = 32;

    /**
     * Bands per thread when a GEMM step is shared: two, so that a thread slowed by the machine costs the
     * step at most a quarter of it, and no more, because every band's {@code sgemm} packs the weights again
     * and small products run slower (7 rows of 49 pixels: 1.3x, not 2x, faster than all of them, measured).
     */
    int BANDS_PER_THREAD = 2;

    /**
     * Whether a step of {@code work} (MACs, or what costs as much time) is worth sharing with the workers:
     * at least two parts of {@link WorkerPool#minWorkPerPart()}. Below that the caller runs it alone and no
     * worker is woken.
     */
    static boolean shared(WorkerPool pool, long work) {
        return pool.threads() > 1 && work >= 2 * pool.minWorkPerPart();
    }

    /** How many bands of rows to cut a shared step into: {@link #BANDS_PER_THREAD} per thread, at most the rows. */
    static int bands(WorkerPool pool, int rows, long work) {
        return shared(pool, work) ? Math.max(1, Math.min(rows, pool.threads() * BANDS_PER_THREAD)) : 1;
    }

    /** Rows {@code [start, end)} of part {@code part} when {@code rows} are split into {@code parts}. */
    static int split(int rows, int parts, int part) {
        return (int) ((long) rows * part / parts);
    }
}
