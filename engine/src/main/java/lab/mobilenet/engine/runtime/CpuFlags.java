package lab.mobilenet.engine.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The instruction-set flags of this CPU as Linux lists them in {@code /proc/cpuinfo}. Every core must have a
 * flag for it to count, so a machine mixing core types never gets a build that one of them cannot run.
 */
public final class CpuFlags {

    private CpuFlags() {
    }

    /**
     * The flags present on every processor listed in {@code cpuinfo} (the text of {@code /proc/cpuinfo}); empty
     * when it lists none, as on ARM, where the field is called "Features" and no variant applies.
     */
    public static Set<String> parse(String cpuinfo) {
        Set<String> common = null;
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0 || !line.substring(0, colon).trim().equals("flags")) {
                continue;
            }
            Set<String> these = new HashSet<>(Arrays.asList(
                    line.substring(colon + 1).trim().toLowerCase(Locale.ROOT).split("\\s+")));
            these.remove("");
            if (common == null) {
                common = these;
            } else {
                common.retainAll(these);
            }
        }
        return common == null ? Set.of() : Set.copyOf(common);
    }

    /** This machine's flags; empty when {@code /proc/cpuinfo} cannot be read (not Linux). */
    public static Set<String> ofThisMachine() {
        try {
            return parse(Files.readString(Path.of("/proc/cpuinfo"), StandardCharsets.ISO_8859_1));
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
    }
}
