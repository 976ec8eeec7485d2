package lab.mobilenet.lessons;

import java.util.Optional;
import lab.mobilenet.engine.op.ConvGeometry;

/**
 * A convolution unrolled into the multiply-adds of the naive loop, in this order:
 * <pre>
 * for o in 0..N-1                      output channel
 *   for y in 0..H'-1, x in 0..W'-1     output pixel
 *     sum = bias[o]
 *     for ci in 0..M/groups-1          input channel of o's group
 *       for i, j in 0..k-1             kernel row, column
 *         sum += in[g·M/groups + ci][y·s − p + i][x·s − p + j] · w[o][ci][i][j]   (0 on padding)
 *     out[o][y][x] = sum
 * </pre>
 * Step {@code t} is derived from its index by division alone (O(1) plus the partial sum of its own output
 * value), so a layer of millions of MACs costs no memory per step. The full result is computed once, with
 * the sums accumulated in double in loop order and rounded to float, so the running sum on a cell's last
 * MAC equals the final value bit for bit.
 */
public final class ConvTrace implements Trace {

    private final Planes input;
    private final KernelBank bank;
    private final ConvGeometry g;
    private final int outH;
    private final int outW;
    private final int k;
    private final int inPer;
    private final int outPer;
    private final long perCell;
    private final long cells;
    private final long total;
    private final float[] result;
    private final float min;
    private final float max;
    private final java.util.List<MapScale> scales;

    private ConvTrace(Planes input, KernelBank bank) {
        this.input = input;
        this.bank = bank;
        this.g = bank.geometry();
        if (input.channels() != g.inChannels()) {
            throw new IllegalArgumentException("the kernels read " + g.inChannels() + " channels but the image has "
                    + input.channels());
        }
        this.outH = g.outSize(input.height());
        this.outW = g.outSize(input.width());
        this.k = g.kernel();
        this.inPer = g.inChannelsPerGroup();
        this.outPer = g.outChannelsPerGroup();
        this.perCell = (long) inPer * k * k;
        this.cells = (long) g.outChannels() * outH * outW;
        if (cells > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("output too large to trace: " + cells + " values");
        }
        this.total = cells * perCell;
        this.result = new float[(int) cells];
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int cell = 0; cell < cells; cell++) {
            float v = (float) partialSum(cell, (int) perCell);
            result[cell] = v;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        this.min = lo;
        this.max = hi;
        // output cells whose window reaches into the zero padding: ceil(padding / stride) on each side
        int border = (g.padding() + g.stride() - 1) / g.stride();
        java.util.List<MapScale> sc = new java.util.ArrayList<>();
        for (int o = 0; o < g.outChannels(); o++) {
            sc.add(MapScale.ofInterior(result, outH, outW, o, border));
        }
        this.scales = java.util.List.copyOf(sc);
    }

    /** Traces {@code bank}'s convolution over {@code input}; the image must have the channels the bank reads. */
    public static ConvTrace of(Planes input, KernelBank bank) {
        if (input == null || bank == null) {
            throw new IllegalArgumentException("image and kernels are required");
        }
        return new ConvTrace(input, bank);
    }

    public Planes input() {
        return input;
    }

    public KernelBank bank() {
        return bank;
    }

    public ConvGeometry geometry() {
        return g;
    }

    /** H' = {@code floor((H + 2p − k)/s) + 1}. */
    public int outHeight() {
        return outH;
    }

    public int outWidth() {
        return outW;
    }

    @Override
    public long totalMacs() {
        return total;
    }

    /** MACs per output value, {@code M/groups · k · k}. */
    public long macsPerPixel() {
        return perCell;
    }

    /** MACs from one boundary of the granularity to the next. */
    public long unit(Granularity granularity) {
        return switch (granularity) {
            case MAC -> 1;
            case PIXEL -> perCell;
            case ROW -> perCell * outW;
            case CHANNEL -> perCell * outW * outH;
            case LAYER -> total;
        };
    }

    /** The multiply-add with this index, 0 … {@link #totalMacs()} − 1. */
    public Step step(long index) {
        if (index < 0 || index >= total) {
            throw new IndexOutOfBoundsException("step " + index + " outside 0.." + (total - 1));
        }
        int cell = (int) (index / perCell);
        int tap = (int) (index % perCell);
        int o = cell / (outH * outW);
        int y = (cell / outW) % outH;
        int x = cell % outW;
        int ci = tap / (k * k);
        int i = (tap / k) % k;
        int j = tap % k;
        int c = (o / outPer) * inPer + ci;
        int iy = y * g.stride() - g.padding() + i;
        int ix = x * g.stride() - g.padding() + j;
        boolean pad = iy < 0 || ix < 0 || iy >= input.height() || ix >= input.width();
        float v = pad ? 0f : input.raw()[(c * input.height() + iy) * input.width() + ix];
        float w = bank.weight(o, ci, i, j);
        float running = (float) partialSum(cell, tap + 1);
        return new Step(index, o, y, x, tap, c, ci, i, j, iy, ix, pad, v, w, v * w, running, tap == perCell - 1,
                counters(index + 1));
    }

