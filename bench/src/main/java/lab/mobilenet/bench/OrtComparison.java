package lab.mobilenet.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Engine (fast path) against ONNX Runtime, interleaved in one JVM: for every network and thread count,
 * alternating blocks of runs (engine block, ORT block, …; the first run of each block is dropped, so
 * that neither pays for the other's threads winding down), then the median of each and their ratio.
 * Absolute times drift on a shared machine; the ratio measured side by side is the number to report.
 *
 * <p>Each runtime has the machine to itself during its block: ONNX Runtime's session is closed before each
 * engine block and opened again (ten untimed runs) before each ORT block. Its idle intra-op workers keep
 * spinning while their session is open (measured: one took 1.65 s of CPU in 2 s in which ORT itself ran a
 * fraction of the time), and on two cores that took a core from the engine's block that followed. With
 * one session shared by all blocks ({@code --ort-session shared}, the default before 2026-12-02) the
 * engine's two-thread medians were 1.2–1.7× what they are with the session closed, ORT's own the same
 * (quiet machine, 22:10 UTC: V2 15.4 against 10.3 ms, ORT 5.0 and 4.9 ms). Turning ORT's spinning off
 * ({@code -Dort.noSpin=true}) instead made ORT itself slower and noisier. {@code --pause-ms N} sleeps
 * before each block.
 *
 * <p>Usage: {@code java -cp ... lab.mobilenet.bench.OrtComparison [--onnx DIR] [--weights DIR]
 * [--threads 1,2] [--rounds 15] [--block 4] [--pause-ms 0] [--ort-session per-block|shared]
 * [--models a,b]}
 */
public final class OrtComparison {

    static final List<String> MODELS = List.of("mobilenetv1_100", "mobilenetv2_100", "mobilenetv3_large_100",
            "mobilenetv3_small_100");

    private OrtComparison() {
    }

    public static void main(String[] args) throws Exception {
        Contenders.onLargeStack(() -> compare(args));
    }

    private static void compare(String[] args) throws Exception {
        Path onnx = Path.of(option(args, "--onnx", "tools/out/onnx"));
        Path weights = Path.of(option(args, "--weights", "/work/shared/weights"));
        int[] threadCounts = Arrays.stream(option(args, "--threads", "1,2").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        int rounds = Integer.parseInt(option(args, "--rounds", "15"));
        int block = Integer.parseInt(option(args, "--block", "4"));
        long pause = Long.parseLong(option(args, "--pause-ms", "0"));
        boolean sessionPerBlock = !option(args, "--ort-session", "per-block").equals("shared");
        List<String> models = List.of(option(args, "--models", String.join(",", MODELS)).split(","));
        System.out.printf(Locale.ROOT, "%s, %d cores, Java %s, %s; batch 1, %dx%d, %d rounds x %d runs each, ORT session %s, "
                        + "engine's products on %s%n",
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), Instant.now(),
                Contenders.SIZE, Contenders.SIZE, rounds, block - 1, sessionPerBlock ? "per block" : "shared",
                lab.mobilenet.engine.fast.SgemmPeak.library());
        System.out.println("| model | threads | engine ms | ORT ms | engine / ORT | logits agree |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        for (String model : models) {
            for (int t : threadCounts) {
                try (Contenders c = new Contenders(model, t, onnx, weights)) {
                    for (int i = 0; i < 10; i++) { // warm-up: JIT, ORT's arena
                        c.engine();
                        c.ort();
                    }
                    List<Long> engine = new ArrayList<>();
                    List<Long> ort = new ArrayList<>();
                    for (int r = 0; r < rounds; r++) {
                        if (sessionPerBlock) {
                            c.closeOrt(); // its idle workers spin (see the class comment)
                        }
                        Thread.sleep(pause);
                        for (int i = 0; i < block; i++) {
                            long s = System.nanoTime();
                            c.engine();
                            if (i > 0) {
                                engine.add(System.nanoTime() - s);
                            }
                        }
                        if (sessionPerBlock) {
                            c.openOrt();
                            for (int i = 0; i < 10; i++) { // a new session's first runs are slow (arena, threads)
                                c.ort();
                            }
                        }
                        Thread.sleep(pause);
                        for (int i = 0; i < block; i++) {
                            long s = System.nanoTime();
                            c.ort();
                            if (i > 0) {
                                ort.add(System.nanoTime() - s);
                            }
                        }
                    }
                    double e = median(engine) / 1e6;
                    double o = median(ort) / 1e6;
                    String agree = c.sameWeights ? String.format(Locale.ROOT, "%.1e", c.disagreement())
                            : "(random weights)";
                    System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %s |%n", model, t, e, o, e / o, agree);
                }
            }
        }
    }

    static double median(List<Long> v) {
        long[] s = v.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
