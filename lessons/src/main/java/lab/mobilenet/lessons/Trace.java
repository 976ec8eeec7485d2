package lab.mobilenet.lessons;

/**
 * A computation laid out as a sequence of multiply-adds that can be stepped through. A position is the number
 * of MACs done, from 0 (nothing done) to {@link #totalMacs()} (all done). Implementations are immutable and
 * compute everything about a position arithmetically, without storing one object per step.
 */
public interface Trace {

    long totalMacs();

    /** Counters after {@code position} MACs. */
    Counters counters(long position);

    /**
     * The next boundary of the granularity after {@code position}: the position at which the current (or next)
     * pixel, row, channel or layer is complete. Always lands on a boundary; stays at the end.
     */
    long next(long position, Granularity granularity);

    /**
     * The previous boundary before {@code position}: from a boundary, exactly one unit back, so that
     * {@code previous(next(p, g), g) == p} whenever p is on a g-boundary. Stays at 0.
     */
    long previous(long position, Granularity granularity);
}
