package lab.mobilenet.engine.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the model names users type: a family ({@code mobilenetv2}, {@code v3-small}, …) with a separate
 * width, or timm's names with the width built in ({@code mobilenetv2_140} = width 1.4).
 */
public record ModelName(Architecture architecture, double width) {

    private static final Pattern TIMM = Pattern.compile("(.+?)_(\\d{3})");

    /**
     * @param name  a family or timm name
     * @param width the width multiplier, or {@code null} to take it from the name (default 1.0)
     */
    public static ModelName parse(String name, Double width) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        Double fromName = null;
        Matcher m = TIMM.matcher(n);
        if (m.matches()) {
            n = m.group(1);
            fromName = Integer.parseInt(m.group(2)) / 100.0;
        }
        Architecture arch = family(n);
        if (arch == null && fromName != null) {
            arch = family(m.group(0)); // a family whose own name ends in three digits
            fromName = arch == null ? fromName : null;
        }
        if (arch == null) {
            throw new IllegalArgumentException("unknown model '" + name + "'; try " + String.join(", ", familyNames())
                    + " or a timm name like mobilenetv2_140");
        }
        if (fromName != null && width != null && Math.abs(fromName - width) > 1e-9) {
            throw new IllegalArgumentException("model '" + name + "' has width " + fromName + " but --width says " + width);
        }
        double w = width != null ? width : fromName != null ? fromName : 1.0;
        if (!(w > 0 && w <= 4)) {
            throw new IllegalArgumentException("width multiplier must be in (0, 4], got " + w);
        }
        return new ModelName(arch, w);
    }

    private static Architecture family(String n) {
        for (Architecture a : Architecture.values()) {
            if (a.family().names().contains(n)) {
                return a;
            }
        }
        return null;
    }

    /** Every family's base name, in declaration order: what the command line lists. */
    public static List<String> familyNames() {
        return Arrays.stream(Architecture.values()).map(Architecture::baseName).toList();
    }

    public Network build() {
        return NetworkBuilder.build(architecture, width);
    }

    public Network build(int numClasses) {
        return NetworkBuilder.build(architecture, width, numClasses);
    }

    public String timmName() {
        return architecture.timmName(width);
    }
}
