package lab.mobilenet.engine.classify;

import lab.mobilenet.engine.image.PreprocessConfig;
import lab.mobilenet.engine.model.Architecture;

/**
 * The eval transform of each family's default timm weights (TIMM_KEYS.md §5): V1's
 * {@code ra4_e3600_r224_in1k} normalises with mean = std = 0.5, the others with ImageNet's mean and std;
 * all resize the shorter side to 256 (crop_pct 0.875) with bicubic and centre-crop 224.
 */
public final class PretrainedConfigs {

    private PretrainedConfigs() {
    }

    public static PreprocessConfig forArchitecture(Architecture arch) {
        return arch == Architecture.MOBILENET_V1 || arch == Architecture.CONV_MOBILENET_V1
                ? PreprocessConfig.inception() : PreprocessConfig.imagenet();
    }
}
