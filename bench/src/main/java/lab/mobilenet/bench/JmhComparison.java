package lab.mobilenet.bench;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link EngineVsOrtBenchmark} under JMH and prints engine / ORT per network and thread count.
 * Options: {@code --onnx DIR --weights DIR --models a,b --threads 1,2 --quick}.
 */
public final class JmhComparison {

    private JmhComparison() {
    }

    public static void main(String[] args) throws Exception {
        Contenders.onLargeStack(() -> compare(args));
    }

    private static void compare(String[] args) throws Exception {
        org.openjdk.jmh.runner.options.ChainedOptionsBuilder b = new OptionsBuilder()
                .include(EngineVsOrtBenchmark.class.getSimpleName())
                .jvmArgsAppend("-Xss16m", "-Dbench.onnx=" + OrtComparison.option(args, "--onnx", "tools/out/onnx"),
                        "-Dbench.weights=" + OrtComparison.option(args, "--weights", "/work/shared/weights"));
        String models = OrtComparison.option(args, "--models", null);
        if (models != null) {
            b.param("model", models.split(","));
        }
        String threads = OrtComparison.option(args, "--threads", null);
        if (threads != null) {
            b.param("threads", threads.split(","));
        }
        if (java.util.Arrays.asList(args).contains("--quick")) { // a smoke run: 1 warm-up, 2 measured iterations
            b.warmupIterations(1).measurementIterations(2);
        }
        Options options = b.build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, double[]> byCase = new TreeMap<>(); // "model threads" -> {engine, ort}
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            String key = r.getParams().getParam("model") + " " + r.getParams().getParam("threads");
            double[] v = byCase.computeIfAbsent(key, k -> new double[2]);
            // the median of the samples: the mean is dominated by the stalls of a shared machine
            v[name.endsWith("engine") ? 0 : 1] = r.getPrimaryResult().getStatistics().getPercentile(50);
        }
        System.out.println("| model | threads | engine median ms | ORT median ms | engine / ORT |");
        System.out.println("| --- | --- | --- | --- | --- |");
        byCase.forEach((k, v) -> System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f |%n",
                k.split(" ")[0], k.split(" ")[1], v[0], v[1], v[0] / v[1]));
    }
}
