package lab.mobilenet.lessons;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import lab.mobilenet.engine.cost.LayerCost;
import lab.mobilenet.engine.cost.ModelSummary;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.model.NetworkBuilder;

/**
 * Lesson 7, width and resolution multipliers: rebuilds MobileNet V1 for a chosen α and input resolution
 * with the engine ({@link NetworkBuilder} + {@link ModelSummary}) and sets the real MACs and parameters next to
 * the paper's α²ρ² prediction (params: α² for the convolutions, α for the classifier) and its ImageNet accuracy. Pure and cheap (shape arithmetic only, no weights);
 * results are cached per (α, resolution). Not thread-safe.
 */
public final class MultiplierLesson {

    /** The widths the paper reports (Table 6). */
    public static final List<Double> PAPER_ALPHAS = List.of(0.25, 0.5, 0.75, 1.0);
    /** Resolutions of the grid; the UI may offer any multiple of 32 from 96 to 224. */
    public static final List<Integer> RESOLUTIONS = List.of(96, 128, 160, 192, 224);
    /** α may be chosen in steps of 0.05. */
    public static final double ALPHA_STEP = 0.05;
    public static final int BASE_RESOLUTION = 224;

    private static final Map<String, Double> PAPER_TOP1 = Map.of(
            key(1.0, 224), 70.6, key(0.75, 224), 68.4, key(0.5, 224), 63.7, key(0.25, 224), 50.6,
            key(1.0, 192), 69.1, key(1.0, 160), 67.2, key(1.0, 128), 64.4);

    private final Map<String, ModelSummary> cache = new HashMap<>();
    private final MultiplierRow base;
    private final long baseClassifierParams;

    public MultiplierLesson() {
        ModelSummary s = summary(1.0, BASE_RESOLUTION);
        base = new MultiplierRow(1.0, BASE_RESOLUTION, s.macs(), s.params(), s.macs(), s.params(),
                paperTop1(1.0, BASE_RESOLUTION));
        baseClassifierParams = classifierParams(1.0);
    }

    /**
     * The V1 paper's ImageNet top-1 (%) for α and resolution: Table 6 (α at 224 px) and Table 7 (resolution at
     * α = 1.0); empty for combinations the paper does not report.
     */
    public static OptionalDouble paperTop1(double alpha, int resolution) {
        Double v = PAPER_TOP1.get(key(alpha, resolution));
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    public MultiplierRow base() {
        return base;
    }

    /**
     * The row for any α in (0, 1] and any resolution ≥ 32 (the network needs 5 stride-2 halvings). Predicted
     * params: α²·(the base's convolution params) + α·(the base's classifier params), because the classifier's
     * input shrinks with α but its 1000 outputs do not.
     */
    public MultiplierRow row(double alpha, int resolution) {
        ModelSummary s = summary(alpha, resolution);
        double rho = resolution / (double) BASE_RESOLUTION;
        double predictedParams = alpha * alpha * (base.params() - baseClassifierParams) + alpha * baseClassifierParams;
        return new MultiplierRow(alpha, resolution, s.macs(), s.params(), alpha * alpha * rho * rho * base.macs(),
                predictedParams, paperTop1(alpha, resolution));
    }

    /** Params of the classifier (the final linear layer, weights + biases) at width α. */
    public long classifierParams(double alpha) {
        return summary(alpha, BASE_RESOLUTION).layers().stream().filter(MultiplierLesson::isClassifier)
                .mapToLong(LayerCost::params).sum();
    }

    /** Params of everything but the classifier (convolutions and their batch norms) at width α. */
    public long convParams(double alpha) {
        return summary(alpha, BASE_RESOLUTION).params() - classifierParams(alpha);
    }

    /** The grid ({@link #PAPER_ALPHAS} × {@link #RESOLUTIONS}) plus the selected row. */
    public MultiplierTable table(double alpha, int resolution) {
        List<MultiplierRow> rows = new ArrayList<>();
        for (double a : PAPER_ALPHAS) {
            for (int r : RESOLUTIONS) {
                rows.add(row(a, r));
            }
        }
        return new MultiplierTable(base, rows, row(alpha, resolution));
    }

    /**
     * MACs of the convolutions alone (the classifier's MACs do not depend on the resolution): exactly ρ² times
     * the 224 figure when the resolution is a multiple of 32.
     */
    public long convMacs(double alpha, int resolution) {
        return summary(alpha, resolution).layers().stream().filter(c -> !isClassifier(c))
                .mapToLong(LayerCost::macs).sum();
    }

    /** The engine's cost summary of MobileNet V1 at α and resolution. */
    public ModelSummary summary(double alpha, int resolution) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("width multiplier α must be in (0, 1], got " + alpha);
        }
        if (resolution < 32) {
            throw new IllegalArgumentException("resolution must be at least 32 px, got " + resolution);
        }
        return cache.computeIfAbsent(key(alpha, resolution), k -> {
            Network n = NetworkBuilder.build(Architecture.MOBILENET_V1, alpha);
            return ModelSummary.of(n, resolution);
        });
    }

    /** Rounds α to the lesson's 0.05 grid (the slider's value). */
    public static double snapAlpha(double alpha) {
        double snapped = Math.round(alpha / ALPHA_STEP) * ALPHA_STEP;
        return Math.max(ALPHA_STEP, Math.min(1.0, Math.round(snapped * 100) / 100.0));
    }

    private static boolean isClassifier(LayerCost c) {
        return c.type().equals("linear");
    }

    private static String key(double alpha, int resolution) {
        return Math.round(alpha * 10000) + "@" + resolution;
    }
}
