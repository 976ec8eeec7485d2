package lab.mobilenet.app.ui.lessons;

import lab.mobilenet.app.ui.concurrent.Background;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import lab.mobilenet.app.export.FrameRenderer;
import lab.mobilenet.app.export.SnapshotExporter;
import lab.mobilenet.app.ui.AppContext;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.app.ui.render.Palette;
import lab.mobilenet.app.ui.shell.StatusBar;
import lab.mobilenet.app.ui.theme.Theme;
import lab.mobilenet.lessons.Granularity;

/**
 * The lessons page: the lesson list and photo on the left, the lesson's picture in the centre with the
 * transport below, the counters and formulas on the right. Keys arrive from the window's filter through
 * {@link #handleKey(KeyCode)}; dropped image files replace the photo.
 */
public final class LessonsPage extends BorderPane {

    private final LessonViewModel vm;
    private final UiExecutors executors;
    private java.util.function.Consumer<Path> weightsImporter = p -> { };
    private final I18n i18n;
    private final StatusBar status;
    private final Player player;
    private final LessonCanvas canvas;
    private final ObjectProperty<Theme> theme;
    private final BooleanProperty presenter;
    private FormulaPanel formulas;
    private final VBox left;
    private final LessonHeader header;
    private final CountersPanel counters;
    private final BottleneckControl bottleneck;
    private final Label keys;
    private final VBox right;
    private final SidePanelFit fit;

    public LessonsPage(AppContext context, StatusBar status, ObjectProperty<Theme> theme, BooleanProperty presenter) {
        this(new LessonViewModel(new CatalogLessonSource(), context.executors()), context.executors(),
                context.i18n(), status, theme, presenter);
    }

    LessonsPage(LessonViewModel vm, UiExecutors executors, I18n i18n, StatusBar status, ObjectProperty<Theme> theme,
                BooleanProperty presenter) {
        this.vm = vm;
        this.executors = executors;
        this.i18n = i18n;
        this.status = status;
        this.theme = theme;
        this.presenter = presenter;
        this.player = new Player(vm);
        this.canvas = new LessonCanvas(vm, i18n);
        setId("lessons-page");

        left = new VBox(8, new LessonList(vm, i18n), new PhotoPicker(vm, i18n, this::chooseAndOpenPhoto));
        left.getStyleClass().addAll("side-panel", "left-panel");
        setLeft(left);

        BorderPane centre = new BorderPane();
        header = new LessonHeader(vm, i18n);
        centre.setTop(header);
        centre.setCenter(canvas);
        centre.setBottom(new TransportBar(vm, player, i18n));
        setCenter(centre);

        counters = new CountersPanel(vm, i18n);
        bottleneck = new BottleneckControl(vm, i18n);
        formulas = new FormulaPanel(vm, i18n);
        keys = keysHint();
        right = new VBox(14, new KernelsControl(vm, i18n), new GroupsControl(vm, i18n), new MultipliersControl(vm, i18n, executors),
                bottleneck, counters,
                formulas, keys);
        right.getStyleClass().add("side-panel");
        ScrollPane scroll = new ScrollPane(right);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setFocusTraversable(false);
        scroll.getStyleClass().add("side-scroll");
        setRight(scroll);
        fit = new SidePanelFit(scroll, right, formulas);
        widthProperty().addListener((obs, was, now) -> sizeSidePanel());

        setOnDragOver(this::onDragOver);
        setOnDragDropped(this::onDragDropped);
        setOnDragExited(e -> canvas.getStyleClass().remove("drop-target"));
        vm.errorProperty().addListener((obs, was, now) -> {
            if (!now.isEmpty()) {
                status.warn("lessons.photo-failed", now);
            }
        });
        vm.lessonErrorProperty().addListener((obs, was, now) -> {
            if (!now.isEmpty()) {
                status.warn("lessons.lesson-failed", now);
            }
        });
        vm.photoProperty().addListener((obs, was, now) -> status.say("lessons.photo-loaded", now.name()));
        theme.addListener((obs, was, now) -> restyle());
        presenter.addListener((obs, was, now) -> restyle());
        restyle();
    }

