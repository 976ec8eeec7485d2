package lab.mobilenet.app.ui.lessons;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import lab.mobilenet.app.ui.i18n.I18n;

/** The open lesson's title and its explanation, above the picture. */
final class LessonHeader extends VBox {

    private final Label text = new Label();
    private final RealLayerBar realLayer;

    LessonHeader(LessonViewModel vm, I18n i18n) {
        super(4);
        setStyle("-fx-padding: 10 14 4 14;");
        Label title = new Label();
        title.setId("lesson-title");
        title.getStyleClass().add("lesson-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            var l = vm.lessonProperty().get();
            return l == null ? "" : l.number() + ". " + i18n.get(l.titleKey());
        }, vm.lessonProperty(), i18n.localeProperty()));
        text.getStyleClass().add("lesson-text");
        text.setWrapText(true);
        text.textProperty().bind(Bindings.createStringBinding(() -> {
            var l = vm.lessonProperty().get();
            return l == null ? "" : i18n.get(l.textKey());
        }, vm.lessonProperty(), i18n.localeProperty()));
        realLayer = new RealLayerBar(vm, i18n);
        getChildren().addAll(title, realLayer, text);
    }

    /** What the real layer's "Back to Explorer" button does. */
    void setBackToExplorer(Runnable action) {
        realLayer.setBack(action);
    }

    /** Shows or hides the explanation (hidden in presenter mode, where the teacher speaks it). */
    void showText(boolean show) {
        text.setVisible(show);
        text.setManaged(show);
    }
}
