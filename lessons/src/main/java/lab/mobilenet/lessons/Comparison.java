package lab.mobilenet.lessons;

import java.util.OptionalDouble;

/**
 * Standard convolution against depthwise + pointwise, both doing one multiply-add per tick of the session.
 *
 * @param standard      counters of the standard convolution
 * @param separable     counters of depthwise + pointwise together
 * @param expectedRatio 1/N + 1/D_K², what the ratio of total MACs must be
 * @param ratioFormula  the same, as a formula with the numbers substituted
 */
public record Comparison(Counters standard, Counters separable, double expectedRatio, Formula ratioFormula) {

    /** Separable MACs done / standard MACs done; empty before the first MAC. Equals {@link #expectedRatio} at the end. */
    public OptionalDouble measuredRatio() {
        return standard.macsDone() == 0 ? OptionalDouble.empty()
                : OptionalDouble.of((double) separable.macsDone() / standard.macsDone());
    }

    /** Total separable MACs / total standard MACs, the ratio the measured one converges to. */
    public double totalRatio() {
        return (double) separable.macsTotal() / standard.macsTotal();
    }
}
