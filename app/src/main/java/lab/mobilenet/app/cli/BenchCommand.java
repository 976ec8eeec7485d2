package lab.mobilenet.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import lab.mobilenet.engine.cost.ModelSummary;
import lab.mobilenet.engine.fast.FastPlan;
import lab.mobilenet.engine.fast.UnsupportedNetworkException;
import lab.mobilenet.engine.fast.SgemmPeak;
import lab.mobilenet.engine.fast.StepInfo;
import lab.mobilenet.engine.model.Layer;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.runtime.CancellationToken;
import lab.mobilenet.engine.runtime.EnginePath;
import lab.mobilenet.engine.runtime.EngineThreads;
import lab.mobilenet.engine.runtime.LayerRun;
import lab.mobilenet.engine.runtime.NetworkRunner;
import lab.mobilenet.engine.runtime.RunListener;
import lab.mobilenet.engine.runtime.Weights;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: batch-1 latency, median over timed runs after warm-up, where the time goes by layer type,
 * and the speed of each type against this CPU's measured sgemm peak. {@code --path both} runs the two paths
 * interleaved (fast, inspection, fast, …) so that both see the same machine load, and reports the ratio.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure batch-1 inference latency (median and minimum), the time by layer type and "
                + "GFLOP/s against this CPU's sgemm peak.")
final class BenchCommand implements Callable<Integer> {

    /** Layer types as bench groups them. */
    static final List<String> GROUPS = List.of("stem", "pointwise", "depthwise", "conv", "rest");

    @Mixin
    ModelOptions modelOptions;

    @Option(names = {"-r", "--resolution"}, defaultValue = "224", description = "input size (default 224)")
    int resolution;

    @Option(names = {"-t", "--threads"},
            description = "threads: the fast path's pool, or ND4J's native threads for the inspection path "
                    + "(default: fast " + "min(2, cores); inspection all cores)")
    Integer threads;

    @Option(names = "--path", defaultValue = "fast", description = "fast, inspection or both (default fast)")
    String path;

    @Option(names = "--warmup", defaultValue = "5", description = "untimed runs first (default 5)")
    int warmup;

    @Option(names = "--warmup-seconds", defaultValue = "2",
            description = "warm up for at least this long as well (default 2): the JIT compiles the kernels on "
                    + "the other core for about a second, and at two threads the first runs lose it to the compiler")
    double warmupSeconds;

    @Option(names = "--runs", defaultValue = "20", description = "timed runs (default 20)")
    int runs;

    /** Warm-up runs actually made ({@code --warmup}, more if {@code --warmup-seconds} had not passed). */
    private int warmupRuns;

    @Option(names = "--weights", description = "a timm model.safetensors (default: the stored one, else untrained; "
            + "the speed does not depend on it)")
    Path weightsFile;

    @Option(names = "--untrained", description = "time the seeded random initialisation")
    boolean untrained;

    @ParentCommand
    Cli cli;

    private boolean ranUntrained;

    @Option(names = {"-f", "--format"}, defaultValue = "table", description = "table or json (default table)")
    String format;

    @Spec
    CommandSpec spec;

    /** One path's measurements: total time per run and time per layer (or step) per run. */
    private record Timings(EnginePath path, long[] totals, long[][] parts, List<String> names, List<String> groups,
                           long[] macs) {
    }

