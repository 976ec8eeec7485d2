package lab.mobilenet.app.ui.classify;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import lab.mobilenet.app.export.SnapshotExporter;
import lab.mobilenet.app.ui.concurrent.Background;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.app.ui.shell.StatusBar;

/**
 * The Classify page: drop photos or folders anywhere on it (or add them with the button, File → Open, or paste
 * them), and each gets a card on which V1, V2, V3-Large and V3-Small answer side by side as they finish. The
 * toolbar shows the progress of the queue and can cancel it, clear the page and export every answer as CSV.
 * The page only draws: the work and the state are in {@link ClassifyViewModel}.
 */
public final class ClassifyPage extends BorderPane {

    private final ClassifyViewModel vm;
    private final UiExecutors executors;
    private final I18n i18n;
    private final StatusBar status;
    private final Runnable openWeights;
    private Consumer<Path> weightsImporter = p -> { };
    private final VBox cardsBox = new VBox(12);
    private final Map<Long, CardView> views = new HashMap<>();
    private final CardImages images = new CardImages();
    private final VBox empty;
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();

    /**
     * @param openWeights what the "get weights" link of an untrained column does (the weights view or importer)
     */
    public ClassifyPage(ClassifyViewModel vm, UiExecutors executors, I18n i18n, StatusBar status,
                        Runnable openWeights) {
        this.vm = vm;
        this.executors = executors;
        this.i18n = i18n;
        this.status = status;
        this.openWeights = openWeights;
        setId("classify-page");
        getStyleClass().add("classify-page");
        getStylesheets().add(ClassifyPage.class.getResource("/lab/mobilenet/app/css/classify.css").toExternalForm());

        setTop(toolbar());
        cardsBox.getStyleClass().add("cards");
        ScrollPane scroll = new ScrollPane(cardsBox);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("cards-scroll");
        empty = emptyState();
        setCenter(new StackPane(scroll, empty));

        vm.cards().addListener((ListChangeListener<ClassifyCard>) c -> refresh(false));
        i18n.localeProperty().addListener((obs, was, now) -> refresh(true));
        vm.queuedProperty().addListener((obs, was, now) -> showProgress());
        vm.finishedProperty().addListener((obs, was, now) -> showProgress());
        vm.problemProperty().addListener((obs, was, now) -> {
            if (!now.isEmpty()) {
                status.error(i18n.get("classify.list-failed", now));
            }
        });
        setOnDragOver(this::onDragOver);
        setOnDragDropped(this::onDragDropped);
        setOnDragExited(e -> getStyleClass().remove("drop-target"));
        refresh(false);
        showProgress();
    }

