package lab.mobilenet.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import lab.mobilenet.engine.fast.FastPlan;
import lab.mobilenet.engine.fast.StepInfo;
import lab.mobilenet.engine.model.ModelName;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.runtime.SeededWeights;
import lab.mobilenet.engine.runtime.Weights;

/**
 * Where two threads gain or lose, step by step: one plan at 1 thread and one at 2, run alternately, each
 * step's median time at both, the sum of the step medians beside the run median (a gap means the run
 * was preempted or the steps' hand-offs cost time), and the spread of the run times.
 *
 * <p>Usage: {@code java -cp ... lab.mobilenet.bench.StepProbe [--model mobilenetv3_small_100] [--runs 60]
 * [--min-delta-us 0]}
 */
public final class StepProbe {

    private StepProbe() {
    }

    public static void main(String[] args) throws Exception {
        Contenders.onLargeStack(() -> probe(args));
    }

    private static void probe(String[] args) throws Exception {
        String model = OrtComparison.option(args, "--model", "mobilenetv3_small_100");
        int runs = Integer.parseInt(OrtComparison.option(args, "--runs", "60"));
        double minDelta = Double.parseDouble(OrtComparison.option(args, "--min-delta-us", "0"));
        Network net = ModelName.parse(model, null).build();
        Weights weights = SeededWeights.create(net, 1);
        int size = Contenders.SIZE;
        float[] image = new float[3 * size * size];
        Random rnd = new Random(7);
        for (int i = 0; i < image.length; i++) {
            image[i] = (float) rnd.nextGaussian();
        }
                int second = Integer.parseInt(OrtComparison.option(args, "--second", "2")); // 1: the same plan twice
        try (FastPlan one = FastPlan.compile(net, weights, size, size, 1);
             FastPlan two = second == 1 ? one : FastPlan.compile(net, weights, size, size, second)) {
            List<StepInfo> steps = one.steps();
            int n = steps.size();
            FastPlan[] plans = {one, two};
            long[][][] stepTimes = new long[2][runs][n];
            long[][] runTimes = new long[2][runs];
            long[] scratch = new long[n];
            for (int i = 0; i < 20; i++) {
                one.logits(image, lab.mobilenet.engine.runtime.CancellationToken.NEVER, scratch);
                two.logits(image, lab.mobilenet.engine.runtime.CancellationToken.NEVER, scratch);
            }
            // --ort N: an ONNX Runtime session of the same network (2 threads) in this process, run N times
            // before every timed pair, as OrtComparison interleaves them
            int ortRuns = Integer.parseInt(OrtComparison.option(args, "--ort", "0"));
            Contenders ort = ortRuns == 0 ? null : new Contenders(model, 2, java.nio.file.Path.of("tools/out/onnx"),
                    java.nio.file.Path.of("/work/shared/weights"));
            long pause = Long.parseLong(OrtComparison.option(args, "--pause-ms", "0"));
            for (int r = 0; r < runs; r++) {
                for (int i = 0; i < ortRuns; i++) {
                    ort.ort();
                }
                if (pause > 0) {
                    Thread.sleep(pause);
                }
                for (int p = 0; p < 2; p++) {
                    plans[p].logits(image); // untimed: the other plan's workers wind down
                    long s = System.nanoTime();
                    plans[p].logits(image, lab.mobilenet.engine.runtime.CancellationToken.NEVER, stepTimes[p][r]);
                    runTimes[p][r] = System.nanoTime() - s;
                }
            }
            if (Boolean.getBoolean("probe.threads")) { // which threads ran, where they may run
                try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
                    tasks.forEach(t -> {
                        try {
                            String status = java.nio.file.Files.readString(t.resolve("status"));
                            String[] stat = java.nio.file.Files.readString(t.resolve("stat")).split("\\) ")[1].split(" ");
                            long ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                            if (ticks > 5) {
                                System.out.println(java.nio.file.Files.readString(t.resolve("comm")).strip() + " ticks "
                                        + ticks + " " + status.lines().filter(l -> l.startsWith("Cpus_allowed_list"))
                                        .findFirst().orElse(""));
                            }
                        } catch (java.io.IOException e) {
                            System.out.println(t + ": " + e);
                        }
                    });
                }
            }
            System.out.printf(Locale.ROOT, "%s, %d runs; medians in µs%n", model, runs);
            System.out.println("| # | step | kind | MMACs | 1t µs | 2t µs | 2t/1t | 1t min | 2t min |");
            System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            double sum1 = 0;
            double sum2 = 0;
            for (int i = 0; i < n; i++) {
                double a = median(column(stepTimes[0], i)) / 1e3;
                double b = median(column(stepTimes[1], i)) / 1e3;
                sum1 += a;
                sum2 += b;
                if (Math.abs(a - b) >= minDelta) {
                    StepInfo s = steps.get(i);
                    System.out.printf(Locale.ROOT, "| %d | %s | %s | %.2f | %.1f | %.1f | %.2f | %.1f | %.1f |%n", i,
                            s.name(), s.kind(), s.macs() / 1e6, a, b, b / a, min(column(stepTimes[0], i)) / 1e3,
                            min(column(stepTimes[1], i)) / 1e3);
                }
            }
            double min1 = 0;
            double min2 = 0;
            for (int i = 0; i < n; i++) {
                min1 += min(column(stepTimes[0], i));
                min2 += min(column(stepTimes[1], i));
            }
            System.out.printf(Locale.ROOT, "sum of step minima: 1t %.2f ms, 2t %.2f ms%n", min1 / 1e6, min2 / 1e6);
            System.out.printf(Locale.ROOT, "sum of step medians: 1t %.2f ms, 2t %.2f ms%n", sum1 / 1e3, sum2 / 1e3);
            System.out.printf(Locale.ROOT, "run median: 1t %.2f ms, 2t %.2f ms; quartiles 1t %.2f–%.2f, 2t %.2f–%.2f;"
                    + " fastest 1t %.2f, 2t %.2f ms%n", median(runTimes[0]) / 1e6, median(runTimes[1]) / 1e6,
                    quantile(runTimes[0], 0.25) / 1e6, quantile(runTimes[0], 0.75) / 1e6,
                    quantile(runTimes[1], 0.25) / 1e6, quantile(runTimes[1], 0.75) / 1e6,
                    min(runTimes[0]) / 1e6, min(runTimes[1]) / 1e6);
        }
    }

    private static long[] column(long[][] t, int i) {
        long[] c = new long[t.length];
        for (int r = 0; r < t.length; r++) {
            c[r] = t[r][i];
        }
        return c;
    }

    private static double quantile(long[] v, double q) {
        long[] s = v.clone();
        java.util.Arrays.sort(s);
        return s[(int) Math.round(q * (s.length - 1))];
    }

    private static long min(long[] v) {
        return java.util.Arrays.stream(v).min().orElse(0);
    }

    private static double median(long[] v) {
        List<Long> l = new ArrayList<>();
        for (long x : v) {
            l.add(x);
        }
        return OrtComparison.median(l);
    }
}
