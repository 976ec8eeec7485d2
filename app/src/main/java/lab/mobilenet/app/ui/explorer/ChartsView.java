package lab.mobilenet.app.ui.explorer;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import lab.mobilenet.app.export.ExplorerExporter;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.app.ui.render.Painter;
import lab.mobilenet.app.ui.render.Palette;
import lab.mobilenet.app.ui.shell.StatusBar;
import lab.mobilenet.engine.inspect.Inspection;
import lab.mobilenet.engine.inspect.RooflineProbe;
import lab.mobilenet.engine.model.Architecture;

/**
 * The charts tab: where the compute goes, the roofline, accuracy against MACs, and the export buttons
 * (table as CSV or Markdown, each chart as PNG). Charts need a complete run; until then they say so.
 */
final class ChartsView extends ScrollPane {

    private final ExplorerViewModel vm;
    private final I18n i18n;
    private final ObjectProperty<Palette> palette;
    private final StatusBar status;
    private final CanvasHost split;
    private final CanvasHost roofline;
    private final CanvasHost accuracy;
    private final CanvasHost latency;
    private boolean shown;
    private boolean stale = true;

    ChartsView(ExplorerViewModel vm, I18n i18n, ObjectProperty<Palette> palette, StatusBar status) {
        this.vm = vm;
        this.i18n = i18n;
        this.palette = palette;
        this.status = status;
        split = host("chart-split", 330, this::drawSplit);
        roofline = host("chart-roofline", 440, this::drawRoofline);
        accuracy = host("chart-accuracy", 340, this::drawAccuracy);
        latency = host("chart-latency", 320, this::drawLatency);
        Button measureLatency = button("explorer-measure-latency", "explorer.chart.latency.measure", vm::measureLatency);
        measureLatency.disableProperty().bind(vm.measuringLatencyProperty());
        Button pngLatency = button("explorer-export-latency", "explorer.export.latency", () -> exportPng("latency", 900,
                320, latencyPicture(vm.latencyProperty().get(), palette.get(), i18n.locale())));
        Button measure = button("explorer-measure", "explorer.chart.measure", vm::measureRoof);
        Button csv = button("explorer-export-csv", "explorer.export.csv", () -> exportTable("csv"));
        Button md = button("explorer-export-md", "explorer.export.md", () -> exportTable("md"));
        Button pngSplit = button("explorer-export-split", "explorer.export.split", () -> exportPng("compute-split", 900, 330,
                splitPicture(complete(), palette.get(), i18n.locale())));
        Button pngRoof = button("explorer-export-roofline", "explorer.export.roofline", () -> exportPng("roofline", 900, 440,
                rooflinePicture(complete(), vm.roofProperty().get(), palette.get(), i18n.locale())));
        Button pngAcc = button("explorer-export-accuracy", "explorer.export.accuracy", () -> exportPng("accuracy", 900, 340,
                accuracyPicture(vm.architectureProperty().get(), vm.widthProperty().get(), palette.get(), i18n.locale())));
        FlowPane buttons = new FlowPane(8, 6, measure, measureLatency, csv, md, pngSplit, pngRoof, pngAcc,
                pngLatency);
        VBox box = new VBox(10, buttons, split, roofline, accuracy, latency);
        box.setStyle("-fx-padding: 8;");
        setContent(box);
        setFitToWidth(true);
        setFocusTraversable(false);
        vm.inspectionProperty().addListener(o -> redrawAll());
        vm.roofProperty().addListener(o -> whenShown(roofline));
        vm.latencyProperty().addListener(o -> whenShown(latency));
        vm.planProperty().addListener(o -> redrawAll());
        palette.addListener(o -> redrawAll());
        i18n.localeProperty().addListener(o -> redrawAll());
    }

    /**
     * Whether the charts tab is the one on screen. A hidden tab's content is still laid out, so without this
     * every step of a run (a new inspection snapshot) repainted four charts nobody could see.
     */
    void setShown(boolean now) {
        shown = now;
        if (now && stale) {
            stale = false;
            redrawAll();
        }
    }

