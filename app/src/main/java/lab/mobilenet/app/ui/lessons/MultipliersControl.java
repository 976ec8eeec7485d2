package lab.mobilenet.app.ui.lessons;

import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.VBox;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.lessons.MultiplierLesson;

/** α slider (steps of 0.05) and input resolution of the multipliers lesson; hidden in the other lessons. */
final class MultipliersControl extends VBox {

    private final Slider alpha = new Slider(MultiplierLesson.ALPHA_STEP, 1.0, 1.0);
    private final ComboBox<Integer> resolution =
            new ComboBox<>(FXCollections.observableArrayList(MultiplierLesson.RESOLUTIONS));
    private final Label value = new Label();
    private boolean updating;

    MultipliersControl(LessonViewModel vm, I18n i18n) {
        super(4);
        setId("multipliers-control");
        Label title = new Label();
        title.textProperty().bind(i18n.text("lessons.multipliers"));
        title.getStyleClass().add("panel-title");
        alpha.setId("alpha-slider");
        alpha.setFocusTraversable(false);
        alpha.setMajorTickUnit(0.25);
        alpha.setMinorTickCount(4);
        alpha.setSnapToTicks(true);
        alpha.setShowTickMarks(true);
        resolution.setId("resolution");
        resolution.setFocusTraversable(false);
        value.getStyleClass().add("counter-value");
        getChildren().addAll(title, alpha, resolution, value);
        Runnable push = () -> {
            if (!updating && resolution.getValue() != null) {
                vm.selectMultipliers(alpha.getValue(), resolution.getValue());
            }
        };
        alpha.valueChangingProperty().addListener((obs, was, now) -> {
            if (!now) {
                push.run();
            }
        });
        alpha.valueProperty().addListener((obs, was, now) -> {
            if (!alpha.isValueChanging()) {
                push.run();
            }
        });
        resolution.valueProperty().addListener((obs, was, now) -> push.run());
        vm.frameProperty().addListener((obs, was, now) -> {
            boolean show = now != null && now.multipliers().isPresent();
            setVisible(show);
            setManaged(show);
            if (show) {
                var s = now.multipliers().get().selected();
                updating = true;
                alpha.setValue(s.alpha());
                resolution.setValue(s.resolution());
                value.setText(String.format(Locale.ROOT, "α %.2f · %d px", s.alpha(), s.resolution()));
                updating = false;
            }
        });
        setVisible(false);
        setManaged(false);
    }
}
