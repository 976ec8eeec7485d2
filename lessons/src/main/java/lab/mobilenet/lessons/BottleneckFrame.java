package lab.mobilenet.lessons;

import java.util.List;

/**
 * The linear-bottleneck lesson at one n: the spiral, what comes back through ReLU and through the linear path,
 * how much survived, and the real V2 block the lesson is about. Immutable (arrays are copied in and out).
 *
 * @param n          dimensions of the embedding, {@link BottleneckLesson#MIN_N} … {@link BottleneckLesson#MAX_N}
 * @param input      the spiral x, point k at parameter k/(P−1) along it
 * @param relu       T⁺·ReLU(T·x)
 * @param linear     T⁺·(T·x), the linear bottleneck: the spiral itself
 * @param survivors  per point: whether it survived ReLU ({@link LinearBottleneck#survivors})
 * @param reluSurvival   the ReLU path's measure
 * @param linearSurvival the linear path's measure (share 1: nothing lost)
 * @param shareByN   the ReLU path's share of surviving points for every n from MIN_N (index 0) to MAX_N
 * @param block      MobileNetV2's block whose projection is linear for this reason
 * @param counters   the two matrix products at this n ({@link BottleneckLesson#counters})
 */
public record BottleneckFrame(int n, Points input, Points relu, Points linear, boolean[] survivors,
                              LinearBottleneck.Survival reluSurvival, LinearBottleneck.Survival linearSurvival,
                              List<Double> shareByN, ProjectionBlock block, Counters counters) {

    public BottleneckFrame {
        survivors = survivors.clone();
        shareByN = List.copyOf(shareByN);
    }

    @Override
    public boolean[] survivors() {
        return survivors.clone();
    }

    /** How many points survived at this n. */
    public int surviving() {
        int c = 0;
        for (boolean s : survivors) {
            c += s ? 1 : 0;
        }
        return c;
    }

    /** A 2-D point cloud as two coordinate arrays. */
    public record Points(double[] xs, double[] ys) {

        public Points {
            if (xs.length != ys.length) {
                throw new IllegalArgumentException(xs.length + " x but " + ys.length + " y");
            }
            xs = xs.clone();
            ys = ys.clone();
        }

        static Points of(double[][] p) {
            double[] x = new double[p.length];
            double[] y = new double[p.length];
            for (int k = 0; k < p.length; k++) {
                x[k] = p[k][0];
                y[k] = p[k][1];
            }
            return new Points(x, y);
        }

        @Override
        public double[] xs() {
            return xs.clone();
        }

        @Override
        public double[] ys() {
            return ys.clone();
        }

        public int size() {
            return xs.length;
        }

        /** The largest |coordinate|, for a common scale (0 for no points). */
        public double extent() {
            double m = 0;
            for (int k = 0; k < xs.length; k++) {
                m = Math.max(m, Math.max(Math.abs(xs[k]), Math.abs(ys[k])));
            }
            return m;
        }
    }
}
