package lab.mobilenet.app.ui.weights;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import lab.mobilenet.app.ui.i18n.I18n;

/**
 * A non-modal bar above the page when no pretrained weights are on this machine at all: it says what that
 * means and opens the Weights page, or goes away for good ("Not now" is remembered).
 */
public final class FirstRunBar extends HBox {

    public FirstRunBar(WeightsViewModel vm, I18n i18n, Runnable openWeights) {
        super(12);
        setId("first-run-bar");
        getStyleClass().add("first-run-bar");
        setAlignment(Pos.CENTER_LEFT);
        setStyle("-fx-background-color: rgba(255, 200, 60, 0.25);");
        Label text = new Label();
        text.setId("first-run-text");
        text.textProperty().bind(i18n.text("weights.first-run.text"));
        text.setWrapText(true);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.SOMETIMES);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button open = new Button();
        open.setId("first-run-open");
        open.textProperty().bind(i18n.text("weights.first-run.open"));
        open.setOnAction(e -> openWeights.run());
        Button dismiss = new Button();
        dismiss.setId("first-run-dismiss");
        dismiss.textProperty().bind(i18n.text("weights.first-run.dismiss"));
        dismiss.setOnAction(e -> vm.dismissFirstRun());
        open.setMinWidth(USE_PREF_SIZE);
        dismiss.setMinWidth(USE_PREF_SIZE);
        setMinWidth(0);
        getChildren().addAll(text, gap, open, dismiss);
        visibleProperty().bind(vm.firstRunPromptProperty());
        managedProperty().bind(vm.firstRunPromptProperty());
    }
}
