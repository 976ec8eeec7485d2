package lab.mobilenet.app.ui.lessons;

import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.lessons.LessonCatalog;

/**
 * The standard-convolution lesson's kernels: hand-made, or MobileNetV1's learned first layer. Shown in that
 * lesson only; the learned choice is enabled only when V1's trained weights are loaded.
 */
final class KernelsControl extends VBox {

    KernelsControl(LessonViewModel vm, I18n i18n) {
        super(4);
        setId("kernels-control");
        Label title = new Label();
        title.textProperty().bind(i18n.text("lessons.kernels"));
        title.getStyleClass().add("panel-title");
        ComboBox<KernelChoice> box = new ComboBox<>(FXCollections.observableArrayList(KernelChoice.values()));
        box.setId("kernel-choice");
        box.setFocusTraversable(false);
        box.setCellFactory(lv -> new ChoiceCell(i18n));
        box.setButtonCell(new ChoiceCell(i18n));
        box.valueProperty().bindBidirectional(vm.kernelsProperty());
        Runnable enable = () -> box.setDisable(!vm.pretrainedProperty().get().containsKey(Architecture.MOBILENET_V1));
        vm.pretrainedProperty().addListener((obs, was, now) -> enable.run());
        enable.run();
        Runnable show = () -> {
            boolean s = LessonCatalog.STANDARD.equals(vm.lessonProperty().get());
            setVisible(s);
            setManaged(s);
        };
        vm.lessonProperty().addListener((obs, was, now) -> show.run());
        show.run();
        i18n.localeProperty().addListener((obs, was, now) -> {
            box.setButtonCell(new ChoiceCell(i18n));
        });
        getChildren().addAll(title, box);
    }

    private static final class ChoiceCell extends ListCell<KernelChoice> {
        private final I18n i18n;

        ChoiceCell(I18n i18n) {
            this.i18n = i18n;
        }

        @Override
        protected void updateItem(KernelChoice c, boolean empty) {
            super.updateItem(c, empty);
            setText(empty || c == null ? "" : i18n.get(c.nameKey()));
        }
    }
}
