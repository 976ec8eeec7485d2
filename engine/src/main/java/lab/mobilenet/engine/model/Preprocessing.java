package lab.mobilenet.engine.model;

import java.util.Arrays;
import lab.mobilenet.engine.image.PreprocessConfig;

/**
 * The evaluation transform of a family's default pretrained weights, as timm's {@code pretrained_cfg} gives it:
 * input resolution, crop fraction ({@code resize = floor(resolution / cropPct)}), interpolation and the
 * per-channel mean and standard deviation.
 */
public record Preprocessing(int resolution, double cropPct, String interpolation, float[] mean, float[] std) {

    private static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};
    private static final float[] HALF = {0.5f, 0.5f, 0.5f};

    public Preprocessing {
        if (!"bicubic".equals(interpolation)) {
            // the engine resizes like PIL's bicubic only; a family that needs another filter must add it first
            throw new IllegalArgumentException("unsupported interpolation '" + interpolation + "' (bicubic only)");
        }
        mean = mean.clone();
        std = std.clone();
        config(resolution, cropPct, mean, std); // validates the numbers now, not at first use
    }

    /** ImageNet statistics, 224 at crop 0.875 (timm's MobileNetV2/V3 defaults). */
    public static Preprocessing imagenet224() {
        return new Preprocessing(224, 0.875, "bicubic", IMAGENET_MEAN, IMAGENET_STD);
    }

    /** mean = std = 0.5 (inputs in -1..1) at a resolution and crop fraction. */
    public static Preprocessing half(int resolution, double cropPct) {
        return new Preprocessing(resolution, cropPct, "bicubic", HALF, HALF);
    }

    /** The transform as the image pipeline takes it. */
    public PreprocessConfig config() {
        return config(resolution, cropPct, mean, std);
    }

    private static PreprocessConfig config(int resolution, double cropPct, float[] mean, float[] std) {
        return PreprocessConfig.forCropPct(resolution, cropPct, mean, std);
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Preprocessing p && p.resolution == resolution && p.cropPct == cropPct
                && p.interpolation.equals(interpolation) && Arrays.equals(p.mean, mean) && Arrays.equals(p.std, std);
    }

    @Override
    public int hashCode() {
        return resolution * 31 + Arrays.hashCode(mean) * 7 + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return resolution + "px crop " + cropPct + " " + interpolation + " mean " + Arrays.toString(mean) + " std "
                + Arrays.toString(std);
    }
}
