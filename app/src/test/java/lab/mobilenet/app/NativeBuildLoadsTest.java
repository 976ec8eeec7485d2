package lab.mobilenet.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The libnd4j build Main chooses on this machine is the one JavaCPP loads, and it runs: {@code bench} in a
 * fresh JVM (a choice is made once per process), with JavaCPP's own debug log saying which file it loaded.
 */
class NativeBuildLoadsTest {

    /** What each build needs, as this test reads libnd4j's CMake flags (-mavx2 -mfma -mf16c; skylake-avx512). */
    private static final Map<String, List<String>> NEEDS = Map.of(
            "avx2", List.of("avx2", "fma", "f16c"),
            "avx512", List.of("avx2", "fma", "f16c", "avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512cd"));

    private static final Pattern CHOSEN = Pattern.compile("native build: (\\w+) \\(");
    private static final Pattern LOADED = Pattern.compile("Loading \\S*/bindings/([\\w-]+)/libnd4jcpu\\.\\w+");

    private record Run(int exit, String stdout, String stderr) {
    }

    private static Run bench(String... jvmOptions) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dorg.bytedeco.javacpp.logger.debug=true",
                "-Dorg.slf4j.simpleLogger.log.lab.mobilenet.engine.runtime.NativeSelection=info", "-Duser.home=" + System.getProperty("user.home")));
        cmd.addAll(Arrays.asList(jvmOptions));
        cmd.addAll(List.of(Main.class.getName(), "bench", "-m", "mobilenetv1", "-w", "0.25", "-r", "64",
                "--untrained", "--path", "both", "--threads", "1", "--warmup", "1", "--warmup-seconds", "0", "--runs", "1"));
        Path out = Files.createTempFile("bench", ".out");
        Path err = Files.createTempFile("bench", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertTrue(p.waitFor(300, TimeUnit.SECONDS), "bench finished");
            return new Run(p.exitValue(), Files.readString(out), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** This machine's platform as JavaCPP names its folders, worked out here rather than by the app. */
    private static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String o = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "macosx" : "windows";
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : "arm64";
        return o + "-" + a;
    }

    private static Set<String> cpuFlags() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.exists(cpuinfo)) {
            return Set.of();
        }
        Set<String> flags = new HashSet<>();
        for (String line : Files.readAllLines(cpuinfo, StandardCharsets.ISO_8859_1)) {
            if (line.startsWith("flags")) {
                flags.addAll(Arrays.asList(line.substring(line.indexOf(':') + 1).trim().split("\\s+")));
                break;
            }
        }
        return flags;
    }

    /** The most advanced build that this class path holds and whose flags this CPU has. */
    private static String best() throws IOException {
        for (String v : List.of("avx512", "avx2")) {
            String lib = "org/nd4j/linalg/cpu/nativecpu/bindings/" + platform() + "-" + v + "/libnd4jcpu.so";
            boolean shipped = NativeBuildLoadsTest.class.getClassLoader().getResource(lib) != null;
            if (shipped && cpuFlags().containsAll(NEEDS.get(v))) {
                return v;
            }
        }
        return "generic";
    }

    private static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        assertTrue(m.find(), "no match for " + p + " in:\n" + text);
        return m.group(1);
    }

    @Test
    void theBuildChosenForThisCpuIsTheOneLoadedAndItRuns() throws Exception {
        Run run = bench();
        assertEquals(0, run.exit(), run.stderr());
        assertTrue(run.stdout().contains("depthwise"), run.stdout());
        String chosen = group(CHOSEN, run.stderr());
        assertEquals(best(), chosen, "flags " + cpuFlags());
        String folder = platform() + (chosen.equals("generic") ? "" : "-" + chosen);
        assertEquals(folder, group(LOADED, run.stderr()));
    }

    @Test
    void theOverrideGenericLoadsTheGenericBuild() throws Exception {
        Run run = bench("-Dmobilenet.native=generic");
        assertEquals(0, run.exit(), run.stderr());
        assertEquals("generic", group(CHOSEN, run.stderr()));
        assertEquals(platform(), group(LOADED, run.stderr()));
    }
}
