package lab.mobilenet.engine.runtime;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the libnd4j build for this CPU before ND4J loads. JavaCPP, left alone, takes the last variant of
 * Nd4jCpu's {@code @Platform(extension=...)} list that is on the class path (-avx512 before -avx2 before the
 * generic build) without asking the CPU, so a machine without AVX-512 would die of an illegal instruction. Given
 * {@code org.bytedeco.javacpp.platform.extension}, it looks only in {@code <platform><extension>/} and then in
 * the generic {@code <platform>/}. Call {@link #apply()} first thing in every entry point: once JavaCPP has read
 * its properties the choice cannot change.
 */
public final class NativeSelection {

    /** The user's override: generic, avx2, avx512 or auto (the default). */
    public static final String OVERRIDE_PROPERTY = "mobilenet.native";
    static final String JAVACPP_EXTENSION = "org.bytedeco.javacpp.platform.extension";
    /**
     * Set for the generic build. An empty value would not do: JavaCPP takes "" as unset and tries every variant.
     * No directory is called this, so JavaCPP falls through to the generic one.
     */
    static final String NO_VARIANT = "-generic";

    private static final Logger LOG = LoggerFactory.getLogger(NativeSelection.class);
    private static Choice applied;

    private NativeSelection() {
    }

    /** What was chosen and why, in one line for the log. */
    public record Choice(NativeVariant variant, String reason) {
    }

    /**
     * The best variant that is on the class path and runs on a CPU with {@code cpuFlags}, no better than the
     * {@code override} (a variant's name, "auto" or null); never one the CPU lacks flags for, even when asked.
     */
    public static Choice choose(Set<String> cpuFlags, Set<NativeVariant> onClassPath, String override) {
        NativeVariant cap = NativeVariant.byKey(override);
        String note = "";
        if (override != null && !override.isBlank() && cap == null
                && !override.trim().equalsIgnoreCase("auto")) {
            note = "; " + OVERRIDE_PROPERTY + "=" + override + " is not generic, avx2, avx512 or auto, ignored";
        }
        NativeVariant[] all = NativeVariant.values();
        for (int i = all.length - 1; i > 0; i--) {
            NativeVariant v = all[i];
            if (cap != null && v.ordinal() > cap.ordinal()) {
                continue;
            }
            Set<String> missing = v.missingFrom(cpuFlags);
            if (!missing.isEmpty()) {
                if (v == cap) {
                    note += "; " + OVERRIDE_PROPERTY + "=" + v.key() + " asked, but this CPU lacks "
                            + String.join(", ", missing);
                }
                continue;
            }
            if (!onClassPath.contains(v)) {
                if (v == cap) {
                    note += "; " + OVERRIDE_PROPERTY + "=" + v.key() + " asked, but this build does not include it";
                }
                continue;
            }
            String why = v == cap ? "asked with " + OVERRIDE_PROPERTY + "=" + v.key()
                    : "the CPU has " + String.join(", ", v.needs());
            return new Choice(v, why + note);
        }
        String why = cap == NativeVariant.GENERIC ? "asked with " + OVERRIDE_PROPERTY + "=generic"
                : "no faster build on the class path runs on this CPU";
        return new Choice(NativeVariant.GENERIC, why + note);
    }

    /**
     * Chooses for this machine (its {@code /proc/cpuinfo}, the variants on the class path, the override) and
     * tells JavaCPP; logs the choice once. A JavaCPP extension the user set is left alone. Returns the choice.
     */
    public static synchronized Choice apply() {
        if (applied != null) {
            return applied;
        }
        String given = System.getProperty(JAVACPP_EXTENSION);
        if (given != null && !given.isEmpty()) {
            NativeVariant v = given.endsWith("-avx512") ? NativeVariant.AVX512
                    : given.endsWith("-avx2") ? NativeVariant.AVX2 : NativeVariant.GENERIC;
            applied = new Choice(v, JAVACPP_EXTENSION + "=" + given + " given on the command line");
        } else {
            String platform = javacppPlatform();
            applied = choose(CpuFlags.ofThisMachine(), onClassPath(platform), System.getProperty(OVERRIDE_PROPERTY));
            System.setProperty(JAVACPP_EXTENSION,
                    applied.variant() == NativeVariant.GENERIC ? NO_VARIANT : applied.variant().extension());
        }
        LOG.info("native build: {} ({})", applied.variant().key(), applied.reason());
        return applied;
    }

    /** The variants whose libnd4jcpu this class path holds for {@code platform}. */
    static Set<NativeVariant> onClassPath(String platform) {
        Set<NativeVariant> found = EnumSet.noneOf(NativeVariant.class);
        ClassLoader loader = NativeSelection.class.getClassLoader();
        for (NativeVariant v : NativeVariant.values()) {
            if (loader.getResource(v.libraryResource(platform)) != null) {
                found.add(v);
            }
        }
        return found;
    }

    /** JavaCPP's name for this platform (as Loader.getPlatform, without loading JavaCPP). */
    static String javacppPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "macosx" : os.startsWith("linux")
                ? "linux" : os.replaceAll("\\W", "");
        String a = arch.equals("amd64") || arch.equals("x86_64") || arch.equals("x86-64") ? "x86_64"
                : arch.equals("aarch64") ? "arm64" : arch;
        return o + "-" + a;
    }
}
