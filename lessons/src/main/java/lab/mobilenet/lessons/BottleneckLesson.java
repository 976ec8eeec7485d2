package lab.mobilenet.lessons;

import java.util.ArrayList;
import java.util.List;

/**
 * Lesson 10, "why the bottleneck is linear" (MobileNetV2, Fig. 1), as steps: step i shows the spiral sent
 * through n = {@link #MIN_N} + i dimensions, so → / ← raise and lower n and ⏮ / ⏭ jump to n = 2 and n = 30.
 * The numbers come from {@link LinearBottleneck} with the lesson's seed and {@link LinearBottleneck#POINTS}
 * points; the counters are those of the two matrix products at this n.
 */
public final class BottleneckLesson {

    /** Smallest n: T⁺ needs T to have rank 2. */
    public static final int MIN_N = 2;
    public static final int MAX_N = LinearBottleneck.MAX_N;

    private final LinearBottleneck lb;
    private final double[][] spiral;
    private final List<Double> shareByN;
    private final ProjectionBlock block;

    /** The lesson's own matrix ({@link LinearBottleneck#SEED}) and MobileNetV2's block 2.1. */
    public BottleneckLesson() {
        this(LinearBottleneck.seeded(LinearBottleneck.SEED), LinearBottleneck.POINTS, ProjectionBlock.mobileNetV2());
    }

    BottleneckLesson(LinearBottleneck lb, int points, ProjectionBlock block) {
        if (lb.maxN() < MAX_N) {
            throw new IllegalArgumentException("T needs " + MAX_N + " rows, has " + lb.maxN());
        }
        this.lb = lb;
        this.spiral = LinearBottleneck.spiral(points);
        this.block = block;
        List<Double> shares = new ArrayList<>();
        for (int n = MIN_N; n <= MAX_N; n++) {
            shares.add(LinearBottleneck.survival(spiral, lb.recover(spiral, n, true)).share());
        }
        this.shareByN = List.copyOf(shares);
    }

    /** Number of steps: one per n after the first. */
    public int steps() {
        return MAX_N - MIN_N;
    }

    /** The n shown at step {@code position} (0 … {@link #steps()}). */
    public static int nAt(long position) {
        if (position < 0 || position > MAX_N - MIN_N) {
            throw new IllegalArgumentException("position " + position + " outside 0.." + (MAX_N - MIN_N));
        }
        return MIN_N + (int) position;
    }

    /** The step that shows {@code n}. */
    public static long positionOf(int n) {
        if (n < MIN_N || n > MAX_N) {
            throw new IllegalArgumentException("n must be " + MIN_N + "…" + MAX_N + ", got " + n);
        }
        return n - MIN_N;
    }

    public int points() {
        return spiral.length;
    }

    /** Everything the picture draws at {@code n}. */
    public BottleneckFrame frame(int n) {
        positionOf(n);
        double[][] relu = lb.recover(spiral, n, true);
        double[][] linear = lb.recover(spiral, n, false);
        return new BottleneckFrame(n, BottleneckFrame.Points.of(spiral), BottleneckFrame.Points.of(relu),
                BottleneckFrame.Points.of(linear), LinearBottleneck.survivors(spiral, relu),
                LinearBottleneck.survival(spiral, relu), LinearBottleneck.survival(spiral, linear), shareByN, block,
                counters(n));
    }

    /** The round trip and its multiply-adds at {@code n}. */
    public List<Formula> formulas(int n) {
        return List.of(Formula.bottleneckRoundTrip(n), Formula.bottleneckMacs(spiral.length, n));
    }

    /**
     * The counters of both products at {@code n}, all done (there is nothing to wait for at one n), by the
     * conventions of {@link Counters}: P·4n MACs (T·x and T⁺·h, 2n each per point); 4n parameters (T and T⁺);
     * the naive loop reads an input and a weight per MAC and writes the n hidden and 2 output values per
     * point; the least traffic reads the points and both matrices once and writes the result once.
     */
    public Counters counters(int n) {
        positionOf(n);
        long p = spiral.length;
        long macs = p * 4L * n;
        long params = 4L * n;
        long written = 4 * (p * n + 2 * p);
        long compulsory = 4 * (2 * p + params + 2 * p);
        return new Counters(macs, macs, params, 8 * macs, written, compulsory, 2 * p, 2 * p);
    }
}
