package lab.mobilenet.app.ui.lessons;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.app.ui.render.Numbers;
import lab.mobilenet.lessons.BottleneckLesson;
import lab.mobilenet.lessons.Granularity;

/** ⏮ ◀ ▶ ⏯ ⏭ and the position on one line; the step size (granularity) and the speed slider below. */
final class TransportBar extends VBox {

    TransportBar(LessonViewModel vm, Player player, I18n i18n) {
        super(6);
        getStyleClass().add("transport-bar");
        Button first = button("transport-first", Icons.first(), "lessons.first", i18n);
        first.setOnAction(e -> vm.home());
        Button back = button("transport-back", Icons.back(), "lessons.back", i18n);
        back.setOnAction(e -> vm.previous());
        Button step = button("transport-step", Icons.forward(), "lessons.step", i18n);
        step.setOnAction(e -> vm.next());
        Button play = button("transport-play", Icons.playPause(), "lessons.play", i18n);
        play.setOnAction(e -> player.toggle());
        player.playingProperty().addListener((obs, was, now) ->
                play.setGraphic(now ? Icons.pause() : Icons.playPause()));
        Button last = button("transport-last", Icons.last(), "lessons.last", i18n);
        last.setOnAction(e -> vm.end());

        Label gLabel = new Label();
        gLabel.textProperty().bind(i18n.text("lessons.granularity"));
        ComboBox<Granularity> granularity = new ComboBox<>(FXCollections.observableArrayList(Granularity.values()));
        granularity.setId("granularity");
        granularity.setFocusTraversable(false);
        granularity.valueProperty().bindBidirectional(vm.granularityProperty());
        granularity.setCellFactory(lv -> new GranularityCell(i18n));
        granularity.setButtonCell(new GranularityCell(i18n));

        Label sLabel = new Label();
        sLabel.textProperty().bind(i18n.text("lessons.speed"));
        Slider speed = new Slider(1, Player.MAX_SPEED, player.speedProperty().get());
        speed.setId("speed");
        speed.setFocusTraversable(false);
        speed.setPrefWidth(160);
        player.speedProperty().bind(speed.valueProperty());
        Label speedValue = new Label();
        speedValue.setMinWidth(110);
        speedValue.textProperty().bind(Bindings.createStringBinding(() -> speed.getValue() >= Player.MAX_SPEED
                ? i18n.get("lessons.speed-max") : i18n.get("lessons.speed-value", Math.round(speed.getValue())),
                speed.valueProperty(), i18n.localeProperty()));

        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        Label position = new Label();
        position.setId("position");
        position.getStyleClass().add("counter-label");
        position.textProperty().bind(Bindings.createStringBinding(() -> {
            var f = vm.frame();
            // say what the clock counts: multiply-adds in the convolution lessons, stages in the block lessons
            if (f != null && f.bottleneck().isPresent()) {
                return i18n.get("lessons.position-dimensions", f.bottleneck().get().n(), BottleneckLesson.MIN_N,
                        BottleneckLesson.MAX_N);
            }
            return f == null || f.length() == 0 ? "" : i18n.get(f.traces().isEmpty() ? "lessons.position-stages"
                    : "lessons.position-macs", Numbers.count(f.position()), Numbers.count(f.length()));
        }, vm.frameProperty(), i18n.localeProperty()));
        HBox buttons = new HBox(8, first, back, step, play, last, spring, position);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox settings = new HBox(8, gLabel, granularity, sLabel, speed, speedValue);
        // the step size means something only where there are multiply-adds to step through (not lessons 7–9)
        vm.frameProperty().addListener((obs, was, now) -> {
            boolean steps = now != null && !now.traces().isEmpty();
            for (javafx.scene.Node n : new javafx.scene.Node[] {gLabel, granularity}) {
                n.setVisible(steps);
                n.setManaged(steps);
            }
        });
        settings.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(buttons, settings);
    }

    private static Button button(String id, javafx.scene.Node icon, String tipKey, I18n i18n) {
        Button b = new Button();
        b.setId(id);
        b.setGraphic(icon);
        b.getStyleClass().add("transport-button");
        b.setFocusTraversable(false);
        Tooltip t = new Tooltip();
        t.textProperty().bind(i18n.text(tipKey));
        b.setTooltip(t);
        return b;
    }

    /** Shows a granularity by its translated name. */
    private static final class GranularityCell extends ListCell<Granularity> {
        private final I18n i18n;

        GranularityCell(I18n i18n) {
            this.i18n = i18n;
            // bound, not set in updateItem: the combo's button cell must follow a language switch
            textProperty().bind(Bindings.createStringBinding(() -> isEmpty() || getItem() == null ? ""
                    : i18n.get(getItem().nameKey()), itemProperty(), emptyProperty(), i18n.localeProperty()));
        }
    }
}
