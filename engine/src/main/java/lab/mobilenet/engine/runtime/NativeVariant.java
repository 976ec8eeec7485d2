package lab.mobilenet.engine.runtime;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The builds of libnd4j that Maven Central has for one platform, and what each needs of the CPU. The lists
 * follow libnd4j's CMake flags: the -avx2 build is compiled with {@code -mavx2 -mfma -mf16c} (and SSE4.2), the
 * -avx512 one with {@code -march=skylake-avx512}, which also lets the compiler use BMI1/2, MOVBE and POPCNT.
 * Flags are named as Linux's {@code /proc/cpuinfo} names them.
 */
public enum NativeVariant {
    GENERIC("generic", "", Set.of()),
    AVX2("avx2", "-avx2", Set.of("sse4_2", "avx", "avx2", "fma", "f16c")),
    AVX512("avx512", "-avx512", Set.of("sse4_2", "avx", "avx2", "fma", "f16c", "bmi1", "bmi2", "movbe", "popcnt",
            "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"));

    private final String key;
    private final String extension;
    private final Set<String> needs;

    NativeVariant(String key, String extension, Set<String> needs) {
        this.key = key;
        this.extension = extension;
        this.needs = needs;
    }

    /** The name users give in {@code -Dmobilenet.native=}. */
    public String key() {
        return key;
    }

    /** What JavaCPP appends to the platform: the Maven classifier is {@code linux-x86_64} + this. */
    public String extension() {
        return extension;
    }

    /** The CPU flags it needs, sorted. */
    public Set<String> needs() {
        return new TreeSet<>(needs);
    }

    /** The CPU flags it needs that {@code flags} lacks, sorted; empty when it runs there. */
    public Set<String> missingFrom(Set<String> flags) {
        Set<String> missing = new TreeSet<>(needs);
        missing.removeAll(flags);
        return missing;
    }

    /** Where the variant's libnd4jcpu lies on the class path for {@code platform} (JavaCPP's name, e.g. linux-x86_64). */
    public String libraryResource(String platform) {
        return "org/nd4j/linalg/cpu/nativecpu/bindings/" + platform + extension + "/libnd4jcpu"
                + (platform.startsWith("windows") ? ".dll" : platform.startsWith("macosx") ? ".dylib" : ".so");
    }

    /** The variant named {@code key} (case-insensitive), or null for "auto", blank or an unknown name. */
    public static NativeVariant byKey(String key) {
        if (key == null) {
            return null;
        }
        for (NativeVariant v : values()) {
            if (v.key.equals(key.trim().toLowerCase(Locale.ROOT))) {
                return v;
            }
        }
        return null;
    }
}
