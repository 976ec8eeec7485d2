package lab.mobilenet.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import lab.mobilenet.engine.cost.ModelSummary;
import lab.mobilenet.engine.model.Layer;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.runtime.CancellationToken;
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

/** {@code bench}: batch-1 latency, median over timed runs after warm-up, and where the time goes. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure batch-1 inference latency (median and minimum) and each layer's share of the time.")
final class BenchCommand implements Callable<Integer> {

    @Mixin
    ModelOptions modelOptions;

    @Option(names = {"-r", "--resolution"}, defaultValue = "224", description = "input size (default 224)")
    int resolution;

    @Option(names = {"-t", "--threads"}, description = "native threads for ND4J (default: all cores)")
    Integer threads;

    @Option(names = "--warmup", defaultValue = "5", description = "untimed runs first (default 5)")
    int warmup;

    @Option(names = "--runs", defaultValue = "20", description = "timed runs (default 20)")
    int runs;

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

    @Override
    public Integer call() {
        if (!format.equals("table") && !format.equals("json")) {
            throw new UserInputException("unknown format '" + format + "' (table or json)");
        }
        if (runs < 1 || warmup < 0) {
            throw new UserInputException("--runs must be at least 1 and --warmup at least 0");
        }
        if (resolution < 32 || resolution > 2048) {
            throw new UserInputException("resolution must be between 32 and 2048, got " + resolution);
        }
        if (threads != null) {
            if (threads < 1) {
                throw new UserInputException("--threads must be at least 1");
            }
            EngineThreads.set(threads);
        }
        Network network = modelOptions.parse().build();
        int n = network.layers().size();
        long[][] layerNanos = new long[runs][n];
        long[] totals = new long[runs];
        WeightsLoading.Loaded loaded = WeightsLoading.load(network, weightsFile, untrained, cli,
                spec.commandLine().getErr(), WeightsLoading.WhenMissing.UNTRAINED);
        ranUntrained = loaded.untrained();
        try (Weights weights = loaded.weights();
             INDArray input = Nd4j.rand(new int[] {1, 3, resolution, resolution}).subi(0.5)) {
            NetworkRunner runner = new NetworkRunner(network, weights);
            for (int i = 0; i < warmup; i++) {
                runner.run(input).close();
            }
            for (int r = 0; r < runs; r++) {
                long[] row = layerNanos[r];
                RunListener timing = new RunListener() {
                    @Override
                    public void layerFinished(LayerRun run) {
                        row[run.index()] = run.nanos();
                    }
                };
                long start = System.nanoTime();
                runner.run(input, timing, CancellationToken.NEVER).close();
                totals[r] = System.nanoTime() - start;
            }
        }
        Map<String, Object> report = report(network, totals, layerNanos);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.equals("json") ? SummaryFormat.write(report) : table(report));
        out.flush();
        return 0;
    }

    private Map<String, Object> report(Network network, long[] totals, long[][] layerNanos) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", network.name());
        m.put("resolution", resolution);
        m.put("threads", EngineThreads.get());
        m.put("warmup", warmup);
        m.put("runs", runs);
        m.put("medianMillis", median(totals) / 1e6);
        m.put("minMillis", Arrays.stream(totals).min().orElse(0) / 1e6);
        m.put("macs", ModelSummary.of(network, resolution).macs());
        m.put("untrained", ranUntrained);
        m.put("machine", System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version"));
        List<Map<String, Object>> layers = new ArrayList<>();
        long[] medians = new long[layerNanos[0].length];
        long sum = 0;
        for (int l = 0; l < medians.length; l++) {
            long[] col = new long[layerNanos.length];
            for (int r = 0; r < layerNanos.length; r++) {
                col[r] = layerNanos[r][l];
            }
            medians[l] = median(col);
            sum += medians[l];
        }
        for (int l = 0; l < medians.length; l++) {
            Layer layer = network.layers().get(l);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", layer.name());
            row.put("type", layer.type());
            row.put("medianMillis", medians[l] / 1e6);
            row.put("share", sum == 0 ? 0.0 : medians[l] / (double) sum);
            layers.add(row);
        }
        m.put("layers", layers);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static String table(Map<String, Object> m) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s at %dx%d, %s threads, %s warm-up + %s timed runs (%s)%n",
                m.get("model"), m.get("resolution"), m.get("resolution"), m.get("threads"), m.get("warmup"),
                m.get("runs"), m.get("machine")));
        b.append(String.format(Locale.ROOT, "median %.2f ms, min %.2f ms, %.1f M MACs%n%n", m.get("medianMillis"),
                m.get("minMillis"), ((Long) m.get("macs")) / 1e6));
        Map<String, Double> byType = new LinkedHashMap<>();
        for (Map<String, Object> row : (List<Map<String, Object>>) m.get("layers")) {
            byType.merge((String) row.get("type"), (Double) row.get("share"), Double::sum);
        }
        b.append("time share by layer type:\n");
        byType.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> b.append(String.format(Locale.ROOT, "  %-16s %5.1f%%%n", e.getKey(), 100 * e.getValue())));
        return b.toString();
    }

    static long median(long[] values) {
        long[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
