package lab.mobilenet.lessons;

import java.util.ArrayList;
import java.util.List;
import lab.mobilenet.engine.keras.KerasLayer;
import lab.mobilenet.engine.keras.KerasModel;
import lab.mobilenet.engine.keras.KerasShape;

/**
 * A student's Keras-style net beside the same net with standard convolutions, layer by layer, and the order
 * question on each of its separable layers: what "Build your own separable net" shows.
 *
 * @param model  the net as written
 * @param rows   one row per layer
 * @param orders depthwise-first against pointwise-first, for each {@code SeparableConv2D}
 */
public record KerasComparison(KerasModel model, List<Row> rows, List<SeparableOrder> orders) {

    /**
     * One layer: its Keras name and class, output shape, params and MACs as written, and as a standard
     * {@code Conv2D} would cost in its place (the same numbers for layers that are not separable).
     */
    public record Row(String name, String className, KerasShape output, long params, long macs,
                      long standardParams, long standardMacs) {
    }

    public KerasComparison {
        rows = List.copyOf(rows);
        orders = List.copyOf(orders);
    }

    /** @throws IllegalArgumentException when a layer does not fit its input (the message names the layer) */
    public static KerasComparison of(KerasModel model) {
        List<KerasModel.Row> mine = model.summary();
        List<KerasModel.Row> standard = model.asStandard().summary();
        List<Row> rows = new ArrayList<>();
        List<SeparableOrder> orders = new ArrayList<>();
        KerasShape in = model.input();
        for (int i = 0; i < mine.size(); i++) {
            KerasModel.Row r = mine.get(i);
            KerasModel.Row s = standard.get(i);
            rows.add(new Row(r.name(), r.className(), r.output(), r.params(), r.macs(), s.params(), s.macs()));
            if (model.layers().get(i) instanceof KerasLayer.SeparableConv2D sep) {
                orders.add(SeparableOrder.of(r.name(), sep.kernel(), in.channels(), sep.filters(), in.height(),
                        in.width(), r.output().height(), r.output().width()));
            }
            in = r.output();
        }
        return new KerasComparison(model, rows, orders);
    }

    public long params() {
        return rows.stream().mapToLong(Row::params).sum();
    }

    public long macs() {
        return rows.stream().mapToLong(Row::macs).sum();
    }

    public long standardParams() {
        return rows.stream().mapToLong(Row::standardParams).sum();
    }

    public long standardMacs() {
        return rows.stream().mapToLong(Row::standardMacs).sum();
    }
}
