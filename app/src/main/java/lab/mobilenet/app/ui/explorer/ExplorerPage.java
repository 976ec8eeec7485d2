package lab.mobilenet.app.ui.explorer;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import lab.mobilenet.app.ui.AppContext;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.app.ui.lessons.RealLayerLesson;
import lab.mobilenet.app.ui.photo.BundledPhotos;
import lab.mobilenet.app.ui.render.Numbers;
import lab.mobilenet.app.ui.render.Palette;
import lab.mobilenet.app.ui.shell.StatusBar;
import lab.mobilenet.app.ui.theme.Theme;
import lab.mobilenet.app.ui.weights.PretrainedWeights;
import lab.mobilenet.engine.model.Architecture;

/**
 * The Explorer: the whole network on the photo. Left: network, width α, resolution, photo and whether
 * the weights are trained. Top: stepping (⏮ ◀ ▶ ⏯ ⏭ ✕) and the live counters. Centre: the overview
 * strip and the charts. Right: the selected stage, block or layer with its feature maps.
 */
public final class ExplorerPage extends BorderPane {

    static final List<Integer> RESOLUTIONS = List.of(96, 128, 160, 192, 224, 256, 288, 320);

    private final ExplorerViewModel vm;
    private final I18n i18n;
    private final ExplorerPlayer player;
    private final ObjectProperty<Palette> palette = new SimpleObjectProperty<>(Palette.LIGHT);
    private final DetailPanel detail;
    private final OverviewView overview;
    private final ChartsView charts;
    private boolean started;
    private final StatusBar status;
    private Consumer<RealLayerLesson> onOpenLesson = r -> { };

    public ExplorerPage(AppContext context, StatusBar status, PretrainedWeights weights, ObjectProperty<Theme> theme) {
        this(new ExplorerViewModel(new UiExecutors(context.executors().compute(), ExplorerPage::onFxThread),
                runThread()), context.i18n(), status);
        vm.pretrainedProperty().bind(weights.loadedProperty());
        theme.addListener((o, was, now) -> palette.set(Palette.of(now == Theme.DARK, false)));
        palette.set(Palette.of(theme.get() == Theme.DARK, false));
    }

