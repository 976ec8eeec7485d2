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

    /** Rows {@code [start, end)} of part {@code part} when {@code rows} are split into {@code parts}. */
    static int split(int rows, int parts, int part) {
        return (int) ((long) rows * part / parts);
    }
}
