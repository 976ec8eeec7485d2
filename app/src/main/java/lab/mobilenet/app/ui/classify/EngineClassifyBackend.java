package lab.mobilenet.app.ui.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import lab.mobilenet.app.ui.photo.PhotoDecoder;
import lab.mobilenet.engine.classify.Classification;
import lab.mobilenet.engine.classify.Classifier;
import lab.mobilenet.engine.classify.PretrainedConfigs;
import lab.mobilenet.engine.cost.ModelSummary;
import lab.mobilenet.engine.image.PreprocessConfig;
import lab.mobilenet.engine.image.Preprocessor;
import lab.mobilenet.engine.image.RgbImage;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.Layer;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.model.NetworkBuilder;
import lab.mobilenet.engine.runtime.ActivationSnapshot;
import lab.mobilenet.engine.runtime.CancellationToken;
import lab.mobilenet.engine.runtime.EnginePath;
import lab.mobilenet.engine.runtime.LayerRun;
import lab.mobilenet.engine.runtime.RunListener;
import lab.mobilenet.engine.runtime.Weights;

/**
 * The real backend: the engine's image loader and preprocessing (as {@code classify} on the command line uses
 * them, so the same photo gives the same labels), the engine's {@link Classifier}, and the cost model. For V1 and
 * V2 a run listener keeps a copy of the last feature maps, from which the class activation map is computed; the
 * copy does not change what the network computes.
 */
public final class EngineClassifyBackend implements ClassifyBackend {

    /** Side of an occlusion patch: 32 pixels gives a 7 × 7 grid on a 224 crop, 49 runs. */
    public static final int OCCLUSION_PATCH = 32;

    private final Map<Architecture, Network> networks = new ConcurrentHashMap<>();
    private final Map<Architecture, Cost> costs = new ConcurrentHashMap<>();

    @Override
    public Prepared decode(Path file) throws Exception {
        return prepare(PhotoDecoder.load(file)); // the same bound and one-line messages as the lessons' photos
    }

    /** Resizes once per distinct geometry, then crops: exactly {@link Preprocessor#crop}, step by step. */
    @Override
    public Prepared prepare(RgbImage image) {
        Map<List<Integer>, List<Architecture>> byGeometry = new LinkedHashMap<>();
        for (Architecture a : ClassifyNetworks.ALL) {
            PreprocessConfig c = PretrainedConfigs.forArchitecture(a);
            byGeometry.computeIfAbsent(List.of(c.resizeShorter(), c.crop()), k -> new ArrayList<>()).add(a);
        }
        List<PhotoCrop> crops = new ArrayList<>();
        RgbImage thumbnail = null;
        for (var e : byGeometry.entrySet()) {
            RgbImage resized = Preprocessor.resizeShorterSide(image, e.getKey().get(0));
            if (thumbnail == null) {
                thumbnail = resized;
            }
            crops.add(new PhotoCrop(Preprocessor.centerCrop(resized, e.getKey().get(1)), e.getValue()));
        }
        return new Prepared(thumbnail, crops);
    }

    @Override
    public Cost cost(Architecture a) {
        return costs.computeIfAbsent(a, x -> {
            ModelSummary s = ModelSummary.of(network(x), ClassifyNetworks.RESOLUTION);
            return new Cost(s.macs(), s.params());
        });
    }

    /**
     * The weights each network has run with once. A network's first run compiles its plan and leaves the JIT
     * compiling its kernels (V1: about 1.3 s against 27 ms warm, measured), so the first photo's columns would
     * show the warm-up, not the network: one untimed run first, as the Explorer does.
     */
    private final Set<Weights> warmed = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    @Override
    public Outcome classify(Architecture a, Weights weights, RgbImage crop, CancellationToken cancel) {
        if (warmed.add(weights)) {
            try {
                run(a, weights, crop, cancel);
            } catch (RuntimeException | Error e) {
                warmed.remove(weights); // cancelled or failed: the next photo warms up again
                throw e;
            }
        }
        Run r = run(a, weights, crop, cancel);
        HeatMap cam = null;
        if (ClassifyNetworks.hasExactCam(a)) {
            cam = cam(r.features(), weights, r.classification().top().get(0).index());
        }
        return new Outcome(r.classification().top(), r.classification().millis(), cam);
    }

    /** One run and the last feature maps before the global pool (package-private for the CAM tests). */
    Run run(Architecture a, Weights weights, RgbImage crop, CancellationToken cancel) {
        Network net = network(a);
        float[] tensor = Preprocessor.normalize(crop, PretrainedConfigs.forArchitecture(a));
        LastFeatures grab = new LastFeatures(lastFeatureLayer(net));
        // the inspection path: the CAM needs the last feature maps, which only it keeps
        try (Classifier classifier = new Classifier(net, weights, EnginePath.INSPECTION)) {
            Classification c = classifier.classify(tensor, new long[] {1, 3, crop.height(), crop.width()}, TOP,
                    grab, cancel);
            return new Run(c, grab.snapshot);
        }
    }

    /** The CAM of class {@code k} from feature maps {@code [1, C, H, W]} and the classifier's weights. */
    static HeatMap cam(ActivationSnapshot features, Weights weights, int k) {
        long[] s = features.shape();
        float[] row = weights.get("classifier.weight").getRow(k).dup().toFloatVector();
        return ClassActivationMap.of(features.values(), (int) s[1], (int) s[2], (int) s[3], row);
    }

    @Override
    public HeatMap occlusion(Architecture a, Weights weights, RgbImage crop, int classIndex, CancellationToken cancel,
                             IntConsumer progress) {
        Network net = network(a);
        PreprocessConfig config = PretrainedConfigs.forArchitecture(a);
        long[] shape = {1, 3, crop.height(), crop.width()};
        // many runs of one network: the fast path, closed (its worker threads and buffers) when the map is done
        try (Classifier classifier = new Classifier(net, weights, EnginePath.FAST)) {
            return OcclusionMap.compute(crop, OCCLUSION_PATCH, picture -> probability(classifier.classify(
                    Preprocessor.normalize(picture, config), shape, 1, cancel).logits(), classIndex), cancel, progress);
        }
    }

    @Override
    public int occlusionRuns(int side) {
        int n = OcclusionMap.cells(side, OCCLUSION_PATCH);
        return n * n;
    }

    /** Softmax probability of class {@code k}, in double, shifted by the largest logit for stability. */
    static double probability(float[] logits, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        for (float l : logits) {
            sum += Math.exp(l - max);
        }
        return Math.exp(logits[k] - max) / sum;
    }

    Network network(Architecture a) {
        return networks.computeIfAbsent(a, x -> NetworkBuilder.build(x, 1.0));
    }

    /** The layer whose output the global pool averages: the last feature maps. */
    static String lastFeatureLayer(Network net) {
        int pool = net.indexOf("global_pool");
        if (pool <= 0) {
            throw new IllegalStateException(net.name() + " has no global pool");
        }
        return net.layers().get(pool - 1).name();
    }

    /** A classification and the feature maps the pool averaged. */
    record Run(Classification classification, ActivationSnapshot features) {
    }

    /** Keeps a copy of one layer's output. */
    private static final class LastFeatures implements RunListener {
        private final String layer;
        private ActivationSnapshot snapshot;

        LastFeatures(String layer) {
            this.layer = layer;
        }

        @Override
        public boolean wantsActivation(Layer l) {
            return l.name().equals(layer);
        }

        @Override
        public void layerFinished(LayerRun run) {
            if (run.activation() != null) {
                snapshot = run.activation();
            }
        }
    }
}