    ExplorerPage(ExplorerViewModel vm, I18n i18n, StatusBar status) {
        this.vm = vm;
        this.i18n = i18n;
        this.player = new ExplorerPlayer(vm);
        this.status = status;
        setId("explorer-page");
        overview = new OverviewView(vm, i18n, palette);
        detail = new DetailPanel(vm, i18n, palette);
        charts = new ChartsView(vm, i18n, palette, status);
        setLeft(controls());
        setTop(transport());
        TabPane tabs = new TabPane(tab("explorer-tab-overview", "explorer.tab.overview", overview),
                tab("explorer-tab-charts", "explorer.tab.charts", charts));
        tabs.setId("explorer-tabs");
        Tab chartsTab = tabs.getTabs().get(1);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> charts.setShown(now == chartsTab));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);
        detail.setPrefWidth(460);
        detail.getStyleClass().add("side-panel");
        setRight(detail);
        vm.errorProperty().addListener((o, was, now) -> {
            if (!now.isEmpty() && status != null) {
                status.error(i18n.get("explorer.failed", now));
            }
        });
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            boolean ok = files != null && !files.isEmpty();
            if (ok) {
                vm.openPhoto(files.get(0).toPath());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /** Runs hand-overs at once when already on the FX thread (tests with same-thread executors), else later on it. */
    private static void onFxThread(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    /** One daemon thread for runs: a paused run waits there at its gate, never on the compute pool. */
    private static Executor runThread() {
        return Executors.newSingleThreadExecutor(UiExecutors.daemonThreads("mobilenet-lab-explorer"));
    }

    private Tab tab(String id, String key, javafx.scene.Node content) {
        Tab t = new Tab();
        t.setId(id);
        t.textProperty().bind(i18n.text(key));
        t.setContent(content);
        return t;
    }

    /** The first time the page is shown: the photo (the default one unless told) and the network. */
    public void activate(Architecture arch, String photo, int steps) {
        if (!started) {
            started = true;
            vm.choose(arch == null ? vm.architectureProperty().get() : arch, 1.0, vm.resolutionProperty().get());
            vm.loadBundledPhoto(photo != null && BundledPhotos.NAMES.contains(photo) ? photo : BundledPhotos.defaultName());
        }
        if (steps > 0) {
            vm.steps(steps);
        }
    }

    private VBox controls() {
        ComboBox<Architecture> network = new ComboBox<>(FXCollections.observableArrayList(PretrainedWeights.NETWORKS));
        network.setId("explorer-network");
        network.setCellFactory(l -> new ArchCell());
        network.setButtonCell(new ArchCell());
        network.setValue(vm.architectureProperty().get());
        ComboBox<Double> width = new ComboBox<>(FXCollections.observableArrayList(vm.architectureProperty().get().paperWidths()));
        width.setId("explorer-width");
        width.setValue(vm.widthProperty().get());
        ComboBox<Integer> res = new ComboBox<>(FXCollections.observableArrayList(RESOLUTIONS));
        res.setId("explorer-resolution");
        res.setValue(vm.resolutionProperty().get());
        network.setOnAction(e -> {
            Architecture a = network.getValue();
            if (a != null && a != vm.architectureProperty().get()) {
                width.getItems().setAll(a.paperWidths());
                width.setValue(1.0);
                vm.choose(a, 1.0, vm.resolutionProperty().get());
            }
        });
        vm.architectureProperty().addListener((o, was, now) -> {
            network.setValue(now);
            width.getItems().setAll(now.paperWidths()); // e.g. after --model=: that network's widths
            width.setValue(vm.widthProperty().get());
        });
        vm.widthProperty().addListener((o, was, now) -> width.setValue(now.doubleValue()));
        width.setOnAction(e -> {
            if (width.getValue() != null) {
                vm.widthProperty().set(width.getValue());
            }
        });
        res.setOnAction(e -> {
            if (res.getValue() != null) {
                vm.resolutionProperty().set(res.getValue());
            }
        });
        ComboBox<String> photos = new ComboBox<>(FXCollections.observableArrayList(BundledPhotos.NAMES));
        photos.setId("explorer-photo");
        photos.setOnAction(e -> {
            String n = photos.getValue();
            if (n != null && (vm.photoProperty().get() == null || !n.equals(vm.photoProperty().get().name()))) {
                vm.loadBundledPhoto(n);
            }
        });
        vm.photoProperty().addListener((o, was, now) -> photos.setValue(
                BundledPhotos.NAMES.contains(now.name()) ? now.name() : null));
        Button open = new Button();
        open.setId("explorer-open");
        open.textProperty().bind(i18n.text("explorer.open"));
        open.setOnAction(e -> chooseAndOpenPhoto(getScene() == null ? null : getScene().getWindow()));
        Label weights = new Label();
        weights.setId("explorer-weights");
        weights.setWrapText(true);
        Runnable showWeights = () -> {
            var plan = vm.planProperty().get();
            weights.setText(vm.untrainedProperty().get() ? i18n.get("explorer.untrained")
                    : i18n.get("explorer.trained", plan == null ? "" : plan.network().name()));
            weights.setStyle(vm.untrainedProperty().get() ? "-fx-text-fill: #c2410c; -fx-font-weight: bold;" : "");
        };
        vm.untrainedProperty().addListener(o -> showWeights.run());
        vm.planProperty().addListener(o -> showWeights.run());
        i18n.localeProperty().addListener(o -> showWeights.run());
        showWeights.run();
        Label error = new Label();
        error.setId("explorer-error");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #b91c1c;");
        error.textProperty().bind(vm.errorProperty());
        Label note = new Label();
        note.textProperty().bind(i18n.text("explorer.times-note"));
        note.setWrapText(true);
        note.getStyleClass().add("counter-note");
        Label keys = new Label();
        keys.textProperty().bind(i18n.text("explorer.keys"));
        keys.setWrapText(true);
        keys.getStyleClass().add("counter-note");
        VBox box = new VBox(6, caption("explorer.network"), network, caption("explorer.width"), width,
                caption("explorer.resolution"), res, caption("explorer.photo"), photos, open, weights, error, note, keys);
        box.getStyleClass().addAll("side-panel", "left-panel");
        box.setPrefWidth(230);
        for (Region r : new Region[] {network, width, res, photos}) {
            r.setMaxWidth(Double.MAX_VALUE);
        }
        return box;
    }

    private Label caption(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.text(key));
        l.getStyleClass().add("panel-title");
        return l;
    }

    private HBox transport() {
        Button home = button("explorer-home", "|◀", "explorer.home", vm::home);
        Button back = button("explorer-back", "◀", "explorer.back", vm::previous);
        Button next = button("explorer-next", "▶", "explorer.next", vm::next);
        Button play = button("explorer-play", "▶ ‖", "explorer.play", player::toggle);
        Button end = button("explorer-end", "▶|", "explorer.end", vm::runToEnd);
        Button cancel = button("explorer-cancel", "✕", "explorer.cancel", () -> {
            player.playingProperty().set(false);
            vm.cancel();
        });
        cancel.disableProperty().bind(vm.runningProperty().not());
        Label step = counter("explorer-step");
        Label macs = counter("explorer-macs");
        Label bytes = counter("explorer-bytes");
        Label ms = counter("explorer-ms");
        Runnable show = () -> {
            StepCounters c = vm.countersProperty().get();
            step.setText(i18n.get("explorer.counter.step", c.step(), c.steps()));
            macs.setText(i18n.get("explorer.counter.macs", Numbers.count(c.macs()), Numbers.count(c.totalMacs())));
            bytes.setText(i18n.get("explorer.counter.bytes", Numbers.bytes(c.bytes())));
            ms.setText(i18n.get("explorer.counter.ms", String.format(Locale.ROOT, "%.1f", c.millis())));
        };
        vm.countersProperty().addListener(o -> show.run());
        i18n.localeProperty().addListener(o -> show.run());
        show.run();
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, home, back, next, play, end, cancel, gap, step, macs, bytes, ms);
        bar.setId("explorer-transport");
        bar.getStyleClass().add("transport-bar");
        bar.setStyle("-fx-padding: 6 10 6 10; -fx-alignment: center-left;");
        return bar;
    }

    private Button button(String id, String glyph, String tipKey, Runnable action) {
        Button b = new Button(glyph);
        b.setId(id);
        Tooltip t = new Tooltip();
        t.textProperty().bind(i18n.text(tipKey));
        b.setTooltip(t);
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Label counter(String id) {
        Label l = new Label();
        l.setId(id);
        l.setStyle("-fx-font-size: 1.05em;"); // words in every language: the bundled CJK face, not monospace
        return l;
    }

    /** → next layer, ← back, Home, Space play/pause, End run to end, Escape cancel; whether the key was used. */
    public boolean handleKey(KeyCode code) {
        switch (code) {
            case RIGHT -> vm.next();
            case LEFT -> vm.previous();
            case HOME -> vm.home();
            case SPACE -> player.toggle();
            case END -> vm.runToEnd();
            case ESCAPE -> {
                player.playingProperty().set(false);
                vm.cancel();
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    public void chooseAndOpenPhoto(Window owner) {
        FileChooser fc = new FileChooser();
        fc.setTitle(i18n.get("explorer.open"));
        File f = fc.showOpenDialog(owner);
        if (f != null) {
            vm.openPhoto(f.toPath());
        }
    }

    /** What "Open in lesson" does with the layer it cut (the window opens it on the lessons page). */
    public void setOnOpenLesson(Consumer<RealLayerLesson> action) {
        onOpenLesson = action == null ? r -> { } : action;
        detail.setOnOpenLesson(onOpenLesson);
    }

    /**
     * For the launch option {@code --open-layer=}: steps the run up to layer {@code name} when {@code stepThere}
     * (else the launch's own {@code --steps} must reach it), selects it once it has run, and opens it in its lesson
     * around the centre of its output from channel 0. A name that is not a convolution a lesson steps is one line
     * in the status bar.
     */
    public void openLayerOnceRun(String name, boolean stepThere) {
        if (stepThere) {
            vm.stepTo(name);
        }
        javafx.beans.InvalidationListener[] watch = new javafx.beans.InvalidationListener[1];
        Architecture arch = vm.architectureProperty().get();
        boolean[] openedUntrained = {false};
        Runnable stop = () -> {
            vm.planProperty().removeListener(watch[0]);
            vm.inspectionProperty().removeListener(watch[0]);
        };
        watch[0] = o -> {
            var plan = vm.planProperty().get();
            if (vm.architectureProperty().get() != arch) {
                stop.run(); // the user chose another network meanwhile
                return;
            }
            if (plan == null) {
                return;
            }
            var ins = vm.inspectionProperty().get();
            if (!lab.mobilenet.lessons.RealLayerSource.steppable(plan, name)) {
                stop.run();
                if (status != null) {
                    status.error(i18n.get("explorer.lesson.no-such-layer", name));
                }
                return;
            }
            if (ins != null && ins.row(name) != null && (!openedUntrained[0] || !ins.untrained())) {
                // opened on the untrained run, the trained weights may still arrive: then open again on them
                openedUntrained[0] = ins.untrained();
                if (!ins.untrained()) {
                    stop.run();
                }
                vm.selectedProperty().set(name);
                vm.openInLesson(-1, -1, 0, onOpenLesson);
            }
        };
        vm.planProperty().addListener(watch[0]);
        vm.inspectionProperty().addListener(watch[0]);
        watch[0].invalidated(null);
    }

    public ExplorerViewModel viewModel() {
        return vm;
    }

    DetailPanel detail() {
        return detail;
    }

    OverviewView overview() {
        return overview;
    }

    ChartsView charts() {
        return charts;
    }

    private static final class ArchCell extends ListCell<Architecture> {
        @Override
        protected void updateItem(Architecture a, boolean empty) {
            super.updateItem(a, empty);
            setText(empty || a == null ? null : NetworkLabels.of(a));
        }
    }
}
