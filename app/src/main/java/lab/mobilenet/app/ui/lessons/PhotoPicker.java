package lab.mobilenet.app.ui.lessons;

import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.app.ui.photo.BundledPhotos;

/** The photo chooser: the bundled samples, Open…, and a hint that files can be dropped. */
final class PhotoPicker extends VBox {

    PhotoPicker(LessonViewModel vm, I18n i18n, Consumer<Window> openDialog) {
        super(6);
        Label title = new Label();
        title.textProperty().bind(i18n.text("lessons.photo"));
        title.getStyleClass().add("panel-title");
        ComboBox<String> samples = new ComboBox<>(FXCollections.observableArrayList(BundledPhotos.NAMES));
        samples.setId("photo-samples");
        samples.setFocusTraversable(false);
        samples.setMaxWidth(Double.MAX_VALUE);
        samples.setOnAction(e -> {
            String name = samples.getValue();
            if (name != null && (vm.photoProperty().get() == null || !name.equals(vm.photoProperty().get().name()))) {
                vm.openBundled(name);
            }
        });
        vm.photoProperty().addListener((obs, was, now) -> samples.setValue(
                BundledPhotos.NAMES.contains(now.name()) ? now.name() : null));
        Button open = new Button();
        open.setId("photo-open");
        open.setFocusTraversable(false);
        open.textProperty().bind(i18n.text("lessons.open"));
        open.setOnAction(e -> openDialog.accept(getScene().getWindow()));
        Label current = new Label();
        current.setId("photo-name");
        current.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.photoProperty().get() == null ? "" : vm.photoProperty().get().name(), vm.photoProperty()));
        Label hint = new Label();
        hint.textProperty().bind(i18n.text("lessons.drop-hint"));
        hint.getStyleClass().add("counter-note");
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label error = new Label();
        error.setId("photo-error");
        error.getStyleClass().add("message-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        getChildren().addAll(title, samples, open, current, hint, error);
    }
}