    private Node toolbar() {
        Label title = new Label();
        title.textProperty().bind(i18n.text("nav.classify"));
        title.getStyleClass().add("page-title");
        Button add = button("classify.add", "classify-add", () -> chooseAndAddPhotos(getScene().getWindow()));
        Button csv = button("classify.export-csv", "classify-export-csv", () -> chooseAndExportCsv(getScene().getWindow()));
        Button cancel = button("classify.cancel-all", "classify-cancel", vm::cancelAll);
        Button clear = button("classify.clear", "classify-clear", vm::clear);
        cancel.disableProperty().bind(vm.queuedProperty().isEqualTo(0));
        progress.setId("classify-progress");
        progress.setPrefWidth(180);
        progressText.setId("classify-progress-text");
        progressText.getStyleClass().add("net-note");
        Label hint = new Label();
        hint.textProperty().bind(i18n.text("classify.hint"));
        hint.getStyleClass().add("classify-hint");
        hint.setWrapText(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(10, title, add, csv, cancel, clear, spacer, progressText, progress);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(4, row, hint);
        bar.getStyleClass().add("classify-toolbar");
        return bar;
    }

    private Button button(String key, String id, Runnable action) {
        Button b = new Button();
        b.textProperty().bind(i18n.text(key));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private VBox emptyState() {
        Label big = new Label();
        big.textProperty().bind(i18n.text("classify.empty"));
        big.getStyleClass().add("drop-zone-title");
        Label detail = new Label();
        detail.textProperty().bind(i18n.text("classify.empty-detail"));
        detail.getStyleClass().add("placeholder-text");
        detail.setWrapText(true);
        VBox box = new VBox(12, big, detail);
        box.setId("classify-drop-zone");
        box.getStyleClass().add("drop-zone");
        box.setAlignment(Pos.CENTER);
        box.setMouseTransparent(true);
        return box;
    }

    /** Rebuilds the views of cards whose snapshot changed (all of them after a language switch), in order. */
    private void refresh(boolean all) {
        images.nextUpdate();
        List<Node> nodes = new ArrayList<>();
        Map<Long, CardView> next = new HashMap<>();
        for (ClassifyCard c : vm.cards()) {
            CardView v = views.get(c.id());
            if (all || v == null || v.card() != c) {
                v = new CardView(c, i18n, actions(c.id()), images);
            }
            next.put(c.id(), v);
            nodes.add(v);
        }
        views.clear();
        views.putAll(next);
        var children = cardsBox.getChildren();
        if (children.size() == nodes.size()) {
            for (int i = 0; i < nodes.size(); i++) {
                if (children.get(i) != nodes.get(i)) {
                    children.set(i, nodes.get(i)); // one card changed: the others keep their place and layout
                }
            }
        } else {
            children.setAll(nodes);
        }
        empty.setVisible(nodes.isEmpty());
    }

    private CardView.Actions actions(long id) {
        return new CardView.Actions(this::chooseAndExportCard, () -> vm.remove(id), openWeights,
                a -> vm.occlude(id, a));
    }

    private void showProgress() {
        int q = vm.queuedProperty().get();
        int f = vm.finishedProperty().get();
        progress.setVisible(q > 0);
        progress.setProgress(q == 0 ? 0 : (double) f / q);
        progressText.setText(q == 0 ? "" : i18n.get("classify.progress", f, q));
    }

    // ---- adding photos --------------------------------------------------------------------------------

    private void onDragOver(DragEvent e) {
        Dragboard d = e.getDragboard();
        if (d.hasFiles() || d.hasImage()) {
            e.acceptTransferModes(TransferMode.COPY);
            if (!getStyleClass().contains("drop-target")) {
                getStyleClass().add("drop-target");
            }
        }
        e.consume();
    }

    private void onDragDropped(DragEvent e) {
        Dragboard d = e.getDragboard();
        boolean ok = false;
        if (d.hasFiles()) {
            ok = handleDroppedFiles(d.getFiles());
        } else if (d.hasImage()) {
            addImage(d.getImage());
            ok = true;
        }
        getStyleClass().remove("drop-target");
        e.setDropCompleted(ok);
        e.consume();
    }

    /**
     * Queues dropped files and folders; a {@code .safetensors} checkpoint goes to the weights importer instead.
     * False when there was nothing to take.
     */
    public boolean handleDroppedFiles(List<File> files) {
        if (files == null || files.isEmpty()) {
            return false;
        }
        List<Path> photos = new ArrayList<>();
        for (File f : files) {
            Path p = f.toPath();
            if (p.getFileName() != null
                    && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".safetensors")) {
                weightsImporter.accept(p);
            } else {
                photos.add(p);
            }
        }
        vm.add(photos);
        return true;
    }

    /** Queues photo files given by path (e.g. on the command line). */
    public void addPhotos(List<Path> files) {
        vm.add(files);
    }

    /** Ctrl+V: image files copied in the file manager, or an image copied from a browser or editor. */
    public void paste() {
        Clipboard cb = Clipboard.getSystemClipboard();
        if (cb.hasFiles()) {
            handleDroppedFiles(cb.getFiles());
        } else if (cb.hasImage()) {
            addImage(cb.getImage());
        } else {
            status.info(i18n.get("classify.paste-empty"));
        }
    }

    private void addImage(Image image) {
        vm.addImage(() -> FxImages.toRgb(image), n -> i18n.get("classify.pasted", n));
    }

    /** The "Add photos…" button and File → Open on this page: any number of images. */
    public void chooseAndAddPhotos(Window owner) {
        FileChooser fc = new FileChooser();
        fc.setTitle(i18n.get("classify.add"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg", "*.gif",
                "*.bmp", "*.webp", "*.PNG", "*.JPG", "*.JPEG"));
        List<File> files = fc.showOpenMultipleDialog(owner);
        if (files != null) {
            handleDroppedFiles(files);
        }
    }

    /** Where dropped {@code .safetensors} files go (the window's importer). */
    public void setWeightsImporter(Consumer<Path> importer) {
        this.weightsImporter = importer;
    }

    // ---- export ---------------------------------------------------------------------------------------

    private void chooseAndExportCard(CardView view) {
        FileChooser fc = new FileChooser();
        fc.setTitle(i18n.get("classify.export-png"));
        String base = view.card().name().replaceAll("\\.[A-Za-z0-9]+$", "");
        fc.setInitialFileName(base + "-classified.png");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        File f = fc.showSaveDialog(getScene().getWindow());
        if (f != null) {
            exportCard(view.card().id(), f.toPath());
        }
    }

    /**
     * Saves card {@code id} as it is on screen to a PNG: the snapshot here on the FX thread, the encoding and
     * the atomic write in the background; the status bar says how it went.
     */
    public void exportCard(long id, Path out) {
        CardView v = views.get(id);
        if (v == null) {
            return;
        }
        java.awt.image.BufferedImage img;
        try {
            img = SnapshotExporter.snapshot(v);
        } catch (RuntimeException e) {
            status.error(i18n.get("classify.export-failed", Background.oneLine(e)));
            return;
        }
        Background.run(executors.compute(), executors.ui(), () -> {
            SnapshotExporter.write(img, out);
            return out;
        }, (p, failure) -> report(p, failure));
    }

    private void chooseAndExportCsv(Window owner) {
        FileChooser fc = new FileChooser();
        fc.setTitle(i18n.get("classify.export-csv"));
        fc.setInitialFileName("classify.csv");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File f = fc.showSaveDialog(owner);
        if (f != null) {
            exportCsv(f.toPath());
        }
    }

    /** Writes every answer on the page as CSV (file, network, rank, label, probability, ms). */
    public void exportCsv(Path out) {
        vm.exportCsv(out, p -> report(p, null), msg -> report(null, msg));
    }

    private void report(Path written, String failure) {
        if (failure == null) {
            status.info(i18n.get("classify.exported", written.getFileName()));
        } else {
            status.error(i18n.get("classify.export-failed", failure));
        }
    }

    public ClassifyViewModel viewModel() {
        return vm;
    }
}
