package lab.mobilenet.app.ui.build;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.engine.keras.KerasLayer;
import lab.mobilenet.lessons.KerasComparison;

/**
 * The layer list as controls: per layer its name, for convolutions a "separable" switch with filters and
 * kernel size, units for dense layers, the pool size for pools, and a remove button. Every change goes to the
 * view-model, which rewrites the text; these controls are rebuilt from each new result.
 */
final class LayerControls extends VBox {

    private final I18n i18n;
    private final BuildNetViewModel vm;

    LayerControls(I18n i18n, BuildNetViewModel vm) {
        super(4);
        this.i18n = i18n;
        this.vm = vm;
        setId("build-layers");
    }

    void show(KerasComparison c) {
        getChildren().clear();
        List<KerasComparison.Row> rows = c.rows();
        for (int i = 0; i < rows.size(); i++) {
            HBox row = new HBox(6);
            row.setAlignment(Pos.CENTER_LEFT);
            Label name = new Label(rows.get(i).name());
            name.setPrefWidth(150);
            name.setMinWidth(150);
            row.getChildren().add(name);
            row.getChildren().addAll(controls(i, c.model().layers().get(i)));
            Button remove = new Button("×");
            remove.setId("build-remove-" + i);
            int index = i;
            remove.setOnAction(e -> vm.removeLayer(index));
            row.getChildren().add(remove);
            getChildren().add(row);
        }
    }

    private List<Node> controls(int i, KerasLayer l) {
        if (l instanceof KerasLayer.SeparableConv2D s) {
            return conv(i, true, s.filters(), s.kernel(),
                    (f, k) -> new KerasLayer.SeparableConv2D(f, k, s.stride(), s.same(), s.activation(), s.bias()));
        }
        if (l instanceof KerasLayer.Conv2D c) {
            return conv(i, false, c.filters(), c.kernel(),
                    (f, k) -> new KerasLayer.Conv2D(f, k, c.stride(), c.same(), c.activation(), c.bias()));
        }
        if (l instanceof KerasLayer.Dense d) {
            return List.of(caption("build.units"),
                    spinner(i, "units", 1, 4096, d.units(), u -> new KerasLayer.Dense(u, d.activation(), d.bias())));
        }
        if (l instanceof KerasLayer.MaxPooling2D p) {
            return List.of(caption("build.pool"),
                    spinner(i, "pool", 1, 8, p.pool(), n -> new KerasLayer.MaxPooling2D(n, n, p.same())));
        }
        return List.of();
    }

    private List<Node> conv(int i, boolean separable, int filters, int kernel,
                            java.util.function.BiFunction<Integer, Integer, KerasLayer> make) {
        CheckBox sep = new CheckBox();
        sep.textProperty().bind(i18n.text("build.separable"));
        sep.setSelected(separable);
        sep.setMinWidth(Region.USE_PREF_SIZE);
        sep.setId("build-separable-" + i);
        sep.setOnAction(e -> vm.toggleSeparable(i));
        return List.of(sep, caption("build.filters"), spinner(i, "filters", 1, 4096, filters, f -> make.apply(f, kernel)),
                caption("build.kernel"), spinner(i, "kernel", 1, 15, kernel, k -> make.apply(filters, k)));
    }

    private Spinner<Integer> spinner(int i, String what, int min, int max, int value,
                                     java.util.function.IntFunction<KerasLayer> make) {
        Spinner<Integer> s = new Spinner<>(min, max, value);
        s.setId("build-" + what + "-" + i);
        s.setPrefWidth(76);
        s.setMinWidth(76);
        s.valueProperty().addListener((obs, was, now) -> vm.replaceLayer(i, make.apply(now)));
        return s;
    }

    private Label caption(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.text(key));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
