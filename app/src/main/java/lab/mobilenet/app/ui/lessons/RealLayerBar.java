package lab.mobilenet.app.ui.lessons;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import lab.mobilenet.app.ui.i18n.I18n;

/**
 * Under the lesson's title while a real network layer is stepped: which layer of which network, around which
 * output cell, with which weights, and the way back to the Explorer it came from. Hidden otherwise.
 */
final class RealLayerBar extends HBox {

    private Runnable back = () -> { };

    RealLayerBar(LessonViewModel vm, I18n i18n) {
        super(10);
        setId("lesson-real-layer-bar");
        setStyle("-fx-alignment: center-left;");
        Label what = new Label();
        what.setId("lesson-real-layer");
        what.setWrapText(true);
        what.setStyle("-fx-font-weight: bold;");
        HBox.setHgrow(what, Priority.ALWAYS);
        what.textProperty().bind(Bindings.createStringBinding(() -> {
            RealLayerLesson r = vm.realLayerProperty().get();
            if (r == null) {
                return "";
            }
            int first = r.layer().firstChannel();
            return i18n.get("lessons.real-layer", r.layer().name(), r.network(), String.valueOf(r.centreRow()),
                    String.valueOf(r.centreCol()), String.valueOf(first),
                    String.valueOf(first + r.layer().channels() - 1),
                    i18n.get(r.trained() ? "lessons.real-layer.trained" : "lessons.real-layer.untrained"));
        }, vm.realLayerProperty(), i18n.localeProperty()));
        Button toExplorer = new Button();
        toExplorer.setId("lesson-back-to-explorer");
        toExplorer.textProperty().bind(i18n.text("lessons.real-layer.back"));
        toExplorer.setFocusTraversable(false); // the lesson keys stay the lesson's
        toExplorer.setOnAction(e -> back.run());
        toExplorer.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(what, toExplorer);
        visibleProperty().bind(vm.realLayerProperty().isNotNull());
        managedProperty().bind(visibleProperty());
    }

    /** What "Back to Explorer" does (the window switches pages). */
    void setBack(Runnable action) {
        back = action == null ? () -> { } : action;
    }
}