    /** The MAC just executed at {@code position} (step {@code position − 1}); empty at 0. */
    public Optional<Step> lastStep(long position) {
        checkPosition(position);
        return position == 0 ? Optional.empty() : Optional.of(step(position - 1));
    }

    /** The MAC to execute next from {@code position}; empty at the end. */
    public Optional<Step> nextStep(long position) {
        checkPosition(position);
        return position == total ? Optional.empty() : Optional.of(step(position));
    }

    @Override
    public long next(long position, Granularity granularity) {
        checkPosition(position);
        if (position == total) {
            return total;
        }
        long u = unit(granularity);
        return Math.min(total, (position / u + 1) * u);
    }

    @Override
    public long previous(long position, Granularity granularity) {
        checkPosition(position);
        if (position == 0) {
            return 0;
        }
        long u = unit(granularity);
        long r = position % u;
        return r == 0 ? position - u : position - r;
    }

    @Override
    public Counters counters(long position) {
        checkPosition(position);
        long done = position / perCell;
        long started = (position + perCell - 1) / perCell;
        long read = 8 * position + (bank.hasBias() ? 4 * started : 0);
        long compulsory = 4 * ((long) input.size() + bank.params() + cells);
        return new Counters(position, total, bank.params(), read, 4 * done, compulsory, done, cells);
    }

    /** The output map after {@code position} MACs (see {@link OutputMap} for what unfinished cells hold). */
    public OutputMap output(long position) {
        checkPosition(position);
        int done = (int) (position / perCell);
        int tap = (int) (position % perCell);
        float[] v = new float[(int) cells];
        System.arraycopy(result, 0, v, 0, done);
        long running = -1;
        if (tap > 0) {
            v[done] = (float) partialSum(done, tap);
            running = done;
        }
        return new OutputMap(g.outChannels(), outH, outW, v, done, running, min, max, scales);
    }

    /** The complete output, {@code N × H' × W'}; it can feed the next layer's trace. */
    public Planes result() {
        return Planes.of(g.outChannels(), outH, outW, result);
    }

    /** Flat index of output cell (o, y, x) in loop order; its MACs are {@code cell·perPixel …}. */
    public long cellIndex(int o, int y, int x) {
        if (o < 0 || o >= g.outChannels() || y < 0 || y >= outH || x < 0 || x >= outW) {
            throw new IndexOutOfBoundsException("(" + o + ", " + y + ", " + x + ") outside " + g.outChannels() + "×"
                    + outH + "×" + outW);
        }
        return ((long) o * outH + y) * outW + x;
    }

    /** The position right after output value (o, y, x) is complete, e.g. to jump to a clicked cell. */
    public long positionAfter(int o, int y, int x) {
        return (cellIndex(o, y, x) + 1) * perCell;
    }

    /** The receptive field, weights and products of output value (o, y, x). */
    public CellDetail cell(int o, int y, int x) {
        int cell = (int) cellIndex(o, y, x);
        int n = (int) perCell;
        float[] in = new float[n];
        boolean[] pad = new boolean[n];
        float[] w = new float[n];
        float[] p = new float[n];
        int first = (o / outPer) * inPer;
        int y0 = y * g.stride() - g.padding();
        int x0 = x * g.stride() - g.padding();
        for (int t = 0; t < n; t++) {
            int ci = t / (k * k);
            int iy = y0 + (t / k) % k;
            int ix = x0 + t % k;
            pad[t] = iy < 0 || ix < 0 || iy >= input.height() || ix >= input.width();
            in[t] = pad[t] ? 0f : input.raw()[((first + ci) * input.height() + iy) * input.width() + ix];
            w[t] = bank.weight(o, ci, (t / k) % k, t % k);
            p[t] = in[t] * w[t];
        }
        return new CellDetail(o, y, x, first, inPer, k, y0, x0, in, pad, w, p, bank.bias(o), result[cell]);
    }

    /** bias + the first {@code taps} products of a cell, accumulated in double in loop order. */
    private double partialSum(int cell, int taps) {
        int o = cell / (outH * outW);
        int y = (cell / outW) % outH;
        int x = cell % outW;
        int first = (o / outPer) * inPer;
        int y0 = y * g.stride() - g.padding();
        int x0 = x * g.stride() - g.padding();
        int h = input.height();
        int wd = input.width();
        float[] in = input.raw();
        float[] w = bank.rawWeights();
        int wBase = o * (int) perCell;
        double sum = bank.bias(o);
        for (int t = 0; t < taps; t++) {
            int iy = y0 + (t / k) % k;
            int ix = x0 + t % k;
            if (iy >= 0 && ix >= 0 && iy < h && ix < wd) {
                int ci = t / (k * k);
                sum += (double) in[((first + ci) * h + iy) * wd + ix] * w[wBase + t];
            }
        }
        return sum;
    }

    private void checkPosition(long position) {
        if (position < 0 || position > total) {
            throw new IndexOutOfBoundsException("position " + position + " outside 0.." + total);
        }
    }

    @Override
    public String toString() {
        return "ConvTrace[" + g.kind() + " " + input + " → " + g.outChannels() + "×" + outH + "×" + outW + ", "
                + total + " MACs]";
    }
}