    private void redrawAll() {
        for (CanvasHost h : new CanvasHost[] {split, roofline, accuracy, latency}) {
            whenShown(h);
        }
    }

    private void whenShown(CanvasHost h) {
        if (shown) {
            h.redraw();
        } else {
            stale = true;
        }
    }

    private CanvasHost host(String id, double height, Consumer<Painter> draw) {
        CanvasHost h = new CanvasHost(draw);
        h.setId(id);
        h.setMinHeight(height);
        h.setPrefHeight(height);
        return h;
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(i18n.text(key));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    private Inspection complete() {
        Inspection ins = vm.inspectionProperty().get();
        return ins != null && ins.complete() ? ins : null;
    }

    void drawSplit(Painter p) {
        splitPicture(complete(), palette.get(), i18n.locale()).accept(p);
    }

    void drawRoofline(Painter p) {
        rooflinePicture(complete(), vm.roofProperty().get(), palette.get(), i18n.locale()).accept(p);
    }

    void drawAccuracy(Painter p) {
        accuracyPicture(vm.architectureProperty().get(), vm.widthProperty().get(), palette.get(), i18n.locale()).accept(p);
    }

    void drawLatency(Painter p) {
        latencyPicture(vm.latencyProperty().get(), palette.get(), i18n.locale()).accept(p);
    }

    private static Consumer<Painter> latencyPicture(java.util.Map<String, double[]> curves, Palette pal, Locale loc) {
        return p -> ChartPainters.latency(p, pal, curves, ExplorerViewModel.BATCHES, words(loc));
    }

    // The pictures capture immutable values only, so an export can paint them off the UI thread.

    private static Function<String, String> words(Locale loc) {
        return k -> I18n.lookup(loc, "explorer.chart." + k);
    }

    private static Consumer<Painter> splitPicture(Inspection ins, Palette pal, Locale loc) {
        return p -> {
            if (ins == null) {
                p.fillRect(0, 0, p.width(), p.height(), pal.background());
                p.text(words(loc).apply("split.title"), 12, 16, 15, true, pal.text(), Painter.Align.LEFT);
                p.text(words(loc).apply("needs-run"), 12, 48, 13, false, pal.muted(), Painter.Align.LEFT);
                return;
            }
            ChartPainters.computeSplit(p, pal, ComputeShare.of(ins), words(loc));
        };
    }

    private static Consumer<Painter> rooflinePicture(Inspection ins, RooflineProbe roof, Palette pal, Locale loc) {
        return p -> ChartPainters.roofline(p, pal, ins, roof, words(loc));
    }

    private static Consumer<Painter> accuracyPicture(Architecture arch, double width, Palette pal, Locale loc) {
        return p -> ChartPainters.accuracy(p, pal, arch, width, words(loc));
    }

    private void exportTable(String kind) {
        Inspection ins = complete();
        if (ins == null) {
            status.error(i18n.get("explorer.chart.needs-run"));
            return;
        }
        Path out = choose(ins.plan().network().name() + (kind.equals("csv") ? ".csv" : ".md"));
        if (out != null) {
            save(out, () -> {
                if (kind.equals("csv")) {
                    ExplorerExporter.csv(out, ins);
                } else {
                    ExplorerExporter.markdown(out, ins);
                }
            });
        }
    }

    private void exportPng(String name, int w, int h, Consumer<Painter> draw) {
        Path out = choose(name + ".png");
        if (out != null) {
            save(out, () -> ExplorerExporter.png(out, w, h, draw));
        }
    }

    private Path choose(String suggested) {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(suggested);
        File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        return f == null ? null : f.toPath();
    }

    /** Writes in the background; the status bar hears where it went or why not. */
    private void save(Path out, Runnable write) {
        vm.inBackground(write, failure -> {
            if (status == null) {
                return;
            }
            if (failure == null) {
                status.info(i18n.get("explorer.exported", out.getFileName()));
            } else {
                status.error(failure);
            }
        });
    }
}
