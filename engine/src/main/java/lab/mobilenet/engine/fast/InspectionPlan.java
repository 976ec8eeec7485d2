package lab.mobilenet.engine.fast;

import java.util.List;
import lab.mobilenet.engine.model.ConvLayer;
import lab.mobilenet.engine.model.Layer;
import lab.mobilenet.engine.model.LinearLayer;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.model.Shape;
import lab.mobilenet.engine.model.SqueezeExciteLayer;
import lab.mobilenet.engine.op.ConvGeometry;
import lab.mobilenet.engine.runtime.ActivationSnapshot;
import lab.mobilenet.engine.runtime.CancellationToken;
import lab.mobilenet.engine.runtime.InnerRun;
import lab.mobilenet.engine.runtime.LayerRun;
import lab.mobilenet.engine.runtime.RunListener;
import lab.mobilenet.engine.runtime.Weights;

/**
 * The inspection path's compiled form, for batch 1: the layer list exactly as it is (every convolution
 * and every batch norm its own tensor, as timm computes them — nothing folded, nothing fused), run on the
 * fast path's kernels and buffers instead of one ND4J op per layer (20–85 µs of overhead per call).
 * A listener hears every layer start and finish with its measured time and MACs; a layer's output is
 * copied into an {@link ActivationSnapshot} (channel-planar, as PyTorch lays it out) only when the
 * listener asks for it. Compiled once per network, weights, input size and thread count; runs are
 * serialised. {@link lab.mobilenet.engine.runtime.NetworkRunner} uses it and falls back to ND4J ops for
 * what it does not cover (batches, Xception's layers, grouped convolutions).
 */
public final class InspectionPlan implements AutoCloseable {

    private final Network network;
    private final int height;
    private final int width;
    private final List<Step> steps;
    private final int[] layerOfStep;
    private final int[] slotOfLayer;
    private final int[] bufferOfLayer;
    private final List<Shape> shapes;
    private final long[] macs;
    private final Workspace workspace;
    private final WorkerPool pool;
    private boolean closed;

    private InspectionPlan(Network network, int height, int width, InspectionCompiler.Compiled c, WorkerPool pool) {
        this.network = network;
        this.height = height;
        this.width = width;
        this.steps = c.steps();
        this.layerOfStep = c.layerOfStep();
        this.slotOfLayer = c.slotOfLayer();
        this.bufferOfLayer = c.bufferOfLayer();
        this.shapes = network.shapes(height, width);
        this.macs = new long[network.layers().size()];
        for (int i = 0; i < macs.length; i++) {
            macs[i] = executedMacs(network.layers().get(i), shapes.get(i), shapes.get(i + 1));
        }
        this.pool = pool;
        this.workspace = new Workspace(c.sizes(), pool.threads());
    }

    /**
     * @throws UnsupportedNetworkException for a layer it has no kernel for (the caller falls back to ND4J)
     */
    public static InspectionPlan compile(Network network, Weights weights, int height, int width, int threads) {
        return compile(network, weights, height, width, threads, WorkerPool.MIN_WORK_PER_PART);
    }

