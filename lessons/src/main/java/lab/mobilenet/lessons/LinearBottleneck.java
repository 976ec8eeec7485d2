package lab.mobilenet.lessons;

import java.util.Random;

/**
 * "Why the bottleneck is linear" (MobileNetV2, Fig. 1): a 2-D spiral is embedded into n dimensions by a
 * fixed random matrix T (n×2), passed through ReLU and projected back with T's pseudo-inverse. For small n
 * ReLU folds whole regions of the plane onto lines and the spiral is lost; for large n enough coordinates
 * stay positive that the spiral comes back (smaller and shifted, which {@link #survival} forgives: a linear layer could undo it).
 * Pure numerics, no UI: the lesson page only draws what {@link #recover} returns.
 */
public final class LinearBottleneck {

    /** Largest n the lesson offers; T_n is the first n rows of one fixed MAX_N×2 matrix, so n nests. */
    public static final int MAX_N = 30;
    /** A recovered point "survives" when it lies within this share of the spiral's outer radius. */
    public static final double TOLERANCE = 0.1;
    /** The lesson's seed for T and its number of spiral points. */
    public static final long SEED = 7;
    public static final int POINTS = 300;

    private final double[][] tFull;

    /** The lesson's matrix: Gaussian entries from a fixed seed, so every class sees the same picture. */
    public static LinearBottleneck seeded(long seed) {
        Random rnd = new Random(seed);
        double[][] t = new double[MAX_N][2];
        for (double[] row : t) {
            row[0] = rnd.nextGaussian();
            row[1] = rnd.nextGaussian();
        }
        return new LinearBottleneck(t);
    }

    /** @param t at least one row, two columns; rows beyond n are ignored by {@link #recover} */
    public LinearBottleneck(double[][] t) {
        if (t.length == 0) {
            throw new IllegalArgumentException("T needs at least one row");
        }
        tFull = new double[t.length][];
        for (int i = 0; i < t.length; i++) {
            if (t[i].length != 2) {
                throw new IllegalArgumentException("T must be n×2, row " + i + " has " + t[i].length);
            }
            tFull[i] = t[i].clone();
        }
    }

    public int maxN() {
        return tFull.length;
    }

    /** The spiral: two turns, radius growing from 0.1 to 1.1; point k of {@code count} at t = k/(count-1). */
    public static double[][] spiral(int count) {
        if (count < 2) {
            throw new IllegalArgumentException("a spiral needs at least 2 points, got " + count);
        }
        double[][] p = new double[count][2];
        for (int k = 0; k < count; k++) {
            double t = k / (double) (count - 1);
            double r = 0.1 + t;
            double a = 4 * Math.PI * t;
            p[k][0] = r * Math.cos(a);
            p[k][1] = r * Math.sin(a);
        }
        return p;
    }

    /** Pseudo-inverse (TᵀT)⁻¹Tᵀ of the first n rows of T: a 2×n matrix. */
    public double[][] pseudoInverse(int n) {
        checkN(n);
        double a = 0, b = 0, d = 0; // TᵀT = [[a, b], [b, d]]
        for (int i = 0; i < n; i++) {
            a += tFull[i][0] * tFull[i][0];
            b += tFull[i][0] * tFull[i][1];
            d += tFull[i][1] * tFull[i][1];
        }
        double det = a * d - b * b;
        if (Math.abs(det) <= 1e-12 * Math.max(1, a * d)) {
            throw new IllegalArgumentException("T's first " + n + " rows have rank < 2");
        }
        double[][] p = new double[2][n];
        for (int i = 0; i < n; i++) {
            double x = tFull[i][0];
            double y = tFull[i][1];
            p[0][i] = (d * x - b * y) / det;
            p[1][i] = (-b * x + a * y) / det;
        }
        return p;
    }

    /** x ↦ T⁺ · act(T·x) for every point; {@code relu=false} is the linear bottleneck (exact round trip). */
    public double[][] recover(double[][] points, int n, boolean relu) {
        double[][] pinv = pseudoInverse(n);
        double[][] out = new double[points.length][2];
        for (int k = 0; k < points.length; k++) {
            double sx = 0;
            double sy = 0;
            for (int i = 0; i < n; i++) {
                double y = tFull[i][0] * points[k][0] + tFull[i][1] * points[k][1];
                if (relu && y < 0) {
                    y = 0;
                }
                sx += pinv[0][i] * y;
                sy += pinv[1][i] * y;
            }
            out[k][0] = sx;
            out[k][1] = sy;
        }
        return out;
    }

