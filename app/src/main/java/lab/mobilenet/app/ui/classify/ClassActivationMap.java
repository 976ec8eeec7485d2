package lab.mobilenet.app.ui.classify;

/**
 * The class activation map (Zhou et al., 2016) of a network that ends in global average pooling and one linear
 * layer, as MobileNet V1 and V2 do: for class k, {@code CAM_k(y, x) = Σ_c w[k, c] · F_c(y, x)}, where F are the
 * last feature maps before the pool and w the classifier's weights. Because pooling and the linear layer are
 * both linear, the class's logit is exactly the map's mean plus the class's bias: the map shows where the score
 * came from, with nothing approximated.
 */
public final class ClassActivationMap {

    private ClassActivationMap() {
    }

    /**
     * @param features     the last feature maps {@code [C, H, W]}, row-major (batch of one)
     * @param channels     C
     * @param height       H
     * @param width        W
     * @param classWeights the classifier's row for the class, {@code w[k, 0..C-1]}
     * @return the {@code H × W} map
     */
    public static HeatMap of(float[] features, int channels, int height, int width, float[] classWeights) {
        int plane = height * width;
        if (features.length != channels * plane) {
            throw new IllegalArgumentException(channels + "x" + height + "x" + width + " feature maps need "
                    + channels * plane + " values, got " + features.length);
        }
        if (classWeights.length != channels) {
            throw new IllegalArgumentException("the classifier row has " + classWeights.length
                    + " weights for " + channels + " channels");
        }
        double[] sum = new double[plane];
        for (int c = 0; c < channels; c++) {
            double w = classWeights[c];
            int base = c * plane;
            for (int i = 0; i < plane; i++) {
                sum[i] += w * features[base + i];
            }
        }
        float[] map = new float[plane];
        for (int i = 0; i < plane; i++) {
            map[i] = (float) sum[i];
        }
        return new HeatMap(width, height, map);
    }
}
