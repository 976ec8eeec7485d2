package lab.mobilenet.app.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import lab.mobilenet.app.ui.AppContext;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.app.ui.shell.MainWindow;
import lab.mobilenet.app.ui.shell.Page;
import lab.mobilenet.app.ui.shell.StartOptions;
import lab.mobilenet.engine.checkpoint.LocalCheckpoints;
import lab.mobilenet.engine.model.Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Explorer in the real window, headless (Monocle), opened by the launch option {@code --page=explorer}.
 * The run goes on its own thread, so the test waits (bounded) for each step to come back.
 */
@ExtendWith(ApplicationExtension.class)
class ExplorerPageTest {

    @TempDir
    Path weightsDir;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        StartOptions o = StartOptions.parse(Map.of("page", "explorer", "model", "mobilenetv2"), s -> { });
        AppContext ctx = new AppContext(UiExecutors.sameThread(), new I18n(Locale.ENGLISH), () -> { }, o,
                new LocalCheckpoints(weightsDir.resolve("app"), weightsDir.resolve("hub")));
        window = MainWindow.open(stage, ctx);
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** "MACs 5,419,008 / 56,516,360" → 5419008. */
    private long macsSoFar(FxRobot robot) {
        String t = text(robot, "#explorer-macs");
        return Long.parseLong(t.substring("MACs ".length(), t.indexOf('/')).replace(",", "").trim());
    }

    private void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(2, TimeUnit.MINUTES, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void pickANetworkStepThreeLayersAndSelectOneToSeeItsMaps(FxRobot robot) throws Exception {
        assertEquals(Page.EXPLORER, window.pageProperty().get(), "--page=explorer opens it");
        ExplorerPage page = window.explorerPage();
        assertEquals(Architecture.MOBILENET_V2, page.viewModel().architectureProperty().get(), "--model=mobilenetv2");
        waitFor(() -> page.viewModel().photoProperty().get() != null);
        assertTrue(text(robot, "#explorer-weights").startsWith("UNTRAINED"), "no checkpoints in the test folders");

        @SuppressWarnings("unchecked")
        ComboBox<Architecture> network = robot.lookup("#explorer-network").queryAs(ComboBox.class);
        robot.interact(() -> network.setValue(Architecture.MOBILENET_V3_SMALL));
        assertEquals("mobilenetv3_small_100", page.viewModel().planProperty().get().network().name());
        assertEquals(0, macsSoFar(robot));

        robot.type(KeyCode.RIGHT, 3);
        waitFor(() -> text(robot, "#explorer-step").startsWith("layer 3 /"));
        // V3-Small at 224: conv_stem 3 -> 16 channels, stride 2: 112 x 112 x 16 outputs x 27 MACs;
        // bn1 (batch norm + hard-swish): none; blocks.0.0.conv_dw, 3x3 depthwise, stride 2: 56 x 56 x 16 x 9
        assertEquals(112L * 112 * 16 * 27 + 56L * 56 * 16 * 9, macsSoFar(robot));
        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(112L * 112 * 16 * 27, macsSoFar(robot), "one layer back takes the depthwise MACs away");

        OverviewPainter.Hit stem = page.overview().hits().stream().filter(h -> h.name().equals("conv_stem"))
                .findFirst().orElseThrow();
        robot.moveTo(robot.lookup("#explorer-overview").query(), Pos.TOP_LEFT, new Point2D(60, stem.top() + 8),
                Motion.DIRECT).clickOn();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("conv_stem", text(robot, "#detail-name"));
        assertNotNull(page.detail().maps().shown(), "its feature maps are drawn");
        assertEquals(16, FeatureMapPainter.chw(page.detail().maps().shown())[0], "one map per output channel");
        assertTrue(text(robot, "#detail-macs").startsWith("MACs 5,419,008"), text(robot, "#detail-macs"));
    }

    @Test
    void hiddenChartsDoNotRepaintOnEveryStepButPaintWhenShown(FxRobot robot) throws Exception {
        ExplorerPage page = window.explorerPage();
        waitFor(() -> page.viewModel().photoProperty().get() != null);
        CanvasHost roofline = robot.lookup("#chart-roofline").queryAs(CanvasHost.class);
        int before = roofline.paints();
        robot.type(KeyCode.RIGHT, 3);
        waitFor(() -> text(robot, "#explorer-step").startsWith("layer 3 /"));
        assertEquals(before, roofline.paints(), "three steps with the Overview tab on screen");

        javafx.scene.control.TabPane tabs = robot.lookup("#explorer-tabs").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(roofline.paints() > before, "shown, the roofline paints the steps it missed");
        int shown = roofline.paints();
        robot.type(KeyCode.RIGHT);
        waitFor(() -> text(robot, "#explorer-step").startsWith("layer 4 /"));
        assertTrue(roofline.paints() > shown, "on screen, a step repaints it");
    }
}
