package lab.mobilenet.app.ui.lessons;

import java.util.Arrays;
import lab.mobilenet.app.cli.ImageNetLabels;
import lab.mobilenet.engine.classify.Classification;
import lab.mobilenet.engine.classify.Classifier;
import lab.mobilenet.engine.classify.PretrainedConfigs;
import lab.mobilenet.engine.image.ModelInput;
import lab.mobilenet.engine.image.PreprocessConfig;
import lab.mobilenet.engine.image.Preprocessor;
import lab.mobilenet.engine.image.RgbImage;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.model.NetworkBuilder;
import lab.mobilenet.engine.runtime.CancellationToken;
import lab.mobilenet.engine.runtime.SeededWeights;
import lab.mobilenet.engine.runtime.Weights;

/**
 * Lesson 7 made real: MobileNetV1 rebuilt at the chosen width α, run on the photo at the chosen resolution
 * (timm's eval transform with the crop set to that resolution), timed, and its top-1 class read out. The
 * trained V1 weights fit only α = 1.0 (any resolution: the network ends in a global pool); every other α
 * runs on a seeded initialisation and says so. Slow (a whole network, several times): background only.
 */
final class MultiplierRun {

    /** Timed runs after one warm-up; the median is reported. */
    static final int RUNS = 3;
    static final long SEED = 42;

    /**
     * @param medianMillis median wall time of one forward pass on this machine
     * @param label        top-1 ImageNet class name
     * @param probability  its softmax probability
     * @param untrained    whether the weights were a seeded initialisation (then the class means nothing)
     */
    record Result(double alpha, int resolution, double medianMillis, String label, double probability,
                  boolean untrained) {
    }

    private MultiplierRun() {
    }

    /** Builds, runs and times V1 at (α, resolution) on {@code photo}; {@code trainedV1} may be null. */
    static Result measure(double alpha, int resolution, RgbImage photo, Weights trainedV1) {
        Network net = NetworkBuilder.build(Architecture.MOBILENET_V1, alpha);
        boolean trained = trainedV1 != null && Math.abs(alpha - 1.0) < 1e-9;
        Weights w = trained ? trainedV1 : SeededWeights.create(net, SEED);
        PreprocessConfig base = PretrainedConfigs.forArchitecture(Architecture.MOBILENET_V1);
        ModelInput in = Preprocessor.prepare(photo, PreprocessConfig.forResolution(resolution, base.mean(),
                base.std()));
        Classification first;
        double[] ms = new double[RUNS];
        // the fast path's plan holds worker threads and buffers: close it; seeded weights made here are ours to free
        try (Classifier c = new Classifier(net, w)) {
            first = c.classify(in.tensor(), in.shape(), 1, CancellationToken.NEVER);
            for (int i = 0; i < RUNS; i++) {
                ms[i] = c.classify(in.tensor(), in.shape(), 1, CancellationToken.NEVER).millis();
            }
        } finally {
            if (!trained) {
                w.close();
            }
        }
        Arrays.sort(ms);
        var top = first.top().get(0);
        return new Result(alpha, resolution, ms[RUNS / 2], ImageNetLabels.name(top.index()), top.probability(),
                first.untrained());
    }
}
