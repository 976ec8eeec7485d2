package lab.mobilenet.lessons;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import lab.mobilenet.engine.classify.PretrainedConfigs;
import lab.mobilenet.engine.cost.LayerCost;
import lab.mobilenet.engine.cost.ModelSummary;
import lab.mobilenet.engine.image.ModelInput;
import lab.mobilenet.engine.image.PreprocessConfig;
import lab.mobilenet.engine.image.Preprocessor;
import lab.mobilenet.engine.image.RgbImage;
import lab.mobilenet.engine.model.Activation;
import lab.mobilenet.engine.model.ActivationLayer;
import lab.mobilenet.engine.model.ConvLayer;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.Layer;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.model.NetworkBuilder;
import lab.mobilenet.engine.model.ParamSpec;
import lab.mobilenet.engine.model.SqueezeExciteLayer;
import lab.mobilenet.engine.op.SqueezeExcite;
import lab.mobilenet.engine.runtime.ActivationSnapshot;
import lab.mobilenet.engine.runtime.CancellationToken;
import lab.mobilenet.engine.runtime.LayerRun;
import lab.mobilenet.engine.runtime.NetworkRunner;
import lab.mobilenet.engine.runtime.RunListener;
import lab.mobilenet.engine.runtime.SeededWeights;
import lab.mobilenet.engine.runtime.Weights;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs a network on a photo up to the end of one block and records that block's stages. Slow (a few hundred
 * milliseconds: preprocessing plus every layer up to the block): call it on a background thread, never on
 * the UI thread.
 */
public final class BlockRunner {

    /** Seed of the untrained weights used when the app has no checkpoint. */
    public static final long DEFAULT_SEED = 42;

    private BlockRunner() {
    }

    /**
     * Builds the network ({@code arch} at width 1.0), preprocesses the photo with the family's eval transform,
     * runs every layer up to the end of {@code block} and returns the block's stages.
     *
     * @param weights the network's weights (not closed here), or {@code null} for {@link SeededWeights} with
     *                {@link #DEFAULT_SEED} (made and closed here)
     */
    public static BlockWalkthrough run(Architecture arch, String block, RgbImage photo, Weights weights) {
        if (photo == null) {
            throw new IllegalArgumentException("the block lessons need a photo");
        }
        Network net = NetworkBuilder.build(arch, 1.0);
        List<Layer> layers = net.blocks().get(block);
        if (layers == null) {
            throw new IllegalArgumentException("no block " + block + " in " + net.name());
        }
        PreprocessConfig cfg = PretrainedConfigs.forArchitecture(arch);
        ModelInput input = Preprocessor.prepare(photo, cfg);
        ModelSummary summary = ModelSummary.of(net, cfg.crop());
        Weights w = weights != null ? weights : SeededWeights.create(net, DEFAULT_SEED);
        w.acquire(); // the gates below read the weights outside the runner
        try {
            checkFits(net, w);
            int first = net.indexOf(layers.get(0).name());
            int last = first + layers.size() - 1;
            Map<Integer, LayerRun> runs = runUpTo(net, w, input, first - 1, last);
            ActivationSnapshot blockInput = runs.get(first - 1).activation();
            List<BlockStage> stages = stages(block, layers, first, runs, summary);
            Optional<float[]> gates = Optional.empty();
            for (int i = 0; i < layers.size(); i++) {
                if (layers.get(i) instanceof SqueezeExciteLayer se) {
                    gates = Optional.of(gates(se, runs.get(first + i - 1).activation(), w));
                }
            }
            return new BlockWalkthrough(net.name(), block, w.pretrained(), w.source(), input.crop(), blockInput,
                    stages, gates, blockActivation(layers));
        } finally {
            w.release();
            if (weights == null) {
                w.close();
            }
        }
    }

    /** Every tensor the network reads must be there with its shape, so that foreign weights fail clearly. */
    private static void checkFits(Network net, Weights w) {
        for (ParamSpec p : net.params()) {
            String problem = !w.contains(p.key()) ? "no tensor " + p.key()
                    : !Arrays.equals(w.get(p.key()).shape(), p.shape()) ? p.key() + " is "
                    + Arrays.toString(w.get(p.key()).shape()) + ", expected " + Arrays.toString(p.shape()) : null;
            if (problem != null) {
                throw new IllegalArgumentException("the weights (" + w.source() + ") do not fit " + net.name() + ": "
                        + problem);
            }
        }
    }

