package lab.mobilenet.app.ui.lessons;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.VBox;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.lessons.GroupCost;

/**
 * The groups slider of the "groups from 1 to M" lesson: it snaps to the divisors g of M (1 = standard,
 * M = depthwise) and shows the cost of the chosen g; hidden in the other lessons.
 */
final class GroupsControl extends VBox {

    private final Slider slider = new Slider(0, 1, 0);
    private final Label value = new Label();
    private List<GroupCost> costs = List.of();
    private boolean updating;

    GroupsControl(LessonViewModel vm, I18n i18n) {
        super(4);
        setId("groups-control");
        Label title = new Label();
        title.textProperty().bind(i18n.text("lessons.groups"));
        title.getStyleClass().add("panel-title");
        slider.setId("groups-slider");
        slider.setFocusTraversable(false);
        slider.setSnapToTicks(true);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setShowTickMarks(true);
        value.getStyleClass().addAll("counter-value", "groups-value");
        value.setId("groups-value");
        i18n.localeProperty().addListener((obs, was, now) -> showValue(i18n));
        getChildren().addAll(title, slider, value);
        slider.valueProperty().addListener((obs, was, now) -> {
            int i = (int) Math.round(now.doubleValue());
            if (!updating && !slider.isValueChanging() && i < costs.size()) {
                vm.groupsProperty().set(costs.get(i).groups());
            }
        });
        slider.valueChangingProperty().addListener((obs, was, now) -> {
            int i = (int) Math.round(slider.getValue());
            if (!now && i < costs.size()) {
                vm.groupsProperty().set(costs.get(i).groups());
            }
        });
        vm.frameProperty().addListener((obs, was, now) -> {
            boolean show = now != null && !now.groupCosts().isEmpty();
            setVisible(show);
            setManaged(show);
            if (!show) {
                return;
            }
            costs = now.groupCosts();
            int g = now.traces().isEmpty() ? 1 : now.traces().get(0).trace().geometry().groups();
            updating = true;
            slider.setMax(costs.size() - 1);
            for (int i = 0; i < costs.size(); i++) {
                if (costs.get(i).groups() == g) {
                    slider.setValue(i);
                    shownGroups = g;
                    shownKind = costs.get(i).kind();
                    showValue(i18n);
                }
            }
            updating = false;
        });
        setVisible(false);
        setManaged(false);
    }

    private int shownGroups;
    private Object shownKind;

    /** "g = 4 (grouped)" in the current language (again after a language switch). */
    private void showValue(I18n i18n) {
        if (shownKind != null) {
            value.setText("g = " + shownGroups + "   (" + i18n.get("kind." + shownKind) + ")");
        }
    }
}
