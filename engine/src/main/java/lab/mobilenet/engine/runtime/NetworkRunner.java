package lab.mobilenet.engine.runtime;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lab.mobilenet.engine.fast.InspectionPlan;
import lab.mobilenet.engine.fast.UnsupportedNetworkException;
import lab.mobilenet.engine.model.ConvShortcutAddLayer;
import lab.mobilenet.engine.model.Layer;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.model.ResidualAddLayer;
import lab.mobilenet.engine.model.SqueezeExciteLayer;
import lab.mobilenet.engine.op.SqueezeExcite;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs a network layer by layer, telling a listener as it goes: every convolution and every batch norm
 * is its own tensor, as timm computes them. For batch 1 it runs an {@link InspectionPlan} (the same layers
 * on the fast path's kernels, compiled once per weights, input size and thread count and kept with the
 * {@link Weights}); for batches and layers the plan has no kernel for, one ND4J op per layer. Every intermediate array is closed as
 * soon as nothing needs it any more (activation snapshots are heap copies; their off-heap staging copy is
 * closed at once), so off-heap memory does not grow from run to run. The weights are
 * {@linkplain Weights#acquire() held} for the length of a run.
 * A runner is not thread-safe; use one per thread (they can share {@link Weights}).
 */
public final class NetworkRunner {

    private final Network network;
    private final Weights weights;
    private final Set<String> residualSources = new HashSet<>();

    /** Whether batch-1 runs may use the compiled {@link InspectionPlan}. */
    private final boolean compiled;
    /** The plan of the last run and its key: the lookup in the weights' cache hashes the whole network. */
    private PlanKey lastKey;
    private CachedPlan lastPlan;

    public NetworkRunner(Network network, Weights weights) {
        this(network, weights, true);
    }

    /** A runner that always uses one ND4J op per layer (the reference the compiled plan is tested against). */
    public static NetworkRunner nd4jOps(Network network, Weights weights) {
        return new NetworkRunner(network, weights, false);
    }

    private NetworkRunner(Network network, Weights weights, boolean compiled) {
        this.network = network;
        this.weights = weights;
        this.compiled = compiled;
        for (Layer l : network.layers()) {
            if (l instanceof ResidualAddLayer r) {
                residualSources.add(r.from());
            } else if (l instanceof ConvShortcutAddLayer c) {
                residualSources.add(c.from());
            }
        }
    }

    public Network network() {
        return network;
    }

    public Weights weights() {
        return weights;
    }

    /** Runs without listening; returns the logits {@code [N, classes]} (the caller closes them). */
    public INDArray run(INDArray input) {
        return run(input, RunListener.NONE, CancellationToken.NEVER);
    }

    /**
     * @param input {@code [N, 3, H, W]} float32, already preprocessed; not modified
     * @return the logits {@code [N, classes]}; the caller owns and closes them
     * @throws java.util.concurrent.CancellationException when the token is raised between layers
     */
    public INDArray run(INDArray input, RunListener listener, CancellationToken cancel) {
        if (input.rank() != 4 || input.size(1) != 3) {
            throw new IllegalArgumentException("input must be [N, 3, H, W], got " + java.util.Arrays.toString(input.shape()));
        }
        weights.acquire(); // the weights stay allocated until this run ends, even if closed meanwhile
        try {
            InspectionPlan plan = input.size(0) == 1 ? plan((int) input.size(2), (int) input.size(3)) : null;
            if (plan != null) {
                float[] out = runPlan(plan, floats(input), listener, cancel);
                return Nd4j.create(out, network.shapes(plan.height(), plan.width()).get(network.layers().size()).nchw(),
                        'c');
            }
            return runOps(input, listener, cancel);
        } finally {
            weights.release();
        }
    }

    /** The compiled plan for this input size, or {@code null} when the network has a layer it cannot run. */
    private InspectionPlan plan(int height, int width) {
        if (!compiled) {
            return null;
        }
        int threads = Math.max(1, Math.min(EngineThreads.get(), Runtime.getRuntime().availableProcessors()));
        PlanKey key = new PlanKey(height, width, threads);
        if (lastPlan == null || !key.equals(lastKey) || lastPlan.isClosed()) {
            lastPlan = weights.derived(network, InspectionPlans.class, () -> new InspectionPlans(network, weights))
                    .get(key);
            lastKey = key;
        }
        return lastPlan.plan();
    }

    /** Runs the plan; once more on a fresh one if the cache closed it meanwhile (another size pushed it out). */
    private float[] runPlan(InspectionPlan plan, float[] image, RunListener listener, CancellationToken cancel) {
        try {
            return plan.run(image, listener, cancel);
        } catch (IllegalStateException e) {
            if (!plan.isClosed()) {
                throw e;
            }
            lastPlan = null;
            return plan(plan.height(), plan.width()).run(image, listener, cancel);
        }
    }

    record PlanKey(int height, int width, int threads) {
    }

    /** A compiled plan, or none when the network has a layer the plan has no kernel for. */
    record CachedPlan(InspectionPlan plan) {
        boolean isClosed() {
            return plan != null && plan.isClosed();
        }
    }

    /**
     * The plans of one network on one set of weights, by input size and thread count: the last
     * {@value #KEPT} used are kept (each holds a copy of the weights and a worker thread; the Explorer and
     * the lessons may try many sizes), older ones are closed, after any run still in them.
     */
    static final class InspectionPlans implements AutoCloseable {
        private static final int KEPT = 3;
        private final Network network;
        private final Weights weights;
        private final Map<PlanKey, CachedPlan> plans = new java.util.LinkedHashMap<>(8, 0.75f, true);

        InspectionPlans(Network network, Weights weights) {
            this.network = network;
            this.weights = weights;
        }

        CachedPlan get(PlanKey key) {
            CachedPlan p;
            CachedPlan evicted = null;
            synchronized (this) {
                p = plans.get(key);
                if (p == null) {
                    try {
                        p = new CachedPlan(InspectionPlan.compile(network, weights, key.height(), key.width(),
                                key.threads()));
                    } catch (UnsupportedNetworkException e) {
                        p = new CachedPlan(null); // remembered: the ND4J ops run it, without compiling again
                    }
                    plans.put(key, p);
                    if (plans.size() > KEPT) {
                        PlanKey eldest = plans.keySet().iterator().next();
                        evicted = plans.remove(eldest);
                    }
                }
            }
            if (evicted != null && evicted.plan() != null) {
                evicted.plan().close(); // outside the lock: it waits for a run still in that plan
            }
            return p;
        }

        @Override
        public synchronized void close() {
            for (CachedPlan p : plans.values()) {
                if (p.plan() != null) {
                    p.plan().close();
                }
            }
            plans.clear();
        }
    }

    /** The input's values as row-major float32 (a contiguous copy is made and freed on the way). */
    private static float[] floats(INDArray input) {
        if (input.dataType() == DataType.FLOAT && input.ordering() == 'c' && !input.isView()
                && input.data().length() == input.length()) {
            return input.data().asFloat(); // already contiguous: one copy, no ND4J op
        }
        if (input.dataType() == DataType.FLOAT) {
            try (INDArray c = input.dup('c')) {
                return c.data().asFloat();
            }
        }
        try (INDArray f = input.castTo(DataType.FLOAT); INDArray c = f.dup('c')) {
            return c.data().asFloat();
        }
    }

    /** One ND4J op per layer. */
    private INDArray runOps(INDArray input, RunListener listener, CancellationToken cancel) {
        Map<String, INDArray> saved = new HashMap<>();
        INDArray x = input;
        boolean owned = false;
        try {
            for (int i = 0; i < network.layers().size(); i++) {
                cancel.throwIfCancelled();
                Layer layer = network.layers().get(i);
                listener.layerStarted(i, layer);
                boolean keep = residualSources.contains(layer.name());
                if (keep) {
                    saved.put(layer.name(), x);
                }
                INDArray skip = layer instanceof ResidualAddLayer r ? saved.remove(r.from())
                        : layer instanceof ConvShortcutAddLayer c ? saved.remove(c.from()) : null;
                long[] inShape = x.shape();
                // before the layer, which scales x in place; computed again, outside the layer's time
                List<InnerRun> inner = layer instanceof SqueezeExciteLayer se && listener.wantsInner(layer)
                        ? squeezeExciteParts(se, x) : List.of();
                long start = System.nanoTime();
                LayerExecutor.Result result = LayerExecutor.run(layer, x, owned && !keep, weights, skip);
                long nanos = System.nanoTime() - start;
                if (skip != null && skip != input) {
                    skip.close();
                }
                if (owned && !keep && result.output() != x) {
                    x.close();
                }
                x = result.output();
                owned = true;
                ActivationSnapshot snap = listener.wantsActivation(layer) ? snapshot(layer.name(), x) : null;
                listener.layerFinished(new LayerRun(i, layer, inShape, x.shape(), nanos, result.macs(), snap, inner));
            }
            INDArray logits = x;
            x = null;
            return logits;
        } finally {
            // after a failure or a cancellation: free what is still held, each array once
            INDArray current = x;
            if (current != null && owned && saved.values().stream().noneMatch(v -> v == current)) {
                current.close(); // identity, not INDArray.equals, which compares contents
            }
            for (INDArray s : saved.values()) {
                if (s != input) {
                    s.close();
                }
            }
        }
    }

    /** Squeeze-excite's four vectors on the ND4J ops ({@code [N, n, 1, 1]}), not timed separately. */
    private List<InnerRun> squeezeExciteParts(SqueezeExciteLayer se, INDArray x) {
        String n = se.name();
        float[][] parts = SqueezeExcite.parts(x, weights.get(n + ".conv_reduce.weight"),
                weights.get(n + ".conv_reduce.bias"), weights.get(n + ".conv_expand.weight"),
                weights.get(n + ".conv_expand.bias"));
        List<InnerRun> out = new java.util.ArrayList<>(parts.length);
        for (int p = 0; p < parts.length; p++) {
            String name = n + "." + SqueezeExciteLayer.PARTS.get(p);
            out.add(new InnerRun(name, 0, new ActivationSnapshot(name,
                    new long[] {x.size(0), se.partChannels(p), 1, 1}, parts[p])));
        }
        return out;
    }

    /** A heap copy of {@code x}; the contiguous off-heap copy made on the way is freed at once. */
    static ActivationSnapshot snapshot(String name, INDArray x) {
        try (INDArray c = x.dup('c')) {
            return new ActivationSnapshot(name, c.shape(), c.data().asFloat());
        }
    }
}
