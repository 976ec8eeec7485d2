package lab.mobilenet.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A cost formula of the MobileNet paper with the current numbers substituted, both as data (the symbolic
 * form, the terms, the value) and as text, e.g. {@code "D_K·D_K·M·N·D_F·D_F"} and
 * {@code "3·3·3·8·48·48 = 497,664"}.
 *
 * <p>D_F is the side of the output feature map. Photos are rarely square, so the two D_F factors are
 * substituted by the map's height and width. MAC counts are multiply-adds, as in the paper (FLOPs = 2·MACs).
 *
 * @param id          stable id, also the resource key suffix ({@code formula.<id>})
 * @param symbolic    the formula in the paper's symbols
 * @param terms       the symbols with the values substituted, in order of appearance
 * @param substituted the formula with numbers and its value, e.g. {@code "3·3·3·8·48·48 = 497,664"}
 * @param value       the value
 */
public record Formula(String id, String symbolic, List<Term> terms, String substituted, double value) {

    /** One symbol of a formula and the number that replaces it. */
    public record Term(String symbol, double value) {
    }

    public Formula {
        terms = List.copyOf(terms);
    }

    /** Resource key of the formula's caption, {@code formula.<id>}. */
    public String nameKey() {
        return "formula." + id;
    }

    /** The value rounded to a whole number (for MAC and parameter counts, which are exact). */
    public long longValue() {
        return Math.round(value);
    }

    /** {@code symbolic = substituted}, one line. */
    public String text() {
        return symbolic + " = " + substituted;
    }

    /** Standard convolution: D_K·D_K·M·N·D_F·D_F multiply-adds. */
    public static Formula standardMacs(int dk, int m, int n, int outH, int outW) {
        return product("standard-macs", "D_K·D_K·M·N·D_F·D_F",
                t("D_K", dk), t("D_K", dk), t("M", m), t("N", n), t("D_F", outH), t("D_F", outW));
    }

    /** Depthwise convolution: D_K·D_K·M·D_F·D_F multiply-adds (one filter per channel). */
    public static Formula depthwiseMacs(int dk, int m, int outH, int outW) {
        return product("depthwise-macs", "D_K·D_K·M·D_F·D_F",
                t("D_K", dk), t("D_K", dk), t("M", m), t("D_F", outH), t("D_F", outW));
    }

    /** Pointwise (1×1) convolution: M·N·D_F·D_F multiply-adds. */
    public static Formula pointwiseMacs(int m, int n, int outH, int outW) {
        return product("pointwise-macs", "M·N·D_F·D_F", t("M", m), t("N", n), t("D_F", outH), t("D_F", outW));
    }

    /** Depthwise separable = depthwise + pointwise: D_K·D_K·M·D_F·D_F + M·N·D_F·D_F. */
    public static Formula separableMacs(int dk, int m, int n, int outH, int outW) {
        return sum("separable-macs", depthwiseMacs(dk, m, outH, outW), pointwiseMacs(m, n, outH, outW));
    }

    /**
     * Squeeze-excite: two fully connected layers on the pooled channels, C → C_r and C_r → C, so C·C_r + C_r·C
     * = 2·C·C_r multiply-adds (the channel means and the gating multiplications are not counted).
     */
    public static Formula squeezeExciteMacs(int c, int cr) {
        return sum("squeeze-excite-macs", product("", "C·C_r", t("C", c), t("C_r", cr)),
                product("", "C_r·C", t("C_r", cr), t("C", c)));
    }

    /** Separable / standard = 1/N + 1/D_K², the paper's reduction in computation. */
    public static Formula separableRatio(int dk, int n) {
        double v = 1.0 / n + 1.0 / ((double) dk * dk);
        return new Formula("separable-ratio", "1/N + 1/D_K²", List.of(t("N", n), t("D_K", dk)),
                "1/" + n + " + 1/" + dk + "² = " + decimal(v), v);
    }

    /** Grouped convolution: D_K·D_K·(M/g)·N·D_F·D_F; g = 1 is standard, g = M = N depthwise. */
    public static Formula groupedMacs(int dk, int m, int n, int groups, int outH, int outW) {
        checkGroups(m, n, groups);
        return product("grouped-macs", "D_K·D_K·(M/g)·N·D_F·D_F",
                t("D_K", dk), t("D_K", dk), t("M/g", m / groups), t("N", n), t("D_F", outH), t("D_F", outW));
    }

    /** Weights of a standard convolution, D_K·D_K·M·N. */
    public static Formula standardParams(int dk, int m, int n) {
        return product("standard-params", "D_K·D_K·M·N", t("D_K", dk), t("D_K", dk), t("M", m), t("N", n));
    }

    /** Weights of a depthwise convolution, D_K·D_K·M. */
    public static Formula depthwiseParams(int dk, int m) {
        return product("depthwise-params", "D_K·D_K·M", t("D_K", dk), t("D_K", dk), t("M", m));
    }

    /** Weights of a pointwise convolution, M·N. */
    public static Formula pointwiseParams(int m, int n) {
        return product("pointwise-params", "M·N", t("M", m), t("N", n));
    }

    /** Weights of a separable pair, D_K·D_K·M + M·N. */
    public static Formula separableParams(int dk, int m, int n) {
        return sum("separable-params", depthwiseParams(dk, m), pointwiseParams(m, n));
    }