    /**
     * How much of the spiral survived. The recovered points are first mapped by the least-squares affine map
     * back onto the original: what a following linear layer could undo for free (ReLU halves the spiral and
     * shifts it) is not counted as lost; what ReLU folded onto a line is.
     *
     * @param share    points with |A(x') − x| ≤ TOLERANCE · outer radius, over all points
     * @param relError sqrt(Σ|A(x') − x|² / Σ|x|²); 0 = the spiral is fully recoverable
     */
    public record Survival(double share, double relError) {
        /** 1 − relError, at least 0: the lesson's headline number. */
        public double survived() {
            return Math.max(0, 1 - relError);
        }
    }

    public static Survival survival(double[][] original, double[][] recovered) {
        Fit fit = Fit.of(original, recovered);
        double err2 = 0;
        int kept = 0;
        for (double e : fit.errors()) {
            err2 += e * e;
            if (e <= TOLERANCE * fit.radius()) {
                kept++;
            }
        }
        return new Survival(kept / (double) original.length, Math.sqrt(err2 / fit.sumSquares()));
    }

    /**
     * Which points survived, one flag per point, by the same fit and {@link #TOLERANCE} as {@link #survival}
     * (so the lesson can show where on the spiral ReLU folded the points away).
     */
    public static boolean[] survivors(double[][] original, double[][] recovered) {
        Fit fit = Fit.of(original, recovered);
        boolean[] kept = new boolean[original.length];
        for (int k = 0; k < kept.length; k++) {
            kept[k] = fit.errors()[k] <= TOLERANCE * fit.radius();
        }
        return kept;
    }

    /**
     * The least-squares affine map of the recovered points onto the original and what is left over.
     *
     * @param errors     |A(x'_k) − x_k| for every point
     * @param radius     the original's outer radius
     * @param sumSquares Σ|x_k|²
     */
    private record Fit(double[] errors, double radius, double sumSquares) {

        static Fit of(double[][] original, double[][] recovered) {
            if (original.length != recovered.length || original.length == 0) {
                throw new IllegalArgumentException("need the same, non-zero number of points");
            }
            // normal equations G·M = B of the fit [x' y' 1]·M ≈ x, M is 3×2
            double[][] g = new double[3][3];
            double[][] b = new double[3][2];
            double xx = 0;
            double radius = 0;
            for (int k = 0; k < original.length; k++) {
                double[] a = {recovered[k][0], recovered[k][1], 1};
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        g[i][j] += a[i] * a[j];
                    }
                    b[i][0] += a[i] * original[k][0];
                    b[i][1] += a[i] * original[k][1];
                }
                xx += original[k][0] * original[k][0] + original[k][1] * original[k][1];
                radius = Math.max(radius, Math.hypot(original[k][0], original[k][1]));
            }
            double[][] m = solve3(g, b);
            double[] errors = new double[original.length];
            for (int k = 0; k < original.length; k++) {
                double[] a = {recovered[k][0], recovered[k][1], 1};
                double fx = 0;
                double fy = 0;
                for (int i = 0; i < 3; i++) {
                    fx += a[i] * m[i][0];
                    fy += a[i] * m[i][1];
                }
                errors[k] = Math.hypot(fx - original[k][0], fy - original[k][1]);
            }
            return new Fit(errors, radius, xx);
        }
    }

    /** Gaussian elimination with partial pivoting; a singular G (all points on a line) keeps those columns 0. */
    private static double[][] solve3(double[][] g, double[][] b) {
        int n = 3;
        double[][] a = new double[n][n + 2];
        for (int i = 0; i < n; i++) {
            System.arraycopy(g[i], 0, a[i], 0, n);
            a[i][n] = b[i][0];
            a[i][n + 1] = b[i][1];
        }
        double scale = Math.max(1e-300, Math.abs(a[0][0]) + Math.abs(a[1][1]) + Math.abs(a[2][2]));
        boolean[] dead = new boolean[n];
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
                    piv = r;
                }
            }
            double[] tmp = a[c];
            a[c] = a[piv];
            a[piv] = tmp;
            if (Math.abs(a[c][c]) <= 1e-12 * scale) {
                dead[c] = true;
                continue;
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = a[r][c] / a[c][c];
                    for (int j = c; j < n + 2; j++) {
                        a[r][j] -= f * a[c][j];
                    }
                }
            }
        }
        double[][] m = new double[n][2];
        for (int i = 0; i < n; i++) {
            if (!dead[i]) {
                m[i][0] = a[i][n] / a[i][i];
                m[i][1] = a[i][n + 1] / a[i][i];
            }
        }
        return m;
    }

    private void checkN(int n) {
        if (n < 1 || n > tFull.length) {
            throw new IllegalArgumentException("n must be 1…" + tFull.length + ", got " + n);
        }
    }
}
