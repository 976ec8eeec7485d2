package lab.mobilenet.lessons;

/**
 * The output of a convolution as far as it has been computed: {@code channels × height × width} values,
 * row-major per channel, in the order the loop fills them (channel, row, column).
 *
 * <p>Cells before {@link #cellsDone()} hold their final value; the running cell (if any) holds the partial
 * sum so far; later cells hold 0 and are {@link CellState#PENDING}. {@link #min()} and {@link #max()} are
 * those of the <em>final</em> output, so a colour scale built from them does not shift while the map fills.
 *
 * <p>{@link #scales()} holds each channel's colour range ({@link MapScale}), also taken from the final
 * output (its interior), so each map is drawn on its own robust scale.
 *
 * @param runningCell flat index of the cell being accumulated, or −1 when none is half done
 * @param scales      one colour range per channel, from the final output
 */
public record OutputMap(int channels, int height, int width, float[] values, long cellsDone, long runningCell,
                        float min, float max, java.util.List<MapScale> scales) {

    /** Whether a cell is still to come, half accumulated, or final. */
    public enum CellState { PENDING, RUNNING, DONE }

    public OutputMap {
        if (values == null || values.length != (long) channels * height * width) {
            throw new IllegalArgumentException("values must have " + (long) channels * height * width + " entries");
        }
        values = values.clone();
        if (scales == null || scales.size() != channels) {
            throw new IllegalArgumentException("one scale per channel is required");
        }
        scales = java.util.List.copyOf(scales);
    }

    /** The colour range of channel {@code c}. */
    public MapScale scale(int c) {
        return scales.get(c);
    }

    /** A copy of the values. */
    @Override
    public float[] values() {
        return values.clone();
    }

    public float value(int c, int y, int x) {
        return values[index(c, y, x)];
    }

    public CellState state(int c, int y, int x) {
        long i = index(c, y, x);
        if (i < cellsDone) {
            return CellState.DONE;
        }
        return i == runningCell ? CellState.RUNNING : CellState.PENDING;
    }

    /** Whether every cell holds its final value. */
    public boolean complete() {
        return cellsDone == (long) channels * height * width;
    }

    private int index(int c, int y, int x) {
        if (c < 0 || c >= channels || y < 0 || y >= height || x < 0 || x >= width) {
            throw new IndexOutOfBoundsException("(" + c + ", " + y + ", " + x + ") outside " + channels + "×"
                    + height + "×" + width);
        }
        return (c * height + y) * width + x;
    }
}
