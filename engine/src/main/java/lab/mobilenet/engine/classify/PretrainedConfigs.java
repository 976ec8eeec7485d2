package lab.mobilenet.engine.classify;

import lab.mobilenet.engine.image.PreprocessConfig;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.ModelName;

/**
 * The eval transform of each family's default timm weights, read from its {@link
 * lab.mobilenet.engine.model.NetworkFamily#preprocessing() family record} (TIMM_KEYS.md §5): V1 normalises with
 * mean = std = 0.5, V2 and V3 with ImageNet's statistics, all at 224 with crop 0.875; Xception with 0.5 at 299,
 * crop 0.8975 (resize 333). There is no default: a name that is no known family is an error, never ImageNet's
 * statistics by accident.
 */
public final class PretrainedConfigs {

    private PretrainedConfigs() {
    }

    public static PreprocessConfig forArchitecture(Architecture arch) {
        return arch.family().preprocessing().config();
    }

    /**
     * @param model a family or timm name, e.g. {@code legacy_xception} or {@code mobilenetv2_140}
     * @throws IllegalArgumentException for a name that is no known family
     */
    public static PreprocessConfig forModel(String model) {
        return forArchitecture(ModelName.parse(model, null).architecture());
    }
}
