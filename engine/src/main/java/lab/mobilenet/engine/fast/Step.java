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
     * How many parts to split {@code rows} into: no more than the pool's threads, the rows, or parts of at
     * least the pool's {@link WorkerPool#minWorkPerPart()} — waking a worker for a tiny layer costs more than
     * it saves, and on a busy machine much more (the worker may wait for a time slice).
     */
    static int parts(WorkerPool pool, int rows, long work) {
        long byWork = pool.minWorkPerPart() <= 0 ? Long.MAX_VALUE : Math.max(1, work / pool.minWorkPerPart());
        return (int) Math.max(1, Math.min(Math.min(pool.threads(), rows), byWork));
    }

    /**
     * Floats a band of a GEMM step should touch (its patches and its output): about a quarter of this
     * CPU's 512 KB L2, so that the epilogue reads back what the product has just written from L2, not memory.
     */
    int BAND_FLOATS = 32 * 1024;

    /** Bands per thread when a step is shared: enough that one slowed thread costs the step little. */
    int BANDS_PER_THREAD = 4;

    /**
     * Whether a step of {@code work} (MACs, or what costs as much time) is worth sharing with the workers:
     * at least two parts of {@link WorkerPool#minWorkPerPart()}. Below that the caller runs it alone and no
     * worker is woken.
     */
    static boolean shared(WorkerPool pool, long work) {
        return pool.threads() > 1 && work >= 2 * pool.minWorkPerPart();
    }

    /**
     * How many bands of rows to cut a step into: enough that a band's operands ({@code floatsPerRow} per row)
     * stay within {@link #BAND_FLOATS}, and when the step is {@link #shared} also {@link #BANDS_PER_THREAD}
     * per thread (no band under a quarter of the minimum work), never more than the rows.
     */
    static int bands(WorkerPool pool, int rows, long work, long floatsPerRow) {
        long byCache = Math.max(1, (rows * floatsPerRow + BAND_FLOATS - 1) / BAND_FLOATS);
        long byShare = 1;
        if (shared(pool, work)) {
            long byWork = pool.minWorkPerPart() <= 0 ? Long.MAX_VALUE : Math.max(2, 4 * work / pool.minWorkPerPart());
            byShare = Math.min((long) pool.threads() * BANDS_PER_THREAD, byWork);
        }
        return (int) Math.max(1, Math.min(rows, Math.max(byCache, byShare)));
    }

    /** Rows {@code [start, end)} of part {@code part} when {@code rows} are split into {@code parts}. */
    static int split(int rows, int parts, int part) {
        return (int) ((long) rows * part / parts);
    }
}
