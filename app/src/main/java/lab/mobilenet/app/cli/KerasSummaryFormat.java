package lab.mobilenet.app.cli;

import java.util.List;
import java.util.Locale;
import lab.mobilenet.engine.keras.KerasModel;

/**
 * A Keras model's summary in the layout of Keras's {@code model.summary()} (layer name and class, output
 * shape, Param #), with a MACs column, then the same net with standard {@code Conv2D} and what the separable
 * convolutions save.
 */
final class KerasSummaryFormat {


    private KerasSummaryFormat() {
    }

    static String text(KerasModel model) {
        KerasModel standard = model.asStandard();
        StringBuilder b = new StringBuilder();
        table(b, model);
        b.append(String.format(Locale.ROOT, "%nThe same net with standard Conv2D in place of SeparableConv2D:%n%n"));
        table(b, standard);
        long p = model.params();
        long ps = standard.params();
        long m = model.macs();
        long ms = standard.macs();
        b.append(String.format(Locale.ROOT, "%nSeparable against standard: %s against %s params (%.1f %%), "
                + "%s against %s MACs (%.1f %%)%n", group(p), group(ps), 100.0 * p / ps, group(m), group(ms),
                ms == 0 ? 100.0 : 100.0 * m / ms));
        return b.toString();
    }

    private static void table(StringBuilder b, KerasModel model) {
        List<KerasModel.Row> rows = model.summary();
        int first = Math.max(36, rows.stream().mapToInt(r -> r.name().length() + r.className().length() + 3).max().orElse(0));
        String row = "%-" + first + "s %-22s %12s %16s%n";
        String rule = "=".repeat(first + 53);
        b.append(String.format(Locale.ROOT, "Model: \"%s\"   input (None, %d, %d, %d)%n", model.name(),
                model.input().height(), model.input().width(), model.input().channels()));
        b.append("_".repeat(first + 53)).append('\n');
        b.append(String.format(Locale.ROOT, row, "Layer (type)", "Output Shape", "Param #", "MACs"));
        b.append(rule).append('\n');
        for (KerasModel.Row r : rows) {
            b.append(String.format(Locale.ROOT, row, r.name() + " (" + r.className() + ")", r.output(),
                    group(r.params()), group(r.macs())));
        }
        b.append(rule).append('\n');
        long total = model.params();
        b.append(String.format(Locale.ROOT, "Total params: %s (%s)%n", group(total), bytes(total * 4)));
        b.append(String.format(Locale.ROOT, "Trainable params: %s (%s)%n", group(total), bytes(total * 4)));
        b.append(String.format(Locale.ROOT, "Non-trainable params: 0 (0.00 Byte)%n"));
        b.append(String.format(Locale.ROOT, "Total MACs: %s (convolutions and Dense; pooling not counted)%n",
                group(model.macs())));
    }

    /** Keras's size note: float32 bytes in KB / MB with two decimals. */
    private static String bytes(long n) {
        if (n < 1024) {
            return n + " Byte";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.2f KB", n / 1024.0);
        }
        return String.format(Locale.ROOT, "%.2f MB", n / (1024.0 * 1024.0));
    }

    private static String group(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }
}
