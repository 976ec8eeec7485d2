package lab.mobilenet.app.ui.weights;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.engine.hub.DownloadProgress;
import lab.mobilenet.engine.hub.HubConfig;
import lab.mobilenet.engine.hub.HubSource;

/**
 * The Weights page: the four networks with status, source, size, a Download button with a progress bar (bytes,
 * rate) and Cancel; Import by button or by dropping a {@code .safetensors} file. It only draws the
 * {@link WeightsViewModel}'s snapshots; all work happens there, off the UI thread.
 */
public final class WeightsPage extends VBox {

    private final WeightsViewModel vm;
    private final I18n i18n;
    private final Map<HubSource, RowView> views = new HashMap<>();
    private final Consumer<Path> importer;

    /**
     * @param chooseAndImport opens the file chooser of File → Import weights…
     * @param importer        imports a dropped file (the window's importer)
     */
    public WeightsPage(WeightsViewModel vm, I18n i18n, HubConfig hub, Runnable chooseAndImport, Consumer<Path> importer) {
        super(14);
        this.vm = vm;
        this.i18n = i18n;
        setId("weights-page");
        getStyleClass().add("weights-page");
        setPadding(new Insets(24));
        Label title = label("weights.page.title");
        title.getStyleClass().add("page-title");
        Label intro = label("weights.page.intro");
        intro.setWrapText(true);
        intro.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrap onto more lines, never elide (presenter mode)
        Label where = new Label();
        where.textProperty().bind(i18n.text("weights.page.where", hub.cache(), hub.endpoint(),
                hub.offline() ? "HF_HUB_OFFLINE" : ""));
        where.setWrapText(true);
        where.getStyleClass().add("weights-where");

        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(10);
        grid.setId("weights-grid");
        int row = 0;
        for (HubSource s : PretrainedWeights.SOURCES) {
            RowView v = new RowView(s);
            views.put(s, v);
            grid.addRow(row++, new VBox(2, v.name, v.source), v.status, v.size, v.progressBox, v.download, v.cancel);
        }

        Button importButton = new Button();
        importButton.setId("weights-import");
        importButton.textProperty().bind(i18n.text("weights.import"));
        importButton.setOnAction(e -> chooseAndImport.run());
        Label drop = label("weights.drop-hint");
        HBox importRow = new HBox(12, importButton, drop);
        importRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        getChildren().addAll(title, intro, where, grid, importRow);
        setOnDragOver(e -> {
            if (safetensors(e) != null) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        this.importer = importer;
        setOnDragDropped(e -> {
            e.setDropCompleted(e.getDragboard().hasFiles() && handleDroppedFiles(e.getDragboard().getFiles()));
            e.consume();
        });
        vm.rowsProperty().addListener((obs, was, now) -> show(now));
        i18n.localeProperty().addListener((obs, was, now) -> show(vm.rows()));
        show(vm.rows());
    }

    private static Path safetensors(DragEvent e) {
        return e.getDragboard().hasFiles() ? safetensors(e.getDragboard().getFiles()) : null;
    }

    private static Path safetensors(List<File> files) {
        return files == null || files.isEmpty() || !files.get(0).getName().toLowerCase(Locale.ROOT).endsWith(".safetensors")
                ? null : files.get(0).toPath();
    }

    /** A drop: the first file, when it is a {@code .safetensors}, goes to the importer; false otherwise. */
    public boolean handleDroppedFiles(List<File> files) {
        Path f = safetensors(files);
        if (f != null) {
            importer.accept(f);
        }
        return f != null;
    }

    private void show(List<WeightsRow> rows) {
        for (WeightsRow r : rows) {
            views.get(r.source()).show(r);
        }
    }

    private Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.text(key));
        return l;
    }

    /** 14,184,176 → "14.2 MB". */
    static String size(long bytes) {
        if (bytes < 0) {
            return "";
        }
        return bytes < 1_000_000 ? String.format(Locale.ROOT, "%.1f kB", bytes / 1e3)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** "6.4 MB / 14.2 MB · 2.1 MB/s" */
    String progressText(DownloadProgress p) {
        if (p == null) {
            return i18n.get("weights.starting");
        }
        return i18n.get("weights.progress", size(p.done()), p.total() < 0 ? "?" : size(p.total()),
                size(Math.round(p.bytesPerSecond())));
    }

    /** The controls of one network's row. */
    private final class RowView {
        final Label name = new Label();
        final Label status = new Label();
        final Label source = new Label();
        final Label size = new Label();
        final ProgressBar bar = new ProgressBar(0);
        final Label progress = new Label();
        final VBox progressBox = new VBox(2, bar, progress);
        final Button download = new Button();
        final Button cancel = new Button();

        RowView(HubSource s) {
            String id = s.model();
            name.setText(s.model());
            name.getStyleClass().add("weights-name");
            status.setId("weights-status-" + id);
            source.setText(s.toString());
            source.getStyleClass().add("weights-source");
            source.setStyle("-fx-font-size: 0.85em; -fx-opacity: 0.75;");
            size.setId("weights-size-" + id);
            bar.setId("weights-bar-" + id);
            bar.setPrefWidth(220);
            progress.setId("weights-progress-" + id);
            progressBox.setPrefWidth(320);
            progressBox.setMinWidth(220);
            progressBox.setMaxWidth(420);
            bar.setMaxWidth(Double.MAX_VALUE);
            download.setId("weights-download-" + id);
            download.textProperty().bind(i18n.text("weights.download"));
            download.setOnAction(e -> vm.download(s.model()));
            cancel.setId("weights-cancel-" + id);
            cancel.textProperty().bind(i18n.text("weights.cancel"));
            cancel.setOnAction(e -> vm.cancel(s.model()));
            for (javafx.scene.control.Control c : List.of(name, status, source, size, download, cancel)) {
                c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // names and buttons are never cut short
            }
        }

        void show(WeightsRow r) {
            boolean downloading = r.status() == WeightsRow.Status.DOWNLOADING;
            status.setText(i18n.get(r.status().key()));
            status.getStyleClass().setAll("label", "weights-status-" + r.status().name().toLowerCase(Locale.ROOT));
            size.setText(size(r.size()));
            bar.setVisible(downloading);
            bar.setManaged(downloading);
            bar.setProgress(r.progress() == null || r.progress().fraction() < 0 ? ProgressBar.INDETERMINATE_PROGRESS
                    : r.progress().fraction());
            progress.setText(downloading ? progressText(r.progress())
                    : r.status() == WeightsRow.Status.PRESENT ? r.file().toString()
                    : r.message() == null ? "" : r.message());
            progress.setTooltip(progress.getText().isEmpty() ? null : new javafx.scene.control.Tooltip(progress.getText()));
            download.setDisable(downloading || r.status() == WeightsRow.Status.PRESENT);
            cancel.setVisible(downloading);
        }
    }
}
