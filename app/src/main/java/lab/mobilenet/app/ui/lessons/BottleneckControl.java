package lab.mobilenet.app.ui.lessons;

import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.lessons.BottleneckLesson;

/**
 * The n slider of the linear-bottleneck lesson (2 … 30, whole numbers); hidden in the other lessons. The lesson
 * keys move n too (→ / ← are its steps), and the slider follows the frame whichever way n changed.
 */
final class BottleneckControl extends VBox {

    private final Slider slider = new Slider(BottleneckLesson.MIN_N, BottleneckLesson.MAX_N, BottleneckLesson.MIN_N);
    private final Label value = new Label();
    private final Label hint = new Label();
    private boolean updating;

    BottleneckControl(LessonViewModel vm, I18n i18n) {
        super(4);
        setId("bottleneck-control");
        Label title = new Label();
        title.textProperty().bind(i18n.text("lessons.bottleneck"));
        title.getStyleClass().add("panel-title");
        slider.setId("dimensions-slider");
        slider.setFocusTraversable(false);
        slider.setMajorTickUnit(4);
        slider.setMinorTickCount(3);
        slider.setSnapToTicks(true);
        slider.setShowTickMarks(true);
        slider.setBlockIncrement(1);
        value.setId("dimensions-value");
        value.getStyleClass().add("counter-value");
        hint.textProperty().bind(i18n.text("lessons.bottleneck-hint", BottleneckLesson.MIN_N, BottleneckLesson.MAX_N));
        hint.getStyleClass().add("counter-note");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(title, slider, value, hint);
        Runnable push = () -> {
            if (!updating) {
                vm.selectDimensions((int) Math.round(slider.getValue()));
            }
        };
        slider.valueChangingProperty().addListener((obs, was, now) -> {
            if (!now) {
                push.run();
            }
        });
        slider.valueProperty().addListener((obs, was, now) -> {
            if (!slider.isValueChanging()) {
                push.run();
            }
        });
        vm.frameProperty().addListener((obs, was, now) -> {
            boolean show = now != null && now.bottleneck().isPresent();
            setVisible(show);
            setManaged(show);
            if (show) {
                int n = now.bottleneck().get().n();
                updating = true;
                slider.setValue(n);
                value.setText("n = " + n);
                updating = false;
            }
        });
        setVisible(false);
        setManaged(false);
    }

    /** Presenter mode drops the hint line: the teacher says it, and the side panel keeps room for the formula. */
    void setCompact(boolean compact) {
        hint.setVisible(!compact);
        hint.setManaged(!compact);
    }
}