    private Label keysHint() {
        Label l = new Label();
        l.textProperty().bind(i18n.text("lessons.keys"));
        l.getStyleClass().add("counter-note");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** Loads the default photo and opens the first lesson (after the window is shown). */
    public void start() {
        vm.start();
    }

    /**
     * Opens a given lesson and photo, jumps to {@code position} and takes {@code steps} steps at
     * {@code granularity} (null: the default).
     */
    public void start(String lessonId, String photo, Granularity granularity, long position, int steps) {
        if (granularity != null) {
            vm.granularityProperty().set(granularity);
        }
        vm.start(lessonId, photo, position, steps);
    }

    public LessonViewModel viewModel() {
        return vm;
    }

    public Player player() {
        return player;
    }

    public LessonCanvas canvas() {
        return canvas;
    }

    /** Presenter mode gives the picture the room: no lesson list, no explanation, larger type. */
    private void restyle() {
        boolean p = presenter.get();
        left.setVisible(!p);
        left.setManaged(!p);
        header.showText(!p);
        counters.setCompact(p);
        formulas.setCompact(p);
        bottleneck.setCompact(p);
        keys.setVisible(!p);
        keys.setManaged(!p);
        sizeSidePanel();
        fit.request();
        canvas.setLook(Palette.of(theme.get() == Theme.DARK, presenter.get()), presenter.get() ? 1.25 : 1);
    }

    /**
     * Presenter mode widens the side panel with the projector (a quarter of the page, at least the sheet's
     * 340 px), so at 1920 × 1080 the formulas have room; an inline style, because the sheet's width beats a setter.
     */
    private void sizeSidePanel() {
        right.setStyle(presenter.get() && getWidth() > 0
                ? String.format(java.util.Locale.ROOT, "-fx-pref-width: %.0fpx;", Math.max(340, getWidth() / 4)) : "");
    }

    /**
     * Space play/pause, → step, ← back, Home/End, ↑ coarser / ↓ finer step, Page Up/Down previous/next lesson.
     * Whether {@code code} is one of these keys, which the window keeps from the focused control.
     */
    public boolean isLessonKey(KeyCode code) {
        return switch (code) {
            case SPACE, RIGHT, LEFT, HOME, END, UP, DOWN, PAGE_UP, PAGE_DOWN -> true;
            default -> false;
        };
    }

    /** Acts on a lesson key (see {@link #isLessonKey}); returns whether the key was used. */
    public boolean handleKey(KeyCode code) {
        switch (code) {
            case SPACE -> player.toggle();
            case RIGHT -> vm.next();
            case LEFT -> vm.previous();
            case HOME -> vm.home();
            case END -> vm.end();
            case UP -> vm.coarser();
            case DOWN -> vm.finer();
            case PAGE_UP -> vm.otherLesson(-1);
            case PAGE_DOWN -> vm.otherLesson(1);
            default -> {
                return false;
            }
        }
        return true;
    }

    // ---- photos ---------------------------------------------------------------------------------------

    private void onDragOver(DragEvent e) {
        if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
            if (!canvas.getStyleClass().contains("drop-target")) {
                canvas.getStyleClass().add("drop-target");
            }
        }
        e.consume();
    }

    private void onDragDropped(DragEvent e) {
        boolean ok = e.getDragboard().hasFiles() && handleDroppedFiles(e.getDragboard().getFiles());
        canvas.getStyleClass().remove("drop-target");
        e.setDropCompleted(ok);
        e.consume();
    }

    /**
     * Uses the first dropped file: a {@code .safetensors} checkpoint goes to the weights importer, anything else
     * is decoded as the photo (both in the background); false when the list is empty.
     */
    public boolean handleDroppedFiles(List<File> files) {
        if (files == null || files.isEmpty()) {
            return false;
        }
        Path file = files.get(0).toPath();
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".safetensors")) {
            weightsImporter.accept(file);
        } else {
            vm.openPhoto(file);
        }
        return true;
    }

    /** What "Back to Explorer" does while a real layer from the Explorer is stepped. */
    public void setBackToExplorer(Runnable action) {
        header.setBackToExplorer(action);
    }

    /** Where dropped {@code .safetensors} files go (the window's importer). */
    public void setWeightsImporter(java.util.function.Consumer<Path> importer) {
        this.weightsImporter = importer;
    }

    /** File → Open. */
    public void chooseAndOpenPhoto(Window owner) {
        FileChooser fc = new FileChooser();
        fc.setTitle(i18n.get("menu.file.open"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg", "*.gif",
                "*.bmp", "*.webp", "*.PNG", "*.JPG", "*.JPEG"));
        File f = fc.showOpenDialog(owner);
        if (f != null) {
            vm.openPhoto(f.toPath());
        }
    }

    public void openBundledPhoto(String name) {
        vm.openBundled(name);
    }

    // ---- export ---------------------------------------------------------------------------------------

    /** File → Export frame as PNG: a snapshot of the centre picture. */
    public void chooseAndExportPng(Window owner) {
        File f = saveDialog(owner, "menu.file.export-png", "png");
        if (f != null) {
            exportPng(f.toPath());
        }
    }

    /**
     * Writes the canvas as it is on screen to a PNG: the snapshot is taken here on the FX thread, the encoding
     * and writing happen on the compute executor, and the status bar hears back on the UI executor.
     */
    public void exportPng(Path out) {
        java.awt.image.BufferedImage img;
        try {
            img = SnapshotExporter.snapshot(canvas.canvas());
        } catch (RuntimeException e) {
            status.warn("lessons.export-failed", Background.oneLine(e));
            return;
        }
        Background.run(executors.compute(), executors.ui(), () -> {
            SnapshotExporter.write(img, out);
            return out;
        }, (written, failure) -> {
            if (failure == null) {
                status.say("lessons.exported", written.getFileName());
            } else {
                status.warn("lessons.export-failed", failure);
            }
        });
    }

    /** File → Export steps as GIF: 40 steps from here at the current step size. */
    public void chooseAndExportGif(Window owner) {
        File f = saveDialog(owner, "menu.file.export-gif", "gif");
        if (f != null) {
            exportGif(f.toPath(), 40);
        }
    }

    public void exportGif(Path out, int frames) {
        FrameRenderer r = new FrameRenderer(i18n.locale(), 1280, 720,
                Palette.of(theme.get() == Theme.DARK, false));
        vm.exportGif(out, frames, r, p -> status.say("lessons.exported", p.getFileName()),
                msg -> status.warn("lessons.export-failed", msg));
    }

    private File saveDialog(Window owner, String titleKey, String ext) {
        FileChooser fc = new FileChooser();
        fc.setTitle(i18n.get(titleKey));
        var l = vm.lessonProperty().get();
        fc.setInitialFileName((l == null ? "lesson" : l.id()) + "." + ext);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase(), "*." + ext));
        return fc.showSaveDialog(owner);
    }
}
