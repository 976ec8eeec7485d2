package lab.mobilenet.engine.keras;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Keras {@code Sequential} model as data: an input shape and a list of layers, as a student writes it
 * ({@code SeparableConv2D(32, 3, activation='relu')}, {@code MaxPooling2D()}, …). {@link #summary()} gives what
 * {@code model.summary()} prints, plus the MACs; {@link #asStandard()} is the same net with every separable
 * convolution replaced by a standard one, so the saving can be counted on a net the student wrote.
 */
public record KerasModel(String name, KerasShape input, List<KerasLayer> layers) {

    public KerasModel {
        layers = List.copyOf(layers);
        if (input.flat()) {
            throw new IllegalArgumentException("the input must be an image (height, width, channels)");
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one layer");
        }
    }

    /** The example the course teaches with: three separable convs with pools between, global pool, 10 classes. */
    public static KerasModel separableExample() {
        return new KerasModel("keras_separable_example", KerasShape.map(64, 64, 3), List.of(
                new KerasLayer.SeparableConv2D(32, 3, 1, false, "relu", true),
                new KerasLayer.MaxPooling2D(2, 2, false),
                new KerasLayer.SeparableConv2D(64, 3, 1, false, "relu", true),
                new KerasLayer.MaxPooling2D(2, 2, false),
                new KerasLayer.SeparableConv2D(128, 3, 1, false, "relu", true),
                new KerasLayer.GlobalAveragePooling2D(),
                new KerasLayer.Dense(10, "softmax", true)));
    }

    /** One line of the summary: Keras's automatic name, class, output shape, parameters and MACs. */
    public record Row(String name, String className, KerasShape output, long params, long macs) {
    }

    /**
     * Rows in order, named as Keras names them ({@code separable_conv2d}, {@code separable_conv2d_1}, …).
     *
     * @throws IllegalArgumentException when a layer does not fit its input (the message names the layer)
     */
    public List<Row> summary() {
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        KerasShape s = input;
        for (KerasLayer l : layers) {
            int n = seen.merge(l.namePrefix(), 1, Integer::sum) - 1;
            String layerName = n == 0 ? l.namePrefix() : l.namePrefix() + "_" + n;
            KerasShape out;
            try {
                out = l.outputShape(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(layerName + ": " + e.getMessage(), e);
            }
            rows.add(new Row(layerName, l.className(), out, l.params(s), l.macs(s)));
            s = out;
        }
        return rows;
    }

    public long params() {
        return summary().stream().mapToLong(Row::params).sum();
    }

    public long macs() {
        return summary().stream().mapToLong(Row::macs).sum();
    }

    /** The same model with standard {@code Conv2D} in place of every {@code SeparableConv2D}. */
    public KerasModel asStandard() {
        List<KerasLayer> std = layers.stream()
                .map(l -> l instanceof KerasLayer.SeparableConv2D sep ? (KerasLayer) sep.asStandard() : l).toList();
        return new KerasModel(name + "_standard", input, std);
    }
}
