package lab.mobilenet.engine.keras;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a model written as a Keras user writes it, one layer per line:
 * <pre>
 * # my first separable net
 * Input(shape=(64, 64, 3))
 * SeparableConv2D(32, 3, activation='relu')
 * MaxPooling2D()
 * GlobalAveragePooling2D()
 * Dense(10, activation='softmax')
 * </pre>
 * A {@code layers.} or {@code keras.layers.} prefix and a trailing comma are allowed (so lines can be pasted from
 * {@code keras.Sequential([...])}); {@code #} starts a comment. Layers: {@code SeparableConv2D(filters,
 * kernel_size, strides=1, padding='valid', activation=None, use_bias=True)}, {@code Conv2D} with the same
 * arguments, {@code MaxPooling2D(pool_size=2, strides=pool_size, padding='valid')},
 * {@code GlobalAveragePooling2D()}, {@code Flatten()}, {@code Dense(units, activation=None, use_bias=True)}.
 * Sizes may be written {@code 3} or {@code (3, 3)} (square only). Any mistake is one message naming the line.
 */
public final class KerasText {

    private static final Pattern CALL = Pattern.compile("(?:keras\\.)?(?:layers\\.)?(\\w+)\\s*\\((.*)\\)\\s*,?");

    private KerasText() {
    }

