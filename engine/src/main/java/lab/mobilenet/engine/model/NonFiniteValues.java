package lab.mobilenet.engine.model;

/**
 * How many of an array's values are NaN or infinite, and the first of them: one count for the checks that
 * refuse non-finite weights and never present a NaN prediction.
 *
 * @param count the non-finite values
 * @param first the index of the first, or -1 when there is none
 */
public record NonFiniteValues(int count, int first) {

    /** Counts the non-finite values of {@code values}. */
    public static NonFiniteValues in(float[] values) {
        int count = 0;
        int first = -1;
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                count++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        return new NonFiniteValues(count, first);
    }

    public boolean any() {
        return count > 0;
    }
}
