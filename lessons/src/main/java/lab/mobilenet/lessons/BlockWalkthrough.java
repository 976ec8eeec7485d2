package lab.mobilenet.lessons;

import java.util.List;
import java.util.Optional;
import lab.mobilenet.engine.image.RgbImage;
import lab.mobilenet.engine.model.Activation;
import lab.mobilenet.engine.model.Shape;
import lab.mobilenet.engine.runtime.ActivationSnapshot;

/**
 * One real block of a real network, run on the photo and cut into stages (expand → depthwise → [SE] → project
 * → add) that the block lessons step through. Immutable: every array is a copy, so it may be built on a
 * background thread and handed to the UI. Build one with {@link BlockRunner#run}.
 *
 * @param network        timm's model name, e.g. {@code mobilenetv2_100}
 * @param block          the block's module path, e.g. {@code blocks.2.1}
 * @param pretrained     whether the weights were trained (false: seeded initialisation)
 * @param weightsSource  where the weights came from, e.g. "untrained (seed 42)"
 * @param crop           the picture the network saw (resized and centre-cropped photo)
 * @param blockInput     the block's input on the photo (output of the layer before it)
 * @param stages         the stages in order; each one's input is the previous one's output
 * @param seGates        the squeeze-excite gate of every expanded channel, in [0, 1]; empty without SE
 * @param activation     the block's non-linearity (ReLU6 in V2, hard-swish in V3's later blocks)
 */
public record BlockWalkthrough(String network, String block, boolean pretrained, String weightsSource,
                               RgbImage crop, ActivationSnapshot blockInput, List<BlockStage> stages,
                               Optional<float[]> seGates, Activation activation) {

    private static final float[] SAMPLE_XS = {-4, -3, -2, -1, -0.5f, 0, 0.5f, 1, 2, 3, 4};

    public BlockWalkthrough {
        stages = List.copyOf(stages);
        seGates = seGates.map(float[]::clone);
    }

    @Override
    public Optional<float[]> seGates() {
        return seGates.map(float[]::clone);
    }

    /** The block input's shape. */
    public Shape inputShape() {
        return stages.get(0).input();
    }

    /** The block's output on the photo: the last stage's activation. */
    public ActivationSnapshot output() {
        return stages.get(stages.size() - 1).activation();
    }

    /** The stage of a kind, if the block has one. */
    public Optional<BlockStage> stage(StageKind kind) {
        return stages.stream().filter(s -> s.kind() == kind).findFirst();
    }

    /** Cost-model MACs of the whole block. */
    public long macs() {
        return stages.stream().mapToLong(BlockStage::macs).sum();
    }

    public long params() {
        return stages.stream().mapToLong(BlockStage::params).sum();
    }

    /** Multiply-adds the runtime executed for the whole block. */
    public long measuredMacs() {
        return stages.stream().mapToLong(BlockStage::measuredMacs).sum();
    }

    /** Measured wall time of the whole block. */
    public long nanos() {
        return stages.stream().mapToLong(BlockStage::nanos).sum();
    }

    /**
     * What the block has cost once {@code stagesDone} stages are finished: MACs the runtime executed, params of
     * those stages, and the cost model's bytes (inputs and weights read, outputs written, each once, so the
     * compulsory bytes are their sum). Totals are over the whole block; outputs count output values.
     */
    public Counters counters(int stagesDone) {
        if (stagesDone < 0 || stagesDone > stages.size()) {
            throw new IllegalArgumentException("stagesDone " + stagesDone + " outside 0.." + stages.size());
        }
        long macs = 0;
        long params = 0;
        long read = 0;
        long written = 0;
        long outputs = 0;
        for (BlockStage s : stages.subList(0, stagesDone)) {
            macs += s.measuredMacs();
            params += s.params();
            read += s.bytesRead();
            written += s.bytesWritten();
            outputs += s.output().elements();
        }
        long outputsTotal = stages.stream().mapToLong(s -> s.output().elements()).sum();
        return new Counters(macs, measuredMacs(), params, read, written, read + written, outputs, outputsTotal);
    }

    /** The block activation's formula as the papers write it. */
    public String activationFormula() {
        return formula(activation);
    }

    /** A few points (x, f(x)) of the block's activation, x from -4 to 4, for a small plot or table. */
    public List<ActivationSample> activationSamples() {
        return samples(activation);
    }

    /** The formula of an activation, e.g. {@code h-swish(x) = x · ReLU6(x + 3) / 6}. */
    public static String formula(Activation a) {
        return switch (a) {
            case IDENTITY -> "f(x) = x";
            case RELU -> "ReLU(x) = max(x, 0)";
            case RELU6 -> "ReLU6(x) = min(max(x, 0), 6)";
            case HARD_SWISH -> "h-swish(x) = x · ReLU6(x + 3) / 6";
            case HARD_SIGMOID -> "h-sigmoid(x) = ReLU6(x + 3) / 6";
        };
    }

    /** Points (x, f(x)) at x = -4, -3, -2, -1, -0.5, 0, 0.5, 1, 2, 3, 4. */
    public static List<ActivationSample> samples(Activation a) {
        ActivationSample[] s = new ActivationSample[SAMPLE_XS.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = new ActivationSample(SAMPLE_XS[i], a.apply(SAMPLE_XS[i]));
        }
        return List.of(s);
    }
}
