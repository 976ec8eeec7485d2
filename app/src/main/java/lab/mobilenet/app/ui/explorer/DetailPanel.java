package lab.mobilenet.app.ui.explorer;

import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import lab.mobilenet.app.export.InspectionTables;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.app.ui.lessons.RealLayerLesson;
import lab.mobilenet.app.ui.render.Numbers;
import lab.mobilenet.app.ui.render.Palette;
import lab.mobilenet.engine.inspect.ActivationStats;
import lab.mobilenet.engine.inspect.Inspection;
import lab.mobilenet.engine.inspect.InspectionPlan;
import lab.mobilenet.engine.inspect.InspectionRow;
import lab.mobilenet.engine.inspect.ModuleSpan;

/** The selected stage, block or layer: its numbers and its feature maps on the photo. */
final class DetailPanel extends VBox {

    private final ExplorerViewModel vm;
    private final I18n i18n;
    private final Label name = label("detail-name", "detail-title");
    private final Label kind = label("detail-kind", null);
    private final Label shape = label("detail-shape", null);
    private final Label params = label("detail-params", null);
    private final Label macs = label("detail-macs", null);
    private final Label time = label("detail-time", null);
    private final Label bytes = label("detail-bytes", null);
    private final Label stats = label("detail-stats", null);
    private final FeatureMapsView maps;
    private final Button openLesson = new Button();
    private final Label lessonHint = label("detail-lesson-hint", null);
    private Consumer<RealLayerLesson> onOpenLesson = r -> { };

    DetailPanel(ExplorerViewModel vm, I18n i18n, ObjectProperty<Palette> palette) {
        super(4);
        this.vm = vm;
        this.i18n = i18n;
        this.maps = new FeatureMapsView(i18n, palette, vm.executors());
        setId("explorer-detail");
        VBox.setVgrow(maps, Priority.ALWAYS);
        openLesson.setId("detail-open-lesson");
        openLesson.textProperty().bind(i18n.text("explorer.lesson.open"));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i18n.text("explorer.lesson.tip"));
        openLesson.setTooltip(tip);
        openLesson.setFocusTraversable(false); // the Explorer's keys stay the Explorer's
        openLesson.setOnAction(e -> open());
        maps.setOnChoice(this::refreshLessonLink);
        openLesson.setMinWidth(Region.USE_PREF_SIZE);
        lessonHint.getStyleClass().add("counter-note");
        lessonHint.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(lessonHint, Priority.ALWAYS);
        HBox lesson = new HBox(8, openLesson, lessonHint);
        lesson.setStyle("-fx-alignment: center-left;");
        lesson.visibleProperty().bind(openLesson.visibleProperty());
        lesson.managedProperty().bind(openLesson.visibleProperty());
        getChildren().addAll(name, kind, shape, params, macs, time, bytes, stats, maps, lesson);
        vm.selectedProperty().addListener(o -> refresh());
        vm.inspectionProperty().addListener(o -> refresh());
        vm.planProperty().addListener(o -> refresh());
        i18n.localeProperty().addListener(o -> refresh());
        refresh();
    }

    private static Label label(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrap instead of cutting the line short
        if (style != null) {
            l.getStyleClass().add(style);
            l.setStyle("-fx-font-size: 1.25em; -fx-font-weight: bold;");
        }
        return l;
    }

    /** "Open in lesson": the chosen cell of the enlarged map (else the centre) and its channel. */
    private void open() {
        int[] cell = maps.shown() == null ? null : maps.chosenCell();
        vm.openInLesson(cell == null ? -1 : cell[0], cell == null ? -1 : cell[1], maps.shown() == null ? 0 : maps.channel(),
                onOpenLesson);
    }

    /** Where an opened layer goes (the window shows it on the lessons page). */
    void setOnOpenLesson(Consumer<RealLayerLesson> action) {
        onOpenLesson = action == null ? r -> { } : action;
    }

    private void refreshLessonLink() {
        LessonLink link = vm.lessonLink();
        openLesson.setVisible(link != LessonLink.NONE);
        openLesson.setDisable(link != LessonLink.READY);
        int[] cell = maps.shown() == null ? null : maps.chosenCell();
        lessonHint.setText(link == LessonLink.INPUT_NOT_RUN ? i18n.get("explorer.lesson.not-run")
                : link != LessonLink.READY ? ""
                : cell == null ? i18n.get("explorer.lesson.where")
                : i18n.get("explorer.lesson.at", String.valueOf(cell[0]), String.valueOf(cell[1]),
                        String.valueOf(maps.channel())));
    }

    private void refresh() {
        refreshLessonLink();
        ModuleSpan s = vm.selectedSpan();
        InspectionPlan plan = vm.planProperty().get();
        if (s == null || plan == null) {
            name.setText(i18n.get("explorer.detail.none"));
            for (Label l : new Label[] {kind, shape, params, macs, time, bytes, stats}) {
                l.setText("");
            }
            maps.show(null);
            return;
        }
        InspectionRow r = vm.selectedRow();
        Inspection ins = vm.inspectionProperty().get();
        name.setText(s.name());
        kind.setText(i18n.get("explorer.detail.kind", s.kind().word(), s.type()));
        shape.setText(i18n.get("explorer.detail.shape", s.input().toString(), s.output().toString()));
        params.setText(i18n.get("explorer.detail.params", Numbers.count(s.params())));
        macs.setText(i18n.get("explorer.detail.macs", Numbers.count(s.macs()), pct(s.macs(), plan.macs())));
        bytes.setText(i18n.get("explorer.detail.bytes", Numbers.bytes(s.bytesRead()), Numbers.bytes(s.bytesWritten())));
        if (r == null) {
            time.setText(i18n.get("explorer.detail.not-run"));
            stats.setText("");
            maps.show(null);
            return;
        }
        time.setText(i18n.get("explorer.detail.time", String.format(Locale.ROOT, "%.3f", r.millis()),
                ins.complete() ? pct(r.millis(), ins.millis()) : "–"));
        ActivationStats st = r.stats();
        stats.setText(i18n.get("explorer.detail.stats", InspectionTables.shape(r.outputShape()), g(st.min()),
                g(st.max()), g(st.mean()), g(st.std()), String.format(Locale.ROOT, "%.1f %%", 100 * st.zeros())));
        maps.show(ins.outputs().get(s.name()));
    }

    private static String pct(double part, double whole) {
        return whole <= 0 ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * part / whole);
    }

    private static String g(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    FeatureMapsView maps() {
        return maps;
    }
}