    @Override
    public Integer call() {
        if (!format.equals("table") && !format.equals("json")) {
            throw new UserInputException("unknown format '" + format + "' (table or json)");
        }
        if (!List.of("fast", "inspection", "both").contains(path)) {
            throw new UserInputException("unknown path '" + path + "' (fast, inspection or both)");
        }
        if (runs < 1 || warmup < 0 || !(warmupSeconds >= 0 && warmupSeconds <= 600)) {
            throw new UserInputException("--runs must be at least 1, --warmup at least 0 and --warmup-seconds 0 to 600");
        }
        if (resolution < 32 || resolution > 2048) {
            throw new UserInputException("resolution must be between 32 and 2048, got " + resolution);
        }
        if (threads != null && threads < 1) {
            throw new UserInputException("--threads must be at least 1");
        }
        Network network = modelOptions.parse().build();
        boolean fast = !path.equals("inspection");
        boolean inspection = !path.equals("fast");
        int fastThreads = threads != null ? threads : FastPlan.defaultThreads();
        float[] image = new float[3 * resolution * resolution];
        Random rnd = new Random(42);
        for (int i = 0; i < image.length; i++) {
            image[i] = rnd.nextFloat() - 0.5f;
        }
        List<Timings> results = new ArrayList<>();
        double peak;
        WeightsLoading.Loaded loaded = WeightsLoading.load(network, weightsFile, untrained, cli,
                spec.commandLine().getErr(), WeightsLoading.WhenMissing.UNTRAINED);
        ranUntrained = loaded.untrained();
        try (Weights weights = loaded.weights();
             INDArray input = Nd4j.create(image, new long[] {1, 3, resolution, resolution}, 'c');
             FastPlan plan = fast ? compile(network, weights, fastThreads) : null) {
            NetworkRunner runner = new NetworkRunner(network, weights);
            Timings f = fast ? fastTimings(plan) : null;
            Timings s = inspection ? inspectionTimings(network) : null;
            if (inspection && threads != null) {
                // once, not per run: each call raised OpenBLAS's pool, whose woken threads spun on the second
                // core through the first layers of the next run (both plans pin OpenBLAS to one thread)
                EngineThreads.set(threads);
            }
            long warmUntil = System.nanoTime() + (long) (warmupSeconds * 1e9);
            for (warmupRuns = 0; warmupRuns < warmup || System.nanoTime() < warmUntil; warmupRuns++) {
                runBoth(plan, runner, image, input, f, s, -1);
            }
            for (int r = 0; r < runs; r++) {
                runBoth(plan, runner, image, input, f, s, r);
            }
            if (fast) {
                results.add(f);
            }
            if (inspection) {
                results.add(s);
            }
            peak = SgemmPeak.gflops(fast ? fastThreads : EngineThreads.get(), 30); // best of 30: robust to a busy machine
        }
        Map<String, Object> report = report(network, results.get(0), peak, fastThreads);
        if (results.size() == 2) {
            Map<String, Object> other = report(network, results.get(1), peak, fastThreads);
            report.put("inspection", other);
            report.put("inspectionOverFast", (Double) other.get("medianMillis") / (Double) report.get("medianMillis"));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.equals("json") ? SummaryFormat.write(report) : table(report));
        out.flush();
        return 0;
    }

    /**
     * One run of each path asked for, interleaved so that both see the same load; {@code r < 0}: untimed. With
     * both paths, each timed run follows an untimed one of the same path: the other path's worker thread spins
     * for up to half a millisecond after its run (see WorkerPool), and on two cores it would take the core from
     * the timed run's own worker (V3-Small's inspection at 2 threads: 3.8–4.0 ms timed straight after a fast
     * run, 2.95 ms on its own).
     */
    private static void runBoth(FastPlan plan, NetworkRunner runner, float[] image, INDArray input, Timings f,
                                Timings s, int r) {
        boolean both = f != null && s != null;
        if (f != null) {
            if (both && r >= 0) {
                timeFast(plan, image, f, -1);
            }
            timeFast(plan, image, f, r);
        }
        if (s != null) {
            if (both && r >= 0) {
                timeInspection(runner, input, s, -1);
            }
            timeInspection(runner, input, s, r);
        }
    }

    /** The fast plan, or one line saying this network needs the inspection path. */
    private FastPlan compile(Network network, Weights weights, int fastThreads) {
        try {
            return FastPlan.compile(network, weights, resolution, resolution, fastThreads);
        } catch (UnsupportedNetworkException e) {
            throw new UserInputException(network.name() + ": " + e.getMessage() + "; run it with --path inspection", e);
        }
    }

    private Timings fastTimings(FastPlan plan) {
        List<StepInfo> steps = plan.steps();
        return new Timings(EnginePath.FAST, new long[runs], new long[runs][steps.size()],
                steps.stream().map(StepInfo::name).toList(),
                steps.stream().map(st -> st.kind().name().toLowerCase(Locale.ROOT)).toList(),
                steps.stream().mapToLong(StepInfo::macs).toArray());
    }

