package lab.mobilenet.engine.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Counts what the mutants did and how long each took; failures keep enough to replay them. */
final class FuzzStats {
    private final String name;
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private long[] nanos = new long[256];
    private int count;

    FuzzStats(String name) {
        this.name = name;
    }

    void record(String outcome, long elapsedNanos) {
        outcomes.merge(outcome, 1, Integer::sum);
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, 2 * count);
        }
        nanos[count++] = elapsedNanos;
    }

    void fail(String what) {
        failures.add(what);
    }

    List<String> failures() {
        return failures;
    }

    int count() {
        return count;
    }

    long maxMillis() {
        return Arrays.stream(nanos, 0, count).max().orElse(0) / 1_000_000;
    }

    String summary() {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        double total = Arrays.stream(sorted).sum() / 1e9;
        return String.format(Locale.ROOT, "fuzz %s: %d inputs in %.1f s (median %.2f ms, max %d ms): %s", name, count,
                total, count == 0 ? 0 : sorted[count / 2] / 1e6, maxMillis(), outcomes);
    }
}
