package lab.mobilenet.app.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import lab.mobilenet.app.ui.AppContext;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.app.ui.shell.MainWindow;
import lab.mobilenet.app.ui.shell.Page;
import lab.mobilenet.app.ui.shell.StartOptions;
import lab.mobilenet.app.ui.testing.FxWatchdog;
import lab.mobilenet.app.ui.testing.FxWatchdogExtension;
import lab.mobilenet.engine.checkpoint.LocalCheckpoints;
import lab.mobilenet.lessons.LessonCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Open in lesson" in the real window, headless (Monocle): step the Explorer on MobileNet V2 (untrained) until a
 * depthwise layer has run, select it, click a cell of its enlarged feature map, open it in its lesson, step a
 * pixel there, and come back to the Explorer as it was. The FX watchdog fails the test if the UI thread stalls.
 */
@ExtendWith({ApplicationExtension.class, FxWatchdogExtension.class})
class OpenInLessonWindowTest {

    private static final String DW = "blocks.0.0.conv_dw"; // layer 3: 32 channels, 3×3, stride 1, 112×112

    @TempDir
    Path weightsDir;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        StartOptions o = StartOptions.parse(Map.of("page", "explorer", "model", "mobilenetv2"), s -> { });
        AppContext ctx = new AppContext(new UiExecutors(FxWatchdog.inlineCompute(), Runnable::run),
                new I18n(Locale.ENGLISH), () -> { }, o,
                new LocalCheckpoints(weightsDir.resolve("app"), weightsDir.resolve("hub")));
        window = MainWindow.open(stage, ctx);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** "1,234 / 5,678" → 1234. */
    private static long macsDone(FxRobot robot) {
        String t = text(robot, "#counter-macs");
        return Long.parseLong(t.substring(0, t.indexOf('/')).replace(",", "").trim());
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(2, TimeUnit.MINUTES, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks a row of the overview; a layer of a closed block is reached by clicking its block first. */
    private void clickRow(FxRobot robot, ExplorerPage page, String name) {
        if (page.overview().hits().stream().noneMatch(h -> h.name().equals(name))) {
            clickRow(robot, page, name.substring(0, name.lastIndexOf('.')));
        }
        OverviewPainter.Hit row = page.overview().hits().stream().filter(h -> h.name().equals(name)).findFirst()
                .orElseThrow();
        robot.moveTo(robot.lookup("#explorer-overview").query(), Pos.TOP_LEFT, new Point2D(60, row.top() + 8),
                Motion.DIRECT).clickOn();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aDepthwiseLayerOfTheRunOpensInItsLessonAndStepsThere(FxRobot robot) throws Exception {
        ExplorerPage page = window.explorerPage();
        ExplorerViewModel vm = page.viewModel();
        waitFor(() -> vm.photoProperty().get() != null && vm.planProperty().get() != null);
        robot.type(KeyCode.RIGHT, 3);
        waitFor(() -> vm.inspectionProperty().get() != null && vm.inspectionProperty().get().row(DW) != null);
        Button open = robot.lookup("#detail-open-lesson").queryAs(Button.class);

        clickRow(robot, page, "blocks.1.0.conv_dw"); // a depthwise layer the run has not reached
        assertEquals("blocks.1.0.conv_dw", text(robot, "#detail-name"));
        assertTrue(open.isVisible());
        assertTrue(open.isDisabled(), "its input has not run");
        assertTrue(text(robot, "#detail-lesson-hint").startsWith("Its input has not run yet"),
                text(robot, "#detail-lesson-hint"));
        clickRow(robot, page, "blocks.0.0.bn1");
        assertFalse(open.isVisible(), "a batch norm has no lesson");

        clickRow(robot, page, DW);
        assertEquals(DW, text(robot, "#detail-name"));
        assertFalse(open.isDisabled());
        // choose output cell (row 20, column 30) on the enlarged map of channel 0, once it is coloured
        waitFor(() -> page.detail().maps().mapLayout() != null);
        FeatureMapPainter.Layout l = page.detail().maps().mapLayout();
        robot.moveTo(robot.lookup("#feature-maps").query(), Pos.TOP_LEFT,
                new Point2D(l.bigX() + 30.5 * l.bigScale(), l.bigY() + 20.5 * l.bigScale()), Motion.DIRECT).clickOn();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#detail-lesson-hint").startsWith("Around output (20, 30), from channel 0"),
                text(robot, "#detail-lesson-hint"));
        robot.clickOn(open);
        waitFor(() -> window.pageProperty().get() == Page.LESSONS && window.lessonsPage().viewModel().frame() != null);

        assertEquals(LessonCatalog.DEPTHWISE, window.lessonsPage().viewModel().lessonProperty().get());
        assertEquals(DW + " of MobileNet V2 — real input crop around output (20, 30), channels 0–3, "
                + "untrained weights (seed 42)", text(robot, "#lesson-real-layer"));
        assertEquals("0 / 2,304", text(robot, "#counter-macs"), "4 channels × 8 × 8 cells × 3·3 taps");
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(9, macsDone(robot), "one output value of a 3×3 depthwise filter");

        robot.clickOn("#lesson-back-to-explorer");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Page.EXPLORER, window.pageProperty().get());
        assertEquals(DW, text(robot, "#detail-name"), "the Explorer is as it was left");
        assertEquals(3, vm.countersProperty().get().step());

        robot.clickOn("#nav-lessons");
        robot.clickOn("3. Pointwise (1×1) convolution");
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(window.lessonsPage().viewModel().realLayerProperty().get(), "another lesson leaves the layer");
        assertFalse(robot.lookup("#lesson-real-layer-bar").query().isVisible());
    }
}