    private Timings inspectionTimings(Network network) {
        List<Layer> layers = network.layers();
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            String type = layers.get(i).type();
            groups.add(i == 0 ? "stem" : type.equals("pointwise") || type.equals("depthwise") ? type
                    : type.startsWith("conv") ? "conv" : "rest");
        }
        long[] macs = ModelSummary.of(network, resolution).layers().stream().mapToLong(c -> c.macs()).toArray();
        return new Timings(EnginePath.INSPECTION, new long[runs], new long[runs][layers.size()],
                layers.stream().map(Layer::name).toList(), groups, macs);
    }

    private static void timeFast(FastPlan plan, float[] image, Timings t, int r) {
        long[] row = r < 0 ? new long[t.names().size()] : t.parts()[r];
        long start = System.nanoTime();
        plan.logits(image, CancellationToken.NEVER, row);
        if (r >= 0) {
            t.totals()[r] = System.nanoTime() - start;
        }
    }

    private static void timeInspection(NetworkRunner runner, INDArray input, Timings t, int r) {
        long[] row = r < 0 ? new long[t.names().size()] : t.parts()[r];
        RunListener timing = new RunListener() {
            @Override
            public void layerFinished(LayerRun run) {
                row[run.index()] = run.nanos();
            }
        };
        long start = System.nanoTime();
        runner.run(input, timing, CancellationToken.NEVER).close();
        if (r >= 0) {
            t.totals()[r] = System.nanoTime() - start;
        }
    }

    private Map<String, Object> report(Network network, Timings t, double peak, int fastThreads) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", network.name());
        m.put("path", t.path().name().toLowerCase(Locale.ROOT));
        m.put("resolution", resolution);
        m.put("threads", t.path() == EnginePath.FAST ? fastThreads : EngineThreads.get());
        m.put("warmup", warmupRuns);
        m.put("runs", runs);
        m.put("medianMillis", median(t.totals()) / 1e6);
        m.put("minMillis", Arrays.stream(t.totals()).min().orElse(0) / 1e6);
        m.put("macs", ModelSummary.of(network, resolution).macs());
        m.put("untrained", ranUntrained);
        m.put("machine", System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version"));
        m.put("sgemmPeakGflops", peak);
        m.put("matrixLibrary", lab.mobilenet.engine.fast.SgemmPeak.library());
        int n = t.names().size();
        long[] medians = new long[n];
        long sum = 0;
        for (int l = 0; l < n; l++) {
            long[] col = new long[runs];
            for (int r = 0; r < runs; r++) {
                col[r] = t.parts()[r][l];
            }
            medians[l] = median(col);
            sum += medians[l];
        }
        List<Map<String, Object>> layers = new ArrayList<>();
        Map<String, long[]> byGroup = new LinkedHashMap<>(); // group -> {nanos, macs}
        for (int l = 0; l < n; l++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", t.names().get(l));
            row.put("type", t.groups().get(l));
            row.put("medianMillis", medians[l] / 1e6);
            row.put("share", sum == 0 ? 0.0 : medians[l] / (double) sum);
            layers.add(row);
            long[] g = byGroup.computeIfAbsent(t.groups().get(l), k -> new long[2]);
            g[0] += medians[l];
            g[1] += t.macs()[l];
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        for (String name : GROUPS) {
            long[] g = byGroup.get(name);
            if (g == null) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("type", name);
            row.put("millis", g[0] / 1e6);
            row.put("share", sum == 0 ? 0.0 : g[0] / (double) sum);
            row.put("gflops", g[0] == 0 ? 0.0 : 2.0 * g[1] / g[0]);
            groups.add(row);
        }
        m.put("byType", groups);
        m.put("layers", layers);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static String table(Map<String, Object> m) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s at %dx%d, %s warm-up + %s timed runs (%s)%n", m.get("model"),
                m.get("resolution"), m.get("resolution"), m.get("warmup"), m.get("runs"), m.get("machine")));
        b.append(String.format(Locale.ROOT,
                "%.1f M MACs; products on %s; sgemm peak of this CPU %.1f GFLOP/s at %s thread(s)%n",
                ((Long) m.get("macs")) / 1e6, m.get("matrixLibrary"), m.get("sgemmPeakGflops"), m.get("threads")));
        appendPath(b, m);
        Object other = m.get("inspection");
        if (other != null) {
            appendPath(b, (Map<String, Object>) other);
            b.append(String.format(Locale.ROOT, "%ninspection / fast: %.2fx (medians, runs interleaved)%n",
                    m.get("inspectionOverFast")));
        }
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private static void appendPath(StringBuilder b, Map<String, Object> m) {
        double peak = (Double) m.get("sgemmPeakGflops");
        b.append(String.format(Locale.ROOT, "%n%s path, %s thread(s): median %.2f ms, min %.2f ms%n", m.get("path"),
                m.get("threads"), m.get("medianMillis"), m.get("minMillis")));
        b.append("  type         ms   share   GFLOP/s  of peak\n");
        for (Map<String, Object> g : (List<Map<String, Object>>) m.get("byType")) {
            double gf = (Double) g.get("gflops");
            b.append(String.format(Locale.ROOT, "  %-9s %6.2f  %5.1f%%  %8.1f  %6.1f%%%n", g.get("type"), g.get("millis"),
                    100 * (Double) g.get("share"), gf, 100 * gf / peak));
        }
    }

    static long median(long[] values) {
        long[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