    /** @param minWorkPerPart MACs below which a step stays on one thread; 0 splits every step (for tests) */
    static InspectionPlan compile(Network network, Weights weights, int height, int width, int threads,
                                  long minWorkPerPart) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be positive, got " + threads);
        }
        InspectionCompiler.Compiled c = InspectionCompiler.compile(network, weights, height, width);
        return new InspectionPlan(network, height, width, c, new WorkerPool(threads, minWorkPerPart));
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

    /**
     * @param image {@code [3][H][W]} float32, row-major, already normalised
     * @return the network's output, channel-planar ({@code [classes]} for a classifier)
     * @throws java.util.concurrent.CancellationException when the token is raised between layers
     * @throws IllegalStateException when the plan has been closed (a cache let it go): compile another
     */
    public synchronized float[] run(float[] image, RunListener listener, CancellationToken cancel) {
        if (closed) {
            throw new IllegalStateException("this inspection plan was closed");
        }
        if (image.length != 3 * height * width) {
            throw new IllegalArgumentException("input must be 3x" + height + "x" + width + " floats, got "
                    + image.length);
        }
        List<Layer> layers = network.layers();
        workspace.input = image;
        OpenBlasThreads.pinToOne(); // ND4J's own operations may have raised it
        try {
            int s = 0;
            for (int i = 0; i < layers.size(); i++) {
                if (cancel.isCancelled()) {
                    throw new java.util.concurrent.CancellationException("run cancelled");
                }
                Layer layer = layers.get(i);
                listener.layerStarted(i, layer);
                long start = System.nanoTime();
                for (; s < steps.size() && layerOfStep[s] == i; s++) {
                    steps.get(s).run(workspace, pool);
                }
                long nanos = System.nanoTime() - start;
                ActivationSnapshot snap = listener.wantsActivation(layer)
                        ? new ActivationSnapshot(layer.name(), shapes.get(i + 1).nchw(), planar(i)) : null;
                List<InnerRun> inner = layer instanceof SqueezeExciteLayer se && listener.wantsInner(layer)
                        ? inner(se) : List.of();
                listener.layerFinished(new LayerRun(i, layer, shapes.get(i).nchw(), shapes.get(i + 1).nchw(), nanos,
                        macs[i], snap, inner));
            }
            return planar(layers.size() - 1);
        } finally {
            workspace.input = null;
            MatrixLibrary.restoreOpenMpThreads(); // this thread may run ND4J operations next
        }
    }

    /** The squeeze-excite step's copies of its four vectors, as {@code [1, n, 1, 1]} tensors named by timm's submodules. */
    private List<InnerRun> inner(SqueezeExciteLayer se) {
        List<InnerRun> out = new java.util.ArrayList<>(SqueezeExciteLayer.PARTS.size());
        for (int p = 0; p < SqueezeExciteLayer.PARTS.size(); p++) {
            int n = se.partChannels(p);
            String name = se.name() + "." + SqueezeExciteLayer.PARTS.get(p);
            out.add(new InnerRun(name, workspace.innerNanos[p], new ActivationSnapshot(name, new long[] {1, n, 1, 1},
                    java.util.Arrays.copyOf(workspace.inner[p], n))));
        }
        return out;
    }

    /**
     * Layer {@code i}'s output, channels-last in its slot or native buffer, as a new channel-planar array; right
     * after the layer ran (a later layer may overwrite it, once its reader has read it).
     */
    private float[] planar(int i) {
        Shape s = shapes.get(i + 1);
        int n = Math.toIntExact(s.elements());
        float[] hwc;
        if (slotOfLayer[i] >= 0) {
            hwc = workspace.tensors[slotOfLayer[i]];
        } else {
            hwc = new float[n];
            workspace.nativeInView[bufferOfLayer[i]].get(0, hwc, 0, n);
        }
        float[] chw = new float[n];
        Layouts.toChannelPlanar(hwc, s.channels(), s.height(), s.width(), chw);
        return chw;
    }

    /** What the kernels multiply, from the layer's weights and output size (as the ND4J executor counts). */
    private static long executedMacs(Layer layer, Shape in, Shape out) {
        if (layer instanceof ConvLayer c) {
            ConvGeometry g = c.geometry();
            return out.elements() * (g.inChannels() / g.groups()) * g.kernel() * g.kernel();
        }
        if (layer instanceof SqueezeExciteLayer se) {
            return 2L * se.channels() * se.reduced();
        }
        if (layer instanceof LinearLayer lin) {
            return (long) lin.inFeatures() * lin.outFeatures();
        }
        return 0;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /** Stops the worker threads and frees the native memory; waits for a run in progress. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        pool.close();
        steps.forEach(Step::close);
        workspace.close();
    }
}