    /** Runs layers 0 … {@code to}, keeping the runs (with activations) of layers {@code from} … {@code to}. */
    private static Map<Integer, LayerRun> runUpTo(Network net, Weights w, ModelInput input, int from, int to) {
        Set<String> wanted = new HashSet<>();
        for (int i = from; i <= to; i++) {
            wanted.add(net.layers().get(i).name());
        }
        Map<Integer, LayerRun> runs = new TreeMap<>();
        CancellationToken stop = new CancellationToken();
        RunListener listener = new RunListener() {
            @Override
            public boolean wantsActivation(Layer layer) {
                return wanted.contains(layer.name());
            }

            @Override
            public void layerFinished(LayerRun run) {
                if (run.index() >= from && run.index() <= to) {
                    runs.put(run.index(), run);
                }
                if (run.index() == to) {
                    stop.cancel();
                }
            }
        };
        try (INDArray x = Nd4j.create(input.tensor(), input.shape(), 'c')) {
            INDArray logits = new NetworkRunner(net, w).run(x, listener, stop);
            logits.close(); // only reached when the block is the last one (never for the lessons' blocks)
        } catch (CancellationException expected) {
            // we raised the token ourselves once the block was done: the rest of the network is not needed
            if (!runs.containsKey(to)) {
                throw expected;
            }
        }
        return runs;
    }

    /** Groups the block's layers into stages: each conv, SE or add starts one; batch norms and activations join it. */
    private static List<BlockStage> stages(String block, List<Layer> layers, int first, Map<Integer, LayerRun> runs,
                                           ModelSummary summary) {
        List<BlockStage> stages = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        StageKind kind = null;
        boolean seenDepthwise = false;
        for (int i = 0; i < layers.size(); i++) {
            StageKind k = kindOf(layers.get(i).name(), seenDepthwise);
            if (k != null) {
                if (kind != null) {
                    stages.add(stage(block, kind, current, layers, first, runs, summary));
                }
                kind = k;
                seenDepthwise |= k == StageKind.DEPTHWISE;
                current = new ArrayList<>();
            }
            current.add(i);
        }
        stages.add(stage(block, kind, current, layers, first, runs, summary));
        return stages;
    }

    private static StageKind kindOf(String name, boolean seenDepthwise) {
        if (name.endsWith(".conv_pw")) {
            return seenDepthwise ? StageKind.PROJECT : StageKind.EXPAND;
        }
        if (name.endsWith(".conv_dw")) {
            return StageKind.DEPTHWISE;
        }
        if (name.endsWith(".conv_pwl")) {
            return StageKind.PROJECT;
        }
        if (name.endsWith(".se")) {
            return StageKind.SE;
        }
        if (name.endsWith(".add")) {
            return StageKind.ADD;
        }
        return null;
    }

    private static BlockStage stage(String block, StageKind kind, List<Integer> local, List<Layer> layers,
                                    int first, Map<Integer, LayerRun> runs, ModelSummary summary) {
        long macs = 0;
        long params = 0;
        long measured = 0;
        long nanos = 0;
        long read = 0;
        long written = 0;
        List<String> names = new ArrayList<>();
        for (int i : local) {
            LayerCost c = summary.layers().get(first + i);
            LayerRun r = runs.get(first + i);
            macs += c.macs();
            params += c.params();
            read += c.activationBytesRead() + c.weightBytes();
            written += c.activationBytesWritten();
            measured += r.macs();
            nanos += r.nanos();
            names.add(layers.get(i).name());
        }
        Layer lead = layers.get(local.get(0));
        int kernel = lead instanceof ConvLayer conv ? conv.geometry().kernel() : 0;
        int squeezed = lead instanceof SqueezeExciteLayer se ? se.reduced() : 0;
        int a = first + local.get(0);
        int b = first + local.get(local.size() - 1);
        return new BlockStage(block + " " + kind.name().toLowerCase(Locale.ROOT), kind, names,
                summary.layers().get(a).input(), summary.layers().get(b).output(), macs, params, measured, nanos,
                runs.get(b).activation(), kernel, squeezed, read, written);
    }

    /** Squeeze-excite's gates on its input, recomputed by the engine's own op (the runtime does not keep them). */
    static float[] gates(SqueezeExciteLayer se, ActivationSnapshot input, Weights w) {
        try (INDArray x = Nd4j.create(input.values(), input.shape(), 'c')) {
            String n = se.name();
            return SqueezeExcite.gates(x, w.get(n + ".conv_reduce.weight"), w.get(n + ".conv_reduce.bias"),
                    w.get(n + ".conv_expand.weight"), w.get(n + ".conv_expand.bias"));
        }
    }

    private static Activation blockActivation(List<Layer> layers) {
        return layers.stream().filter(l -> l instanceof ActivationLayer).map(l -> ((ActivationLayer) l).activation())
                .findFirst().orElse(Activation.IDENTITY);
    }
}
