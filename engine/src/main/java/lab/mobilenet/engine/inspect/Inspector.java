package lab.mobilenet.engine.inspect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import lab.mobilenet.engine.model.Layer;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.runtime.ActivationSnapshot;
import lab.mobilenet.engine.runtime.CancellationToken;
import lab.mobilenet.engine.runtime.InnerRun;
import lab.mobilenet.engine.runtime.LayerRun;
import lab.mobilenet.engine.runtime.NetworkRunner;
import lab.mobilenet.engine.runtime.RunListener;
import lab.mobilenet.engine.runtime.Weights;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs a network once with {@link NetworkRunner}'s listeners and turns what it hears into an
 * {@link Inspection}: per timm module the measured time, the shapes and the output's statistics.
 * Only the outputs of a module's last layer are copied (that is where timm's hooks would see them),
 * and only those asked for are kept after their statistics are taken. An inner module (squeeze-excite's
 * parts) gets its layer's {@link InnerRun} for that name: its output, and its time, which is taken out of
 * the layer's own row so that the times still add up.
 */
public final class Inspector implements RunListener {

    private final InspectionPlan plan;
    private final boolean untrained;
    private final Predicate<String> keep;
    private final RunListener also;
    private final Consumer<Inspection> progress;
    private final Set<String> lastLayers = new HashSet<>();
    private final LayerRun[] runs;
    private final Map<Integer, ActivationStats> stats = new HashMap<>();
    private final Map<String, ActivationSnapshot> kept = new HashMap<>();
    private final Set<String> innerLayers = new HashSet<>();
    private final Map<String, InnerRun> innerRuns = new HashMap<>();
    private final Map<String, ActivationStats> innerStats = new HashMap<>();
    private int layersRun;

    /**
     * @param keep     which rows' outputs to keep in {@link Inspection#outputs()}
     * @param also     hears every layer start and finish too (e.g. a stepping gate); may be {@link RunListener#NONE}
     * @param progress receives the partial inspection after every layer, on the running thread; may be null
     */
    public Inspector(InspectionPlan plan, boolean untrained, Predicate<String> keep, RunListener also,
                     Consumer<Inspection> progress) {
        this.plan = plan;
        this.untrained = untrained;
        this.keep = keep;
        this.also = also;
        this.progress = progress;
        this.runs = new LayerRun[plan.network().layers().size()];
        for (ModuleSpan s : plan.rows()) {
            (s.inner() ? innerLayers : lastLayers).add(plan.network().layers().get(s.last()).name());
        }
    }

    /** Inspects {@code network} on one preprocessed {@code [1, 3, H, W]} tensor. */
    public static Inspection inspect(Network network, Weights weights, float[] tensor, long[] shape,
                                     Predicate<String> keep, RunListener also, Consumer<Inspection> progress,
                                     CancellationToken cancel) {
        if (shape.length != 4 || shape[0] != 1 || shape[1] != 3) {
            throw new IllegalArgumentException("input must be [1, 3, H, W], got " + java.util.Arrays.toString(shape));
        }
        InspectionPlan plan = InspectionPlan.of(network, (int) shape[2], (int) shape[3]);
        Inspector inspector = new Inspector(plan, !weights.pretrained(), keep, also, progress);
        try (INDArray x = Nd4j.create(tensor, shape, 'c');
             INDArray logits = new NetworkRunner(network, weights).run(x, inspector, cancel)) {
            return inspector.result();
        }
    }

    @Override
    public void layerStarted(int index, Layer layer) {
        also.layerStarted(index, layer);
    }

    @Override
    public boolean wantsActivation(Layer layer) {
        return lastLayers.contains(layer.name()) || also.wantsActivation(layer);
    }

    @Override
    public boolean wantsInner(Layer layer) {
        return innerLayers.contains(layer.name()) || also.wantsInner(layer);
    }

    @Override
    public void layerFinished(LayerRun run) {
        runs[run.index()] = run;
        layersRun = run.index() + 1;
        if (run.activation() != null && lastLayers.contains(run.layer().name())) {
            stats.put(run.index(), ActivationStats.of(run.activation()));
            for (ModuleSpan s : plan.rows()) {
                if (s.last() == run.index() && keep.test(s.name())) {
                    kept.put(s.name(), run.activation());
                }
            }
        }
        for (InnerRun r : run.inner()) {
            innerRuns.put(r.name(), r);
            innerStats.put(r.name(), ActivationStats.of(r.activation()));
            if (keep.test(r.name())) {
                kept.put(r.name(), r.activation());
            }
        }
        also.layerFinished(run);
        if (progress != null) {
            progress.accept(result());
        }
    }

    /** What has run so far, as an immutable inspection. */
    public Inspection result() {
        List<InspectionRow> rows = new ArrayList<>();
        for (ModuleSpan s : plan.rows()) {
            if (s.last() >= layersRun) {
                continue;
            }
            if (s.inner()) {
                rows.add(innerRow(s));
                continue;
            }
            long nanos = 0;
            for (int i = s.first(); i <= s.last(); i++) {
                nanos += runs[i].nanos();
                if (s.kind() == RowKind.LAYER) { // a block or stage keeps them: its parts' rows are in it
                    for (InnerRun r : runs[i].inner()) {
                        nanos -= r.nanos(); // shown in the inner module's own row
                    }
                }
            }
            rows.add(new InspectionRow(s, runs[s.first()].inputShape(), runs[s.last()].outputShape(), nanos / 1e6,
                    stats.get(s.last())));
        }
        return new Inspection(plan, untrained, rows, kept, layersRun);
    }

    /** An inner module's row: its input is the vector the part before it output (the pooled means for the first). */
    private InspectionRow innerRow(ModuleSpan s) {
        InnerRun r = innerRuns.get(s.name());
        long batch = runs[s.last()].inputShape()[0];
        long[] in = withBatch(s.input().nchw(), batch);
        long[] out = r == null ? withBatch(s.output().nchw(), batch) : r.activation().shape();
        return new InspectionRow(s, in, out, r == null ? 0 : r.nanos() / 1e6, innerStats.get(s.name()));
    }

    private static long[] withBatch(long[] nchw, long batch) {
        nchw[0] = batch;
        return nchw;
    }
}
