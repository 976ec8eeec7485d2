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

    private final Label measured = new Label();
    private final java.util.Map<String, MultiplierRun.Result> results = new java.util.HashMap<>();
    private String wanted = "";

    MultipliersControl(LessonViewModel vm, I18n i18n, lab.mobilenet.app.ui.concurrent.UiExecutors executors) {
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
        measured.setId("multipliers-measured");
        measured.getStyleClass().add("counter-label");
        measured.setWrapText(true);
        measured.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(title, alpha, resolution, value, measured);
        i18n.localeProperty().addListener((obs, was, now) -> showMeasured(i18n));
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
                measure(vm, i18n, executors, s.alpha(), s.resolution());
            }
        });
        setVisible(false);
        setManaged(false);
    }

    private static String key(double alpha, int resolution) {
        return String.format(Locale.ROOT, "%.2f@%d", alpha, resolution);
    }

    /** Runs the rebuilt network once per (α, resolution) in the background; an outdated answer is dropped. */
    private void measure(LessonViewModel vm, I18n i18n, lab.mobilenet.app.ui.concurrent.UiExecutors executors,
                         double a, int r) {
        String k = key(a, r);
        wanted = k;
        if (results.containsKey(k)) {
            showMeasured(i18n);
            return;
        }
        var photo = vm.photoProperty().get();
        if (photo == null || photo.full() == null) {
            measured.setText("");
            return;
        }
        var trained = vm.pretrainedProperty().get().get(lab.mobilenet.engine.model.Architecture.MOBILENET_V1);
        measured.setText(i18n.get("lessons.multipliers-measuring"));
        lab.mobilenet.app.ui.concurrent.Background.run(executors.compute(), executors.ui(),
                () -> MultiplierRun.measure(a, r, photo.full(), trained), (res, failure) -> {
                    if (failure != null) {
                        if (k.equals(wanted)) {
                            measured.setText(i18n.get("lessons.multipliers-failed", failure));
                        }
                        return;
                    }
                    results.put(k, res);
                    if (k.equals(wanted)) {
                        showMeasured(i18n);
                    }
                });
    }

    /** "Measured here: 12.3 ms · on the photo: tabby (43 %)", in the current language. */
    private void showMeasured(I18n i18n) {
        MultiplierRun.Result res = results.get(wanted);
        if (res == null) {
            return;
        }
        String ms = String.format(Locale.ROOT, "%.1f", res.medianMillis());
        String p = String.format(Locale.ROOT, "%.0f %%", 100 * res.probability());
        // untrained: either no V1 weights are installed (α = 1), or none exist for this width
        String key = !res.untrained() ? "lessons.multipliers-measured"
                : Math.abs(res.alpha() - 1.0) < 1e-9 ? "lessons.multipliers-measured-no-weights"
                : "lessons.multipliers-measured-untrained";
        measured.setText(i18n.get(key, ms, res.label(), p));
    }
}
