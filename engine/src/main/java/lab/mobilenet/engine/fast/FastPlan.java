package lab.mobilenet.engine.fast;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.runtime.CancellationToken;
import lab.mobilenet.engine.runtime.Weights;

/**
 * The fast path: a network compiled once, for one input size, into an immutable list of fused steps
 * on channels-last heap arrays. Batch norm is folded into the convolution weights and biases; the
 * activation and the residual add run in each convolution's last pass; 1×1 convolutions (and the stem,
 * through im2col) are one OpenBLAS {@code sgemm} each; depthwise convolutions, squeeze-excite, pooling
 * run in plain Java. All buffers are allocated here, once, and reused by every run.
 *
 * <p>It computes the same function as the inspection path ({@link lab.mobilenet.engine.runtime.NetworkRunner})
 * up to float rounding, but shows nothing in between: no per-layer tensors, no MAC counts. Runs are
 * serialised (one set of buffers per plan); use one plan per thread to run in parallel.
 *
 * <p>Threads: a persistent pool of {@code threads} (the caller and {@code threads − 1} workers) splits each
 * step into bands of output rows (or, for the late layers, output channels); steps too small to gain stay
 * on the caller. OpenBLAS is set to one thread, process-wide ({@link OpenBlasThreads} says why it stays
 * so), so that its threads never compete with the pool's.
 */
public final class FastPlan implements AutoCloseable {

    private final Network network;
    private final int height;
    private final int width;
    private final List<Step> steps;
    private final int logitsSlot;
    private final int classes;
    private final Workspace workspace;
    private final WorkerPool pool;

    private FastPlan(Network network, int height, int width, PlanCompiler.Compiled c, WorkerPool pool) {
        this.network = network;
        this.height = height;
        this.width = width;
        this.steps = c.steps();
        this.logitsSlot = c.logitsSlot();
        this.classes = c.classes();
        this.workspace = new Workspace(c.sizes(), pool.threads());
        this.pool = pool;
    }

    /**
     * @param threads threads per run, at least 1 ({@link #defaultThreads()} is a good choice)
     * @throws IllegalArgumentException for a layer pattern the fast path has no kernel for
     */
    public static FastPlan compile(Network network, Weights weights, int height, int width, int threads) {
        return compile(network, weights, height, width, threads, WorkerPool.MIN_WORK_PER_PART);
    }

    /** @param minWorkPerPart MACs below which a step stays on one thread; 0 splits every step (for tests) */
    static FastPlan compile(Network network, Weights weights, int height, int width, int threads,
                            long minWorkPerPart) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be positive, got " + threads);
        }
        OpenBlasThreads.pinToOne();
        PlanCompiler.Compiled compiled = PlanCompiler.compile(network, weights, height, width);
        return new FastPlan(network, height, width, compiled, new WorkerPool(threads, minWorkPerPart));
    }

    /**
     * Two threads where the machine has them. Parts are claimed, so a busy second core costs little
     * (the caller does the work itself), but on the shared development machine two threads were not
     * reliably faster than one (see the README's bench section).
     */
    public static int defaultThreads() {
        return Math.min(2, Runtime.getRuntime().availableProcessors());
    }

    public Network network() {
        return network;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public int threads() {
        return pool.threads();
    }

    /** The steps in run order. */
    public List<StepInfo> steps() {
        return steps.stream().map(Step::info).toList();
    }

    /** @see #logits(float[], CancellationToken, long[]) */
    public float[] logits(float[] image) {
        return logits(image, CancellationToken.NEVER, null);
    }

    /**
     * @param image     {@code [3][H][W]} float32, row-major, already normalised (PyTorch's layout, batch 1)
     * @param cancel    checked between steps
     * @param stepNanos if not {@code null}, receives the time of each step (one entry per {@link #steps()})
     * @return the logits, a new array
     * @throws CancellationException when the token is raised between steps
     */
    public synchronized float[] logits(float[] image, CancellationToken cancel, long[] stepNanos) {
        if (image.length != 3 * height * width) {
            throw new IllegalArgumentException("input must be 3x" + height + "x" + width + " floats, got "
                    + image.length);
        }
        if (stepNanos != null && stepNanos.length < steps.size()) {
            throw new IllegalArgumentException("stepNanos needs " + steps.size() + " entries");
        }
        workspace.input = image;
        try {
            for (int i = 0; i < steps.size(); i++) {
                if (cancel.isCancelled()) {
                    throw new CancellationException("run cancelled");
                }
                long start = stepNanos == null ? 0 : System.nanoTime();
                steps.get(i).run(workspace, pool);
                if (stepNanos != null) {
                    stepNanos[i] = System.nanoTime() - start;
                }
            }
            return Arrays.copyOf(workspace.tensors[logitsSlot], classes);
        } finally {
            workspace.input = null;
            MatrixLibrary.restoreOpenMpThreads(); // this thread may run ND4J operations next
        }
    }

    /** Stops the worker threads and frees the native memory. */
    @Override
    public synchronized void close() {
        pool.close();
        steps.forEach(Step::close);
        workspace.close();
    }
}
