import java.util.HashMap;
import java.util.Map;
import javafx.application.Application;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import lab.mobilenet.app.ui.AppContext;
import lab.mobilenet.app.ui.explorer.ExplorerPage;
import lab.mobilenet.app.ui.explorer.ExplorerViewModel;
import lab.mobilenet.app.ui.shell.MainWindow;
import lab.mobilenet.app.ui.shell.StartOptions;

/**
 * Opens the Explorer for a screenshot and prints READY once the run is complete (on trained weights when
 * they are installed) and the requested row and tab are shown; the caller then captures the screen.
 *
 *     xvfb-run -a -s "-screen 0 1600x1000x24" java -cp app/target/mobilenet-lab.jar tools/ExplorerScreenshot.java \
 *         --page=explorer --model=mobilenetv2 --steps=100000 --select=blocks.1.1 --tab=charts
 *
 * {@code --latency-png=FILE} instead measures time per image against batch size and writes that chart.
 */
public class ExplorerScreenshot extends Application {

    public static void main(String[] args) {
        Application.launch(ExplorerScreenshot.class, args); // by class: the source launcher's loader is not the system one
    }

    @Override
    public void start(Stage stage) {
        Map<String, String> named = new HashMap<>(getParameters().getNamed());
        MainWindow w = MainWindow.open(stage, AppContext.production(StartOptions.parse(named)));
        ExplorerPage page = w.explorerPage();
        ExplorerViewModel vm = page.viewModel();
        boolean charts = "charts".equals(named.get("tab"));
        vm.inspectionProperty().addListener((o, was, now) -> {
            if (now != null && now.complete() && !now.untrained()) {
                if (named.containsKey("select")) {
                    vm.selectedProperty().set(named.get("select"));
                }
                if (named.containsKey("latency-png")) {
                    // measure time per image against batch size, then paint that chart to a PNG and stop
                    vm.latencyProperty().addListener((l, a, b) -> {
                        lab.mobilenet.app.export.ExplorerExporter.png(java.nio.file.Path.of(named.get("latency-png")),
                                900, 320, p -> lab.mobilenet.app.ui.explorer.ChartPainters.latency(p,
                                        lab.mobilenet.app.ui.render.Palette.LIGHT, b, ExplorerViewModel.BATCHES,
                                        k -> lab.mobilenet.app.ui.i18n.I18n.lookup(java.util.Locale.ENGLISH,
                                                "explorer.chart." + k)));
                        System.out.println("READY");
                    });
                    vm.measureLatency();
                } else if (charts) {
                    ((TabPane) page.lookup("#explorer-tabs")).getSelectionModel().select(1);
                    vm.roofProperty().addListener((r, a, b) -> System.out.println("READY"));
                    vm.measureRoof();
                } else {
                    System.out.println("READY");
                }
            }
        });
    }
}
