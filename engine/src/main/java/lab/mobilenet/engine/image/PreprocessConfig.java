package lab.mobilenet.engine.image;

import java.util.Arrays;

/**
 * How a photo becomes the network's input, following timm's evaluation transform: resize the shorter
 * side to {@code resizeShorter} (bicubic), cut the centred {@code crop × crop} square, scale to 0..1
 * and normalise each channel as {@code (x - mean[c]) / std[c]}.
 *
 * <p>timm derives the resize from a crop fraction: {@code resizeShorter = floor(crop / crop_pct)},
 * with crop_pct = 0.875 for all four default MobileNet checkpoints (224 / 0.875 = 256). The arrays
 * are copied in and out, so a config never changes.
 *
 * @param resizeShorter length of the shorter side after resizing, at least {@code crop}
 * @param crop          side of the square centre crop the network sees
 * @param mean          per-channel mean (R, G, B) on the 0..1 scale
 * @param std           per-channel standard deviation (R, G, B), all positive
 */
public record PreprocessConfig(int resizeShorter, int crop, float[] mean, float[] std) {
    /** timm's default crop fraction for these models. */
    public static final double DEFAULT_CROP_PCT = 0.875;
    private static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};
    private static final float[] HALF = {0.5f, 0.5f, 0.5f};

    public PreprocessConfig {
        if (crop <= 0) {
            throw new IllegalArgumentException("crop must be positive, got " + crop);
        }
        if (resizeShorter < crop) {
            throw new IllegalArgumentException("resizeShorter (" + resizeShorter + ") must be at least the crop ("
                    + crop + ")");
        }
        mean = checked("mean", mean);
        std = checked("std", std);
        for (float s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("std must be positive, got " + Arrays.toString(std));
            }
        }
    }

    private static float[] checked(String name, float[] values) {
        if (values == null || values.length != 3) {
            throw new IllegalArgumentException(name + " needs 3 values (R, G, B), got "
                    + (values == null ? "null" : Arrays.toString(values)));
        }
        return values.clone();
    }

    /** ImageNet statistics, 256 → 224: timm's MobileNetV2 and V3 (large and small) default weights. */
    public static PreprocessConfig imagenet() {
        return new PreprocessConfig(256, 224, IMAGENET_MEAN, IMAGENET_STD);
    }

    /** mean = std = 0.5 ("Inception" style, inputs in -1..1), 256 → 224: timm's MobileNetV1 default weights. */
    public static PreprocessConfig inception() {
        return new PreprocessConfig(256, 224, HALF, HALF);
    }

    /** Another input resolution with timm's default crop fraction: resize = floor(crop / 0.875). */
    public static PreprocessConfig forResolution(int crop, float[] mean, float[] std) {
        return forCropPct(crop, DEFAULT_CROP_PCT, mean, std);
    }

    /** Resize = floor(crop / cropPct), as timm's {@code transforms_imagenet_eval} computes it. */
    public static PreprocessConfig forCropPct(int crop, double cropPct, float[] mean, float[] std) {
        if (!(cropPct > 0 && cropPct <= 1)) {
            throw new IllegalArgumentException("cropPct must be in (0, 1], got " + cropPct);
        }
        return new PreprocessConfig((int) Math.floor(crop / cropPct), crop, mean, std);
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    /** The network input's shape, NCHW: {@code [1, 3, crop, crop]}. */
    public long[] inputShape() {
        return new long[] {1, 3, crop, crop};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreprocessConfig other && resizeShorter == other.resizeShorter && crop == other.crop
                && Arrays.equals(mean, other.mean) && Arrays.equals(std, other.std);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * resizeShorter + crop) + Arrays.hashCode(mean)) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "PreprocessConfig[resizeShorter=" + resizeShorter + ", crop=" + crop + ", mean="
                + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
