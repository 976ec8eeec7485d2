package lab.mobilenet.app.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import javafx.beans.value.ObservableValue;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.runtime.Weights;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import lab.mobilenet.app.ui.i18n.I18n;

/** Bottom line of the window: the engine's state, the latest one-line message (errors in red), the language. */
public final class StatusBar extends HBox {

    private final I18n i18n;
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final Label engineLabel = new Label();
    private final Label messageLabel = new Label();
    /** Re-words the current message after a language switch (a plain string stays as it is). */
    private java.util.function.Supplier<String> wording = () -> "";

    public StatusBar(I18n i18n, EngineWarmup warmup) {
        this.i18n = i18n;
        i18n.localeProperty().addListener((obs, was, now) -> message.set(wording.get()));
        getStyleClass().add("status-bar");
        engineLabel.setId("engine-status");
        messageLabel.setId("status-message");
        engineLabel.textProperty().bind(Bindings.createStringBinding(() -> switch (warmup.stateProperty().get()) {
            case LOADING -> i18n.get("engine.loading");
            case READY -> i18n.get("engine.ready");
            case FAILED -> i18n.get("engine.failed", warmup.failureProperty().get());
        }, warmup.stateProperty(), warmup.failureProperty(), i18n.localeProperty()));
        warmup.stateProperty().addListener((obs, was, now) -> styleEngine(now));
        styleEngine(warmup.stateProperty().get());
        messageLabel.textProperty().bind(message);
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        getChildren().addAll(engineLabel, messageLabel, spring, languageChooser(i18n));
    }

    /** The language, switchable without opening a menu (a teacher may hand the laptop to a student). */
    private static ComboBox<Locale> languageChooser(I18n i18n) {
        ComboBox<Locale> box = new ComboBox<>(FXCollections.observableArrayList(I18n.SUPPORTED));
        box.setId("language");
        box.setFocusTraversable(false);
        box.valueProperty().bindBidirectional(i18n.localeProperty());
        box.setCellFactory(lv -> new LanguageCell());
        box.setButtonCell(new LanguageCell());
        return box;
    }

    /** A language shown in itself: English, 中文, 한국어. */
    private static final class LanguageCell extends ListCell<Locale> {
        @Override
        protected void updateItem(Locale l, boolean empty) {
            super.updateItem(l, empty);
            setText(empty || l == null ? "" : I18n.lookup(l, "language.self"));
        }
    }

    private void styleEngine(EngineWarmup.State s) {
        engineLabel.getStyleClass().removeAll("status-engine-loading", "status-engine-ready", "status-engine-failed");
        engineLabel.getStyleClass().add("status-engine-" + s.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** Adds, after the engine's state, which pretrained networks are loaded (by timm name). */
    public void showWeights(ObservableValue<Map<Architecture, Weights>> loaded, I18n i18n) {
        Label l = new Label();
        l.setId("weights-status");
        l.getStyleClass().add("status-weights");
        l.textProperty().bind(Bindings.createStringBinding(() -> {
            Map<Architecture, Weights> m = loaded.getValue();
            if (m == null || m.isEmpty()) {
                return i18n.get("weights.none");
            }
            StringJoiner names = new StringJoiner(", ");
            m.keySet().forEach(a -> names.add(a.timmName(1.0)));
            return i18n.get("weights.loaded", names.toString());
        }, loaded, i18n.localeProperty()));
        getChildren().add(getChildren().indexOf(engineLabel) + 1, l);
    }

    /** Shows a neutral message. */
    public void info(String text) {
        show(() -> text, false);
    }

    /** Shows an error message in red. */
    public void error(String text) {
        show(() -> text, true);
    }

    /** Shows the neutral message {@code key} in the current language, and again in the next one after a switch. */
    public void say(String key, Object... args) {
        show(() -> i18n.get(key, args), false);
    }

    /** Like {@link #say} for an error, in red. */
    public void warn(String key, Object... args) {
        show(() -> i18n.get(key, args), true);
    }

    private void show(java.util.function.Supplier<String> words, boolean isError) {
        messageLabel.getStyleClass().remove("status-error");
        if (isError) {
            messageLabel.getStyleClass().add("status-error");
        }
        wording = words;
        message.set(words.get());
    }

    public StringProperty messageProperty() {
        return message;
    }
}
