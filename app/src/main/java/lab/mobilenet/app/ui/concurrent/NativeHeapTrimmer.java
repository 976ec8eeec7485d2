package lab.mobilenet.app.ui.concurrent;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;

/**
 * Gives the C allocator's free memory back to the system now and then, so that a long classroom session's
 * resident size stays flat. Why: the soak test found no leak (Java heap, JavaCPP's and ND4J's counts flat), but
 * glibc keeps the memory freed by ND4J's native buffers and the JIT's compiler arenas in its own pools; RSS rose
 * 28 MB in 10 minutes without trimming and had no trend with it (docs/ROBUSTNESS.md). The JVM option that does
 * this ({@code -XX:TrimNativeHeapInterval}) cannot be given through {@code java -jar}, so the app asks for the same
 * diagnostic command ({@code System.trim_native_heap}) itself. Where the JVM or C library has no such command
 * (macOS, Windows, musl, older JDKs) the first attempt says so and the trimmer stops.
 */
public final class NativeHeapTrimmer {

    private static final String COMMAND = "systemTrimNativeHeap";

    private NativeHeapTrimmer() {
    }

    /**
     * Asks once. The JVM's one-line answer (e.g. {@code Trim native heap: RSS+Swap: 440M->365M (-75M)}), or empty
     * when this JVM / C library cannot trim.
     */
    public static Optional<String> trimOnce() {
        try {
            Object out = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), COMMAND,
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            String line = String.valueOf(out).strip();
            return line.toLowerCase(java.util.Locale.ROOT).contains("not available")
                    || line.toLowerCase(java.util.Locale.ROOT).contains("not supported") ? Optional.empty()
                    : Optional.of(line);
        } catch (Exception | LinkageError e) { // no such command, no management: nothing to do
            return Optional.empty();
        }
    }

    /** Trims every {@code seconds} on one daemon thread until the JVM exits; stops at once where unsupported. */
    public static void start(long seconds) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "native-heap-trim");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            if (trimOnce().isEmpty()) {
                timer.shutdown();
            }
        }, seconds, seconds, TimeUnit.SECONDS);
    }
}