    /** Weights of a grouped convolution, D_K·D_K·(M/g)·N. */
    public static Formula groupedParams(int dk, int m, int n, int groups) {
        checkGroups(m, n, groups);
        return product("grouped-params", "D_K·D_K·(M/g)·N", t("D_K", dk), t("D_K", dk), t("M/g", m / groups),
                t("N", n));
    }

    /**
     * Separable cost with width multiplier α and resolution multiplier ρ:
     * D_K·D_K·αM·ρD_F·ρD_F + αM·αN·ρD_F·ρD_F. The scaled sizes αM, αN, ρD_F are rounded to whole numbers
     * (a network cannot have 0.7 of a channel); the engine's model builders apply timm's exact rounding.
     */
    public static Formula scaledSeparableMacs(int dk, int m, int n, int df, double alpha, double rho) {
        if (!(alpha > 0) || !(rho > 0)) {
            throw new IllegalArgumentException("α and ρ must be positive, got " + alpha + ", " + rho);
        }
        int am = Math.max(1, (int) Math.round(alpha * m));
        int an = Math.max(1, (int) Math.round(alpha * n));
        int rdf = Math.max(1, (int) Math.round(rho * df));
        Formula dw = product("", "D_K·D_K·αM·ρD_F·ρD_F", t("D_K", dk), t("D_K", dk), t("αM", am), t("ρD_F", rdf),
                t("ρD_F", rdf));
        Formula pw = product("", "αM·αN·ρD_F·ρD_F", t("αM", am), t("αN", an), t("ρD_F", rdf), t("ρD_F", rdf));
        return sum("scaled-separable-macs", dw, pw);
    }

    /**
     * The linear-bottleneck lesson's round trip y = T⁺·ReLU(T·x) with T's n substituted: T is n×2 (up into n
     * dimensions), T⁺ its 2×n pseudo-inverse (back down). The value is n.
     */
    public static Formula bottleneckRoundTrip(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive, got " + n);
        }
        return new Formula("bottleneck-round-trip", "y = T⁺·ReLU(T·x)", List.of(t("n", n)),
                "T⁺[2×" + n + "]·ReLU(T[" + n + "×2]·x)", n);
    }

    /**
     * Multiply-adds of that round trip for P points: T·x costs n·2 per point, T⁺·h costs 2·n, so
     * P·n·2 + P·2·n (the ReLU is not counted, as everywhere in the papers).
     */
    public static Formula bottleneckMacs(int points, int n) {
        return sum("bottleneck-macs", product("", "P·n·2", t("P", points), t("n", n), t("2", 2)),
                product("", "P·2·n", t("P", points), t("2", 2), t("n", n)));
    }

    /** Width multiplier α: cost and parameters shrink by about α². */
    public static Formula widthScaling(double alpha) {
        return square("width-scaling", "α²", "α", alpha);
    }

    /** Resolution multiplier ρ: cost shrinks by about ρ² (parameters do not change). */
    public static Formula resolutionScaling(double rho) {
        return square("resolution-scaling", "ρ²", "ρ", rho);
    }

    /**
     * Memory of im2col's column matrix over the image's: (D_K·D_K·M·H'·W') / (M·H·W), about D_K² for stride 1
     * and "same" padding, because every input value is copied into up to D_K² columns.
     */
    public static Formula im2colDuplication(int dk, int m, int outH, int outW, int inH, int inW) {
        long cols = (long) dk * dk * m * outH * outW;
        long img = (long) m * inH * inW;
        double v = (double) cols / img;
        return new Formula("im2col-duplication", "(D_K·D_K·M·H'·W') / (M·H·W)",
                List.of(t("D_K", dk), t("D_K", dk), t("M", m), t("H'", outH), t("W'", outW), t("M", m),
                        t("H", inH), t("W", inW)),
                "(" + dk + "·" + dk + "·" + m + "·" + outH + "·" + outW + ") / (" + m + "·" + inH + "·" + inW + ") = "
                        + integer(cols) + " / " + integer(img) + " = " + decimal(v), v);
    }

    private static Formula product(String id, String symbolic, Term... terms) {
        double v = 1;
        for (Term term : terms) {
            v *= term.value();
        }
        String factors = List.of(terms).stream().map(term -> number(term.value())).collect(Collectors.joining("·"));
        return new Formula(id, symbolic, List.of(terms), factors + " = " + number(v), v);
    }

    private static Formula sum(String id, Formula a, Formula b) {
        List<Term> terms = new ArrayList<>(a.terms());
        terms.addAll(b.terms());
        double v = a.value() + b.value();
        String left = a.substituted().substring(0, a.substituted().lastIndexOf(" = "));
        String right = b.substituted().substring(0, b.substituted().lastIndexOf(" = "));
        return new Formula(id, a.symbolic() + " + " + b.symbolic(), terms,
                left + " + " + right + " = " + number(a.value()) + " + " + number(b.value()) + " = " + number(v), v);
    }

    private static Formula square(String id, String symbolic, String symbol, double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException(symbol + " must be positive, got " + x);
        }
        return new Formula(id, symbolic, List.of(t(symbol, x)), decimal(x) + "² = " + decimal(x * x), x * x);
    }

    private static void checkGroups(int m, int n, int groups) {
        if (groups <= 0 || m % groups != 0 || n % groups != 0) {
            throw new IllegalArgumentException("groups " + groups + " must divide M=" + m + " and N=" + n);
        }
    }

    private static Term t(String symbol, double value) {
        return new Term(symbol, value);
    }

    /** Whole numbers with thousands separators, others with up to four decimals. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 9e15 ? integer((long) v) : decimal(v);
    }

    static String integer(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    static String decimal(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