    public static KerasModel parse(String text, String name) {
        KerasShape input = null;
        List<KerasLayer> layers = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]).trim();
            if (line.isEmpty()) {
                continue;
            }
            try {
                Matcher m = CALL.matcher(line);
                if (!m.matches()) {
                    throw new IllegalArgumentException("expected a layer such as SeparableConv2D(32, 3), got '" + line + "'");
                }
                Args a = Args.parse(m.group(2));
                String kind = m.group(1);
                if (kind.equals("Input")) {
                    if (input != null || !layers.isEmpty()) {
                        throw new IllegalArgumentException("Input(...) must come first, once");
                    }
                    a.only(0, "shape");
                    int[] s = a.tuple("shape", 0, null);
                    if (s == null || s.length != 3) {
                        throw new IllegalArgumentException("Input needs shape=(height, width, channels)");
                    }
                    input = KerasShape.map(s[0], s[1], s[2]);
                    continue;
                }
                if (input == null) {
                    throw new IllegalArgumentException("the first line must be Input(shape=(height, width, channels))");
                }
                layers.add(layer(kind, a));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        if (input == null) {
            throw new IllegalArgumentException("no Input(shape=(height, width, channels)) line");
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("no layers after the Input line");
        }
        return new KerasModel(name, input, layers);
    }

    /** The model as text in this format; {@link #parse} reads it back to an equal model. */
    public static String format(KerasModel model) {
        StringBuilder b = new StringBuilder();
        KerasShape in = model.input();
        b.append("Input(shape=(").append(in.height()).append(", ").append(in.width()).append(", ")
                .append(in.channels()).append("))\n");
        for (KerasLayer l : model.layers()) {
            b.append(line(l)).append('\n');
        }
        return b.toString();
    }

    /** One layer as a Keras user writes it, leaving out arguments at their defaults. */
    public static String line(KerasLayer layer) {
        if (layer instanceof KerasLayer.SeparableConv2D s) {
            return conv(s.className(), s.filters(), s.kernel(), s.stride(), s.same(), s.activation(), s.bias());
        }
        if (layer instanceof KerasLayer.Conv2D c) {
            return conv(c.className(), c.filters(), c.kernel(), c.stride(), c.same(), c.activation(), c.bias());
        }
        if (layer instanceof KerasLayer.MaxPooling2D p) {
            boolean plain = p.pool() == 2 && p.stride() == 2 && !p.same();
            return "MaxPooling2D(" + (plain ? "" : p.pool() + (p.stride() != p.pool() ? ", strides=" + p.stride() : "")
                    + (p.same() ? ", padding='same'" : "")) + ")";
        }
        if (layer instanceof KerasLayer.Dense d) {
            return "Dense(" + d.units() + (d.activation() != null ? ", activation='" + d.activation() + "'" : "")
                    + (d.bias() ? "" : ", use_bias=False") + ")";
        }
        return layer.className() + "()"; // GlobalAveragePooling2D, Flatten: no arguments
    }

    private static String conv(String kind, int filters, int k, int s, boolean same, String act, boolean bias) {
        return kind + "(" + filters + ", " + k + (s != 1 ? ", strides=" + s : "") + (same ? ", padding='same'" : "")
                + (act != null ? ", activation='" + act + "'" : "") + (bias ? "" : ", use_bias=False") + ")";
    }

    private static KerasLayer layer(String kind, Args a) {
        return switch (kind) {
            case "SeparableConv2D", "Conv2D" -> {
                a.only(2, "filters", "kernel_size", "strides", "padding", "activation", "use_bias");
                int filters = a.integer("filters", 0, null);
                int k = a.square("kernel_size", 1, null);
                int s = a.square("strides", -1, 1);
                boolean same = a.padding();
                String act = a.string("activation", null);
                boolean bias = a.bool("use_bias", true);
                yield kind.equals("Conv2D") ? new KerasLayer.Conv2D(filters, k, s, same, act, bias)
                        : new KerasLayer.SeparableConv2D(filters, k, s, same, act, bias);
            }
            case "MaxPooling2D" -> {
                a.only(2, "pool_size", "strides", "padding");
                int p = a.square("pool_size", 0, 2);
                yield new KerasLayer.MaxPooling2D(p, a.square("strides", 1, p), a.padding());
            }
            case "GlobalAveragePooling2D" -> {
                a.only(0);
                yield new KerasLayer.GlobalAveragePooling2D();
            }
            case "Flatten" -> {
                a.only(0);
                yield new KerasLayer.Flatten();
            }
            case "Dense" -> {
                a.only(1, "units", "activation", "use_bias");
                yield new KerasLayer.Dense(a.integer("units", 0, null), a.string("activation", null),
                        a.bool("use_bias", true));
            }
            default -> throw new IllegalArgumentException("unknown layer '" + kind + "' (SeparableConv2D, Conv2D, "
                    + "MaxPooling2D, GlobalAveragePooling2D, Flatten, Dense)");
        };
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    /** Positional and keyword arguments of one call, as raw strings. */
    private record Args(List<String> positional, Map<String, String> named) {

        static Args parse(String inside) {
            List<String> pos = new ArrayList<>();
            Map<String, String> kw = new HashMap<>();
            for (String part : splitTopLevel(inside)) {
                String p = part.trim();
                if (p.isEmpty()) {
                    continue;
                }
                int eq = p.indexOf('=');
                if (eq > 0 && p.substring(0, eq).trim().matches("\\w+")) {
                    if (kw.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim()) != null) {
                        throw new IllegalArgumentException("argument " + p.substring(0, eq).trim() + " given twice");
                    }
                } else if (!kw.isEmpty()) {
                    throw new IllegalArgumentException("positional argument '" + p + "' after a keyword argument");
                } else {
                    pos.add(p);
                }
            }
            return new Args(pos, kw);
        }

        private static List<String> splitTopLevel(String s) {
            List<String> parts = new ArrayList<>();
            int depth = 0;
            int start = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '(' || c == '[') {
                    depth++;
                } else if (c == ')' || c == ']') {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    parts.add(s.substring(start, i));
                    start = i + 1;
                }
            }
            parts.add(s.substring(start));
            return parts;
        }

        /** Refuses keywords other than {@code allowed} and more than {@code maxPositional} positional arguments. */
        void only(int maxPositional, String... allowed) {
            Set<String> ok = Set.of(allowed);
            for (String k : named.keySet()) {
                if (!ok.contains(k)) {
                    throw new IllegalArgumentException("unknown argument '" + k + "'");
                }
            }
            if (positional.size() > maxPositional) {
                throw new IllegalArgumentException("at most " + maxPositional + " arguments without a name, got "
                        + positional.size() + " (name the others, e.g. strides=2)");
            }
        }

        /** The raw value by keyword, else by position ({@code -1}: keyword only), else null. */
        private String raw(String key, int position) {
            if (named.containsKey(key)) {
                if (position >= 0 && position < positional.size()) {
                    throw new IllegalArgumentException(key + " given twice");
                }
                return named.get(key);
            }
            return position >= 0 && position < positional.size() ? positional.get(position) : null;
        }

        int integer(String key, int position, Integer fallback) {
            String v = raw(key, position);
            if (v == null) {
                if (fallback == null) {
                    throw new IllegalArgumentException(key + " is required");
                }
                return fallback;
            }
            try {
                int n = Integer.parseInt(v);
                if (n <= 0 || n > 65536) {
                    throw new IllegalArgumentException(key + " must be between 1 and 65536, got " + n);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a whole number, got '" + v + "'");
            }
        }

        int[] tuple(String key, int position, int[] fallback) {
            String v = raw(key, position);
            if (v == null || v.equals("None")) {
                return fallback;
            }
            String t = v.trim();
            if (!(t.startsWith("(") && t.endsWith(")")) && !(t.startsWith("[") && t.endsWith("]"))) {
                return new int[] {integerValue(key, t)};
            }
            String[] parts = t.substring(1, t.length() - 1).split(",");
            List<Integer> values = new ArrayList<>();
            for (String p : parts) {
                if (!p.isBlank()) {
                    values.add(integerValue(key, p.trim()));
                }
            }
            return values.stream().mapToInt(Integer::intValue).toArray();
        }

        private static int integerValue(String key, String v) {
            try {
                int n = Integer.parseInt(v);
                if (n <= 0 || n > 65536) {
                    throw new IllegalArgumentException(key + " values must be between 1 and 65536, got " + n);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be whole numbers, got '" + v + "'");
            }
        }

        /** A size written {@code 3} or {@code (3, 3)}; non-square sizes are refused. */
        int square(String key, int position, Integer fallback) {
            int[] t = tuple(key, position, null);
            if (t == null) {
                if (fallback == null) {
                    throw new IllegalArgumentException(key + " is required");
                }
                return fallback;
            }
            if (t.length == 1 || (t.length == 2 && t[0] == t[1])) {
                return t[0];
            }
            throw new IllegalArgumentException(key + " must be one size or a square pair such as (3, 3)");
        }

        String string(String key, String fallback) {
            String v = raw(key, -1);
            if (v == null || v.equals("None")) {
                return fallback;
            }
            if (v.length() >= 2 && (v.charAt(0) == '\'' || v.charAt(0) == '"') && v.charAt(v.length() - 1) == v.charAt(0)) {
                return v.substring(1, v.length() - 1);
            }
            throw new IllegalArgumentException(key + " must be a quoted name such as 'relu', got " + v);
        }

        boolean padding() {
            String p = string("padding", "valid");
            return switch (p) {
                case "valid" -> false;
                case "same" -> true;
                default -> throw new IllegalArgumentException("padding must be 'valid' or 'same', got '" + p + "'");
            };
        }

        boolean bool(String key, boolean fallback) {
            String v = raw(key, -1);
            if (v == null) {
                return fallback;
            }
            return switch (v) {
                case "True" -> true;
                case "False" -> false;
                default -> throw new IllegalArgumentException(key + " must be True or False, got " + v);
            };
        }
    }
}
