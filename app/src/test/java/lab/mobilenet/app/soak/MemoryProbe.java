package lab.mobilenet.app.soak;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The soak test's view of where resident memory goes: the process's RSS, the JVM's own account of its native
 * memory (Native Memory Tracking, when the JVM was started with {@code -XX:NativeMemoryTracking=summary}),
 * ND4J's live data buffers, and the C allocator's free memory (what {@code System.trim_native_heap} gives
 * back). RSS minus NMT's committed total is memory the JVM does not know of: libnd4j's buffers and the C
 * allocator's arenas.
 */
final class MemoryProbe {
    private static final Pattern TOTAL = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB");
    private static final Pattern CATEGORY = Pattern.compile("-\\s+([A-Za-z ]+?) \\(reserved=\\d+KB, committed=(\\d+)KB");
    private static final Pattern TRIMMED = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])"); // "440M->365M"

    private MemoryProbe() {
    }

    static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    private static String diagnostic(String operation, String... args) {
        try {
            Object out = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), operation, new Object[] {args},
                    new String[] {String[].class.getName()});
            return String.valueOf(out);
        } catch (Exception e) {
            return "unavailable: " + e;
        }
    }

    /** NMT's committed KB: "Total" first, then each category; empty when NMT is off. */
    static Map<String, Long> nativeMemoryKb() {
        String summary = diagnostic("vmNativeMemory", "summary");
        Map<String, Long> kb = new LinkedHashMap<>();
        Matcher total = TOTAL.matcher(summary);
        if (!total.find()) {
            return kb;
        }
        kb.put("Total", Long.parseLong(total.group(1)));
        Matcher category = CATEGORY.matcher(summary);
        while (category.find()) {
            kb.put(category.group(1).trim(), Long.parseLong(category.group(2)));
        }
        return kb;
    }

    /** Takes NMT's baseline for {@link #nativeMemoryDiff()}. */
    static void nativeMemoryBaseline() {
        diagnostic("vmNativeMemory", "baseline");
    }

    /** NMT's summary.diff against the baseline, as the JVM prints it. */
    static String nativeMemoryDiff() {
        return diagnostic("vmNativeMemory", "summary.diff");
    }

    /** Asks glibc to return its free memory to the system; the KB it held before and after, or null. */
    static long[] trimNativeHeap() {
        Matcher m = TRIMMED.matcher(lab.mobilenet.app.ui.concurrent.NativeHeapTrimmer.trimOnce().orElse(""));
        return m.find() ? new long[] {kb(m.group(1), m.group(2)), kb(m.group(3), m.group(4))} : null;
    }

    private static long kb(String number, String unit) {
        return Long.parseLong(number) << (unit.equals("K") ? 0 : unit.equals("M") ? 10 : 20);
    }

    /** ND4J's live data buffers: its deallocator keeps one reference per buffer until it has freed it. */
    static long liveNd4jBuffers() {
        try {
            Object service = Nd4j.getDeallocatorService();
            java.lang.reflect.Field map = service.getClass().getDeclaredField("referenceMap");
            map.setAccessible(true);
            return ((Map<?, ?>) map.get(service)).size();
        } catch (ReflectiveOperationException e) {
            return -1;
        }
    }
}
