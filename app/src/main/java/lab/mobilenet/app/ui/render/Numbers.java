package lab.mobilenet.app.ui.render;

import java.util.Locale;

/** How numbers read on screen: short, signed, with grouping for big counts. */
public final class Numbers {

    private Numbers() {
    }

    /** A value in a grid cell: two decimals, a true minus sign, "0" for exact zero. */
    public static String cell(float v) {
        if (v == 0f) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.2f", v);
        if (s.equals("-0.00")) {
            return "0.00";
        }
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }

    /** A value in the running sum: three decimals. */
    public static String sum(float v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        if (s.equals("-0.000")) {
            return "0.000"; // a tiny negative value rounds to zero: no sign
        }
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }

    /** A count with thousands separators, e.g. {@code 1,234,567}. */
    public static String count(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    /** Bytes in B, KB, MB (powers of 1024), one decimal above B. */
    public static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        if (b < 1024L * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", b / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", b / (1024.0 * 1024));
    }

    /** A ratio such as 0.1389 → "0.139" and, as a factor, "7.2×". */
    public static String ratio(double r) {
        return String.format(Locale.ROOT, "%.3f", r);
    }

    public static String factor(double r) {
        return String.format(Locale.ROOT, "%.1f×", r);
    }
}
