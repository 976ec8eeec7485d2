package lab.mobilenet.lessons;

/**
 * How far one "step" goes: one multiply-add, one output pixel (all multiply-adds of one output value), one
 * output row, one output channel, or the whole layer. Ordered from finest to coarsest.
 */
public enum Granularity {
    MAC, PIXEL, ROW, CHANNEL, LAYER;

    /** The next coarser granularity; {@link #LAYER} stays {@link #LAYER}. */
    public Granularity coarser() {
        return this == LAYER ? LAYER : values()[ordinal() + 1];
    }

    /** The next finer granularity; {@link #MAC} stays {@link #MAC}. */
    public Granularity finer() {
        return this == MAC ? MAC : values()[ordinal() - 1];
    }

    /** Resource key of the display name, e.g. {@code granularity.pixel}. */
    public String nameKey() {
        return "granularity." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
