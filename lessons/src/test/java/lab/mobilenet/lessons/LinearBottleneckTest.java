package lab.mobilenet.lessons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Against hand-worked cases and numpy's pinv/lstsq (tools/make_bottleneck_fixture.py). */
class LinearBottleneckTest {

    @Test
    void pseudoInverseOfAHandWorkedMatrix() {
        // T = [[1,0],[0,1],[1,1]]: TᵀT = [[2,1],[1,2]], inverse [[2,-1],[-1,2]]/3,
        // times Tᵀ = [[1,0,1],[0,1,1]] gives [[2,-1,1],[-1,2,1]]/3
        LinearBottleneck lb = new LinearBottleneck(new double[][] {{1, 0}, {0, 1}, {1, 1}});
        double[][] p = lb.pseudoInverse(3);
        assertArrayEquals(new double[] {2 / 3.0, -1 / 3.0, 1 / 3.0}, p[0], 1e-15);
        assertArrayEquals(new double[] {-1 / 3.0, 2 / 3.0, 1 / 3.0}, p[1], 1e-15);
    }

    @Test
    void reluKillsANegativeCoordinateHandWorked() {
        // same T, x = (1, -2): Tx = (1, -2, -1), ReLU -> (1, 0, 0), pinv · that = first column = (2/3, -1/3)
        LinearBottleneck lb = new LinearBottleneck(new double[][] {{1, 0}, {0, 1}, {1, 1}});
        double[][] r = lb.recover(new double[][] {{1, -2}}, 3, true);
        assertArrayEquals(new double[] {2 / 3.0, -1 / 3.0}, r[0], 1e-15);
        double[][] lin = lb.recover(new double[][] {{1, -2}}, 3, false);
        assertArrayEquals(new double[] {1, -2}, lin[0], 1e-15);
    }

    @Test
    void withoutReluTheRoundTripIsExactForEveryN() {
        LinearBottleneck lb = LinearBottleneck.seeded(7);
        double[][] x = LinearBottleneck.spiral(300);
        for (int n = 2; n <= LinearBottleneck.MAX_N; n++) {
            double[][] r = lb.recover(x, n, false);
            for (int k = 0; k < x.length; k++) {
                assertArrayEquals(x[k], r[k], 1e-9, "n=" + n + " k=" + k);
            }
            LinearBottleneck.Survival s = LinearBottleneck.survival(x, r);
            assertEquals(1.0, s.share());
            assertEquals(0.0, s.relError(), 1e-9);
        }
    }

    @Test
    void matchesNumpyOnItsOwnMatrix() throws IOException {
        Fixture f = Fixture.load();
        assertEquals(f.points.size(), 200);
        double[][] x = LinearBottleneck.spiral(200);
        for (int k = 0; k < x.length; k++) {
            assertArrayEquals(f.points.get(k), x[k], 1e-12, "spiral point " + k);
        }
        LinearBottleneck lb = new LinearBottleneck(f.t.toArray(new double[0][]));
        for (double[] row : f.recovered) {
            int n = (int) row[0];
            double[][] r = lb.recover(new double[][] {x[(int) row[1]]}, n, true);
            assertArrayEquals(new double[] {row[2], row[3]}, r[0], 1e-10, "n=" + n + " k=" + (int) row[1]);
        }
        for (double[] row : f.measures) {
            int n = (int) row[0];
            LinearBottleneck.Survival s = LinearBottleneck.survival(x, lb.recover(x, n, true));
            assertEquals(row[1], s.share(), 1e-12, "share n=" + n);
            assertEquals(row[2], s.relError(), 1e-9, "relError n=" + n);
            int kept = 0;
            for (boolean b : LinearBottleneck.survivors(x, lb.recover(x, n, true))) {
                kept += b ? 1 : 0;
            }
            assertEquals(row[1], kept / 200.0, 1e-12, "survivors n=" + n);
        }
        // numpy's numbers themselves tell the lesson's story: n = 2 loses far more than n = 30
        assertTrue(f.measures.get(0)[2] > 4 * f.measures.get(f.measures.size() - 1)[2]);
    }

    @Test
    void theLessonsOwnMatrixTellsTheSameStory() {
        LinearBottleneck lb = LinearBottleneck.seeded(LinearBottleneck.SEED);
        double[][] x = LinearBottleneck.spiral(LinearBottleneck.POINTS);
        double e2 = LinearBottleneck.survival(x, lb.recover(x, 2, true)).relError();
        double e3 = LinearBottleneck.survival(x, lb.recover(x, 3, true)).relError();
        double e15 = LinearBottleneck.survival(x, lb.recover(x, 15, true)).relError();
        double e30 = LinearBottleneck.survival(x, lb.recover(x, 30, true)).relError();
        assertTrue(e2 > 0.3 && e3 > 0.25, e2 + " " + e3);
        assertTrue(e15 < e3 && e30 < e15 && e30 < 0.2, e15 + " " + e30);
    }

    @Test
    void badInputIsOneClearError() {
        LinearBottleneck lb = LinearBottleneck.seeded(1);
        assertThrows(IllegalArgumentException.class, () -> lb.pseudoInverse(0));
        assertThrows(IllegalArgumentException.class, () -> lb.pseudoInverse(31));
        LinearBottleneck collinear = new LinearBottleneck(new double[][] {{1, 2}, {2, 4}});
        assertThrows(IllegalArgumentException.class, () -> collinear.pseudoInverse(2));
        assertThrows(IllegalArgumentException.class, () -> LinearBottleneck.spiral(1));
    }

    private record Fixture(List<double[]> t, List<double[]> points, List<double[]> measures,
                           List<double[]> recovered) {
        static Fixture load() throws IOException {
            Fixture f = new Fixture(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            try (InputStream in = LinearBottleneckTest.class.getResourceAsStream("/bottleneck/spiral.txt")) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                    String[] p = line.trim().split("\\s+");
                    double[] v = new double[p.length - 1];
                    for (int i = 1; i < p.length; i++) {
                        v[i - 1] = Double.parseDouble(p[i]);
                    }
                    switch (p[0]) {
                        case "T" -> f.t.add(v);
                        case "P" -> f.points.add(v);
                        case "N" -> f.measures.add(v);
                        case "R" -> f.recovered.add(v);
                        default -> throw new IOException("bad fixture line: " + line);
                    }
                }
            }
            return f;
        }
    }
}
