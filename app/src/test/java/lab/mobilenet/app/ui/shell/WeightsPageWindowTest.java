package lab.mobilenet.app.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import lab.mobilenet.engine.hub.FakeHub;
import lab.mobilenet.app.ui.AppContext;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.app.ui.weights.TinySafetensors;
import lab.mobilenet.engine.checkpoint.LocalCheckpoints;
import lab.mobilenet.engine.hub.HubConfig;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.NetworkBuilder;
import lab.mobilenet.engine.runtime.SeededWeights;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, headless, with its hub pointed at a loopback server (never the real environment): the
 * first-run bar opens the Weights page, Download fetches MobileNetV3-Small and the row turns Present.
 */
@ExtendWith(ApplicationExtension.class)
class WeightsPageWindowTest {

    @TempDir
    Path dir;

    private FakeHub hub;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path f = Files.createTempFile("v3s", ".safetensors");
        TinySafetensors.write(f, SeededWeights.create(NetworkBuilder.build(Architecture.MOBILENET_V3_SMALL, 1.0), 5).tensors());
        hub = new FakeHub().put("timm/mobilenetv3_small_100.lamb_in1k", Files.readAllBytes(f));
        Files.delete(f);
        hub.chunkDelayMillis = 1;
        HubConfig config = new HubConfig(hub.endpoint(), dir.resolve("hub"), null, false, Duration.ofSeconds(5),
                Duration.ofSeconds(5));
        AppContext ctx = new AppContext(new UiExecutors(Runnable::run, Platform::runLater), new I18n(Locale.ENGLISH),
                () -> { }, StartOptions.DEFAULTS, new LocalCheckpoints(dir.resolve("app"), dir.resolve("hub")), config);
        window = MainWindow.open(stage, ctx);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void downloadFromTheWeightsPageCompletesAndTheRowTurnsPresent(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Node bar = robot.lookup("#first-run-bar").query();
        assertTrue(bar.isVisible(), "no weights at all: the first-run bar shows");
        robot.clickOn("#first-run-open");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Page.WEIGHTS, window.pageProperty().get());
        assertEquals("Missing", text(robot, "#weights-status-mobilenetv3_small_100"));

        robot.clickOn("#weights-download-mobilenetv3_small_100");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> "Present".equals(text(robot, "#weights-status-mobilenetv3_small_100")));
        WaitForAsyncUtils.waitForFxEvents();
        String shown = text(robot, "#weights-progress-mobilenetv3_small_100");
        assertTrue(shown.endsWith("model.safetensors") && shown.contains("models--timm--mobilenetv3_small_100"), shown);
        assertEquals("Missing", text(robot, "#weights-status-mobilenetv2_100"));
        assertFalse(bar.isVisible(), "weights are present now");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> window.weights().loaded().containsKey(Architecture.MOBILENET_V3_SMALL));
    }

    @Test
    void showWeightsOpensThePageAndTheNavigationLeavesIt(FxRobot robot) {
        robot.interact(window::showWeights);
        assertEquals(Page.WEIGHTS, window.pageProperty().get());
        assertTrue(robot.lookup("#weights-page").query().isVisible());
        robot.clickOn("#nav-lessons");
        assertEquals(Page.LESSONS, window.pageProperty().get());
    }

    @Test
    void droppingAFittingCheckpointOnThePageImportsItAndTheRowTurnsPresent(FxRobot robot) throws Exception {
        robot.interact(window::showWeights);
        Path f = dir.resolve("dropped.safetensors");
        TinySafetensors.write(f, SeededWeights.create(NetworkBuilder.build(Architecture.MOBILENET_V1, 1.0), 2).tensors());
        robot.interact(() -> assertFalse(window.weightsPage().handleDroppedFiles(java.util.List.of(dir.resolve("a.png").toFile()))));
        robot.interact(() -> assertTrue(window.weightsPage().handleDroppedFiles(java.util.List.of(f.toFile()))));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> "Present".equals(text(robot, "#weights-status-mobilenetv1_100")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(dir.resolve("app/mobilenetv1_100.safetensors").toString(), text(robot, "#weights-progress-mobilenetv1_100"));
        assertTrue(window.weights().loaded().containsKey(Architecture.MOBILENET_V1));
        assertEquals(0, hub.bodies.get(), "imported, not downloaded");
    }
}
