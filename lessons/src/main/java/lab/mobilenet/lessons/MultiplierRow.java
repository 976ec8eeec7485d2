package lab.mobilenet.lessons;

import java.util.OptionalDouble;

/**
 * MobileNet V1 at one width multiplier α and one input resolution, as rebuilt by the engine, next to the
 * paper's rule of thumb: MACs ≈ α²·ρ²·base and params ≈ α²·(base convolution params) + α·(base classifier
 * params), where base is the 1.0-224 model and ρ = resolution / 224.
 *
 * @param alpha           width multiplier α in (0, 1]
 * @param resolution      input side in pixels (ρ = resolution / 224)
 * @param macs            multiply-adds of the rebuilt network (engine cost model)
 * @param params          learnable parameters of the rebuilt network
 * @param predictedMacs   α²·ρ²·(MACs of 1.0-224)
 * @param predictedParams α²·(convolution params of 1.0-224) + α·(classifier params of 1.0-224)
 * @param paperTop1       the V1 paper's ImageNet top-1 accuracy in % (Tables 6 and 7), when it gives one
 */
public record MultiplierRow(double alpha, int resolution, long macs, long params, double predictedMacs,
                            double predictedParams, OptionalDouble paperTop1) {

    /** ρ = resolution / 224. */
    public double rho() {
        return resolution / 224.0;
    }

    /** Real MACs / predicted MACs: 1.0 when the α²ρ² rule is exact (rounding of channels makes it drift). */
    public double macsRatio() {
        return macs / predictedMacs;
    }

    /** Real params / predicted params: near 1 (batch norms scale with α, and channels are rounded). */
    public double paramsRatio() {
        return params / predictedParams;
    }
}
