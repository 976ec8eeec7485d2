package lab.mobilenet.engine.inspect;

import lab.mobilenet.engine.runtime.ActivationSnapshot;

/**
 * Summary statistics of one activation tensor, computed in double precision over every element.
 *
 * @param std   population standard deviation (divide by n, like numpy's default)
 * @param zeros share of elements that are exactly 0 (after a ReLU: the "dead" share), between 0 and 1
 */
public record ActivationStats(double min, double max, double mean, double std, double zeros) {

    /** Two passes: the mean first, then the squared deviations from it (no cancellation as in E[x²] − E[x]²). */
    public static ActivationStats of(ActivationSnapshot a) {
        int n = a.size();
        if (n == 0) {
            throw new IllegalArgumentException("no values in " + a);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        long zeros = 0;
        for (int i = 0; i < n; i++) {
            float v = a.value(i);
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
            if (v == 0f) {
                zeros++;
            }
        }
        double mean = sum / n;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            double d = a.value(i) - mean;
            sq += d * d;
        }
        return new ActivationStats(min, max, mean, Math.sqrt(sq / n), (double) zeros / n);
    }
}
