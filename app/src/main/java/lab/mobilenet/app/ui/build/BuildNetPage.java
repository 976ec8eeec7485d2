package lab.mobilenet.app.ui.build;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.lessons.KerasComparison;
import lab.mobilenet.lessons.SeparableOrder;

/**
 * The "Build" page: a Keras-style layer list on the left (edit it, or add and remove layers with the buttons),
 * and on the right its table — output shapes, params and MACs as written and with standard {@code Conv2D} —
 * the totals with the saving, and the order question for each separable layer. It only draws what the
 * view-model publishes.
 */
public final class BuildNetPage extends BorderPane {

    /** Width of the wrapped explanations on the right, which scrolls sideways for wide tables. */
    private static final double WRAP = 760;

    private final I18n i18n;
    private final BuildNetViewModel vm;
    private final GridPane table = new GridPane();
    private final GridPane orders = new GridPane();
    private final Label totals = new Label();
    private final Label error = new Label();
    private final LayerControls layers;

    public BuildNetPage(I18n i18n, BuildNetViewModel vm) {
        this.i18n = i18n;
        this.vm = vm;
        this.layers = new LayerControls(i18n, vm);
        setId("build-page");
        setPadding(new Insets(16));
        Label title = new Label();
        title.textProperty().bind(i18n.text("build.title"));
        title.getStyleClass().add("page-title");
        Label help = new Label();
        help.textProperty().bind(i18n.text("build.help"));
        help.setWrapText(true);
        TextArea editor = new TextArea();
        editor.setId("build-editor");
        editor.setStyle("-fx-font-family: monospace;");
        editor.setPrefColumnCount(40);
        editor.setPrefRowCount(10);
        editor.textProperty().bindBidirectional(vm.textProperty());
        FlowPane buttons = new FlowPane(6, 6);
        for (String line : new String[] {"SeparableConv2D(64, 3, activation='relu')", "Conv2D(64, 3, activation='relu')",
                "MaxPooling2D()", "GlobalAveragePooling2D()", "Dense(10, activation='softmax')"}) {
            Button b = new Button("+ " + line.substring(0, line.indexOf('(')));
            b.setOnAction(e -> vm.addLayer(line));
            buttons.getChildren().add(b);
        }
        Button remove = new Button();
        remove.setId("build-remove");
        remove.textProperty().bind(i18n.text("build.remove"));
        remove.setOnAction(e -> vm.removeLastLayer());
        buttons.getChildren().add(remove);
        VBox left = new VBox(10, title, help, editor, buttons, layers);
        left.setPrefWidth(560);
        left.setMinWidth(340);
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        setLeft(leftScroll);

        table.setId("build-table");
        table.setHgap(14);
        table.setVgap(4);
        orders.setHgap(14);
        orders.setVgap(4);
        error.setId("build-error");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #b00020;");
        totals.setId("build-totals");
        totals.setWrapText(true);
        totals.setMaxWidth(WRAP);
        error.setMaxWidth(WRAP);
        Label orderTitle = new Label();
        orderTitle.textProperty().bind(i18n.text("build.order.title"));
        orderTitle.setStyle("-fx-font-weight: bold;");
        Label orderHelp = new Label();
        orderHelp.textProperty().bind(i18n.text("build.order.help"));
        orderHelp.setWrapText(true);
        orderHelp.setMaxWidth(WRAP);
        Label realTitle = new Label();
        realTitle.textProperty().bind(i18n.text("build.order.real"));
        realTitle.setStyle("-fx-font-weight: bold;");
        GridPane real = new GridPane();
        real.setId("build-order-real");
        real.setHgap(14);
        real.setVgap(4);
        fillOrders(real, SeparableOrder.examples());
        i18n.localeProperty().addListener((obs, was, now) -> fillOrders(real, SeparableOrder.examples()));
        VBox right = new VBox(12, error, table, totals, orderTitle, orderHelp, orders, realTitle, real);
        right.setPadding(new Insets(0, 0, 0, 16));
        ScrollPane scroll = new ScrollPane(right);
        scroll.setFitToWidth(false); // a wide table scrolls rather than clipping its numbers
        setCenter(scroll);

        vm.resultProperty().addListener((obs, was, now) -> show(now));
        i18n.localeProperty().addListener((obs, was, now) -> show(vm.resultProperty().get()));
        show(vm.resultProperty().get());
    }

    private void show(BuildNetViewModel.Result r) {
        if (r == null) {
            return;
        }
        error.setText(r.error() == null ? "" : i18n.get("build.error", r.error()));
        error.setManaged(r.error() != null);
        error.setVisible(r.error() != null);
        if (r.comparison() == null) {
            layers.setDisable(true); // the text does not parse: the controls wait until it does
            return; // keep the last good table while the student is typing
        }
        KerasComparison c = r.comparison();
        layers.setDisable(false);
        layers.show(c);
        table.getChildren().clear();
        String[] heads = {"build.col.layer", "build.col.shape", "build.col.params", "build.col.macs",
                "build.col.std-params", "build.col.std-macs"};
        for (int i = 0; i < heads.length; i++) {
            Label h = text(i18n.get(heads[i]));
            h.setStyle("-fx-font-weight: bold;");
            table.add(h, i, 0);
        }
        int row = 1;
        for (KerasComparison.Row x : c.rows()) {
            table.addRow(row++, text(x.name() + " (" + x.className() + ")"), text(x.output().toString()),
                    number(x.params()), number(x.macs()), number(x.standardParams()), number(x.standardMacs()));
        }
        totals.setText(i18n.get("build.totals", group(c.params()), group(c.macs()), group(c.standardParams()),
                group(c.standardMacs()), percent(c.params(), c.standardParams()), percent(c.macs(), c.standardMacs())));
        fillOrders(orders, c.orders());
    }

    /** One row per separable layer: MACs in either order and which is cheaper. */
    private void fillOrders(GridPane grid, java.util.List<SeparableOrder> list) {
        grid.getChildren().clear();
        grid.addRow(0, bold("build.col.layer"), bold("build.order.dw-first"), bold("build.order.pw-first"),
                bold("build.order.cheaper"));
        int o = 1;
        for (SeparableOrder s : list) {
            grid.addRow(o++, text(s.layer()), number(s.depthwiseFirstMacs().longValue()),
                    number(s.pointwiseFirstMacs().longValue()),
                    text(i18n.get("build.order." + s.cheaper().name().toLowerCase(Locale.ROOT))));
        }
    }

    private Label bold(String key) {
        Label l = text(i18n.get(key));
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    /** A cell that never shrinks below its text (a clipped number is worse than a scroll bar). */
    private static Label text(String s) {
        Label l = new Label(s);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label number(long v) {
        Label l = text(group(v));
        l.setStyle("-fx-font-family: monospace;");
        return l;
    }

    private static String group(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    private static String percent(long a, long b) {
        return b == 0 ? "–" : String.format(Locale.ROOT, "%.1f %%", 100.0 * a / b);
    }
}
