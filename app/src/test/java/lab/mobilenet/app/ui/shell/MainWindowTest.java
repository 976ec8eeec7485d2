package lab.mobilenet.app.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import lab.mobilenet.app.ui.AppContext;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.app.ui.testing.FxWatchdog;
import lab.mobilenet.app.ui.testing.FxWatchdogExtension;
import lab.mobilenet.engine.checkpoint.LocalCheckpoints;
import lab.mobilenet.lessons.Granularity;
import lab.mobilenet.lessons.LessonCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, headless (Monocle), with same-thread executors so every key press has been computed when
 * the robot returns, and a stand-in engine load so the test does not wait for ND4J. The FX watchdog fails a
 * test whose UI thread stalls for more than 100 ms (same-thread background work not counted).
 */
@ExtendWith({ApplicationExtension.class, FxWatchdogExtension.class})
class MainWindowTest {

    /** Empty folders: the test never sees the user's own checkpoints. */
    @TempDir
    Path weightsDir;

    private final AtomicInteger engineLoads = new AtomicInteger();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        AppContext ctx = new AppContext(new UiExecutors(FxWatchdog.inlineCompute(), Runnable::run), new I18n(Locale.ENGLISH),
                engineLoads::incrementAndGet, StartOptions.DEFAULTS, new LocalCheckpoints(
                        weightsDir.resolve("app"), weightsDir.resolve("hub")));
        window = MainWindow.open(stage, ctx);
    }

    /** "1,234 / 5,678" → 1234. */
    private static long macsDone(FxRobot robot) {
        String text = robot.lookup("#counter-macs").queryAs(Label.class).getText();
        return Long.parseLong(text.substring(0, text.indexOf('/')).replace(",", "").trim());
    }

    @Test
    void windowIsTitledAndTheEngineWarmsUpAfterItShows(FxRobot robot) {
        assertEquals("MobileNet Lab", window.stage().getTitle());
        assertTrue(window.stage().isShowing());
        assertEquals(1, engineLoads.get());
        assertEquals("Engine ready", robot.lookup("#engine-status").queryAs(Label.class).getText());
    }

    @Test
    void rightArrowAddsOneOutputPixelOfMacsAndLeftTakesItBack(FxRobot robot) {
        robot.interact(() -> window.lessonsPage().viewModel().granularityProperty().set(Granularity.PIXEL));
        assertEquals(0, macsDone(robot));
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3 * 3 * 3, macsDone(robot), "M·D_K² = 3·3·3 for one output pixel of the standard lesson");
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(54, macsDone(robot));
        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(27, macsDone(robot));
    }

    @Test
    void upArrowMakesStepsCoarserAndEndFinishesTheLayer(FxRobot robot) {
        var vm = window.lessonsPage().viewModel();
        robot.interact(() -> vm.setPhoto(new lab.mobilenet.app.ui.photo.Photo("grey",
                lab.mobilenet.lessons.Planes.of(3, 64, 96, new float[3 * 64 * 96]))));
        robot.interact(() -> vm.granularityProperty().set(Granularity.MAC));
        robot.type(KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Granularity.PIXEL, vm.granularityProperty().get());
        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(27L * 4 * 96 * 64, macsDone(robot), "96 × 64 outputs (kept: under 112 px), 4 kernels, 27 MACs each");
        robot.type(KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, macsDone(robot));
    }

    @Test
    void pageDownAndUpSwitchLessons(FxRobot robot) {
        var vm = window.lessonsPage().viewModel();
        robot.type(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(LessonCatalog.DEPTHWISE, vm.frame().lesson());
        robot.type(KeyCode.PAGE_UP);
        robot.type(KeyCode.PAGE_UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(LessonCatalog.STANDARD, vm.frame().lesson(), "stops at the first lesson");
    }

    @Test
    void flopSwitchDoublesTheCount(FxRobot robot) {
        robot.interact(() -> window.lessonsPage().viewModel().granularityProperty().set(Granularity.PIXEL));
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(27, macsDone(robot));
        robot.clickOn("#flops-switch");
        assertEquals(54, macsDone(robot), "FLOPs = 2 · MACs");
        robot.clickOn("#flops-switch");
        assertEquals(27, macsDone(robot));
    }

    @Test
    void spaceStartsAndStopsThePlayer(FxRobot robot) {
        var player = window.lessonsPage().player();
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(player.playingProperty().get());
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(false, player.playingProperty().get());
    }

    @Test
    void clickingAnOutputCellJumpsToWhenItIsComplete(FxRobot robot) {
        var page = window.lessonsPage();
        var area = page.canvas().hits().cellAt(-1, -1);
        assertTrue(area.isEmpty());
        var out = page.viewModel().frame().traces().get(0).output();
        int h = out.height();
        int w = out.width();
        // Find map 1 on screen by probing the hit map, then click the centre of its cell (row 2, column 3).
        var canvas = page.canvas().canvas();
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (double y = 0; y < canvas.getHeight(); y += 0.5) {
            for (double x = 0; x < canvas.getWidth(); x += 0.5) {
                var c = page.canvas().hits().cellAt(x, y);
                if (c.isPresent() && c.get().channel() == 1 && c.get().y() == 2 && c.get().x() == 3) {
                    sx += x;
                    sy += y;
                    n++;
                }
            }
        }
        assertTrue(n > 0, "map 1 is drawn");
        var target = new javafx.geometry.Point2D(sx / n, sy / n);
        robot.clickOn(canvas.localToScreen(target));
        WaitForAsyncUtils.waitForFxEvents();
        long expected = ((1L * h + 2) * w + 3 + 1) * 27; // cells before and including (1, 2, 3), 27 MACs each
        assertEquals(expected, macsDone(robot));
    }

    @Test
    void everyLessonOpensFromTheList(FxRobot robot) {
        for (var lesson : LessonCatalog.all()) {
            robot.interact(() -> window.lessonsPage().viewModel().lessonProperty().set(lesson));
            WaitForAsyncUtils.waitForFxEvents();
            String title = robot.lookup("#lesson-title").queryAs(Label.class).getText();
            assertEquals(lesson.number() + ". " + I18n.lookup(Locale.ENGLISH, lesson.titleKey()), title);
            assertEquals(lesson, window.lessonsPage().viewModel().frame().lesson());
        }
    }

    @Test
    void droppingAnImageFileReplacesThePhoto(FxRobot robot) throws IOException {
        Path file = Files.createTempFile("dropped", ".png");
        try {
            ImageIO.write(new BufferedImage(90, 30, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
            List<File> files = List.of(file.toFile());
            robot.interact(() -> assertTrue(window.lessonsPage().handleDroppedFiles(files)));
            WaitForAsyncUtils.waitForFxEvents();
            var vm = window.lessonsPage().viewModel();
            assertEquals(file.getFileName().toString(), vm.photoProperty().get().name());
            var input = vm.frame().traces().get(0).trace().input();
            assertEquals(3.0, (double) input.width() / input.height(), 0.2);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void exportPngSavesWhatTheCanvasShows(FxRobot robot) throws IOException {
        Path out = Files.createTempFile("frame", ".png");
        try {
            robot.interact(() -> window.lessonsPage().exportPng(out));
            BufferedImage img = ImageIO.read(out.toFile());
            var canvas = window.lessonsPage().canvas().canvas();
            assertEquals((int) canvas.getWidth(), img.getWidth());
            assertEquals((int) canvas.getHeight(), img.getHeight());
            assertTrue(robot.lookup("#status-message").queryAs(Label.class).getText().startsWith("Saved"));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    @Test
    void switchingTheLanguageRelabelsTheNavigation(FxRobot robot) {
        robot.interact(() -> window.context().i18n().localeProperty().set(Locale.KOREAN));
        assertEquals("강의", robot.lookup("#nav-lessons").queryAs(javafx.scene.control.ToggleButton.class).getText());
        robot.interact(() -> window.context().i18n().localeProperty().set(Locale.SIMPLIFIED_CHINESE));
        assertEquals("课程", robot.lookup("#nav-lessons").queryAs(javafx.scene.control.ToggleButton.class).getText());
    }

    @Test
    void theExplorerOpensFromTheNavigation(FxRobot robot) {
        robot.clickOn("#nav-explorer");
        assertEquals(Page.EXPLORER, window.pageProperty().get());
        assertTrue(robot.lookup("#explorer-page").tryQuery().isPresent());
        robot.clickOn("#nav-lessons");
        assertEquals(Page.LESSONS, window.pageProperty().get());
    }

    @Test
    void statusBarSaysWhenNoPretrainedWeightsAreLoaded(FxRobot robot) {
        assertEquals("No pretrained weights", robot.lookup("#weights-status").queryAs(Label.class).getText());
    }

    @Test
    void aDroppedCheckpointIsImportedKeptAndListedInTheStatusBar(FxRobot robot) throws IOException {
        Path file = weightsDir.resolve("dropped.safetensors");
        lab.mobilenet.app.ui.weights.TinySafetensors.write(file, lab.mobilenet.engine.runtime.SeededWeights.create(
                lab.mobilenet.engine.model.NetworkBuilder.build(
                        lab.mobilenet.engine.model.Architecture.MOBILENET_V3_SMALL, 1.0), 2).tensors());
        robot.interact(() -> window.lessonsPage().handleDroppedFiles(List.of(file.toFile())));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Pretrained: mobilenetv3_small_100",
                robot.lookup("#weights-status").queryAs(Label.class).getText());
        assertTrue(Files.isRegularFile(weightsDir.resolve("app").resolve("mobilenetv3_small_100.safetensors")));
        assertEquals("chelsea.png", window.lessonsPage().viewModel().photoProperty().get().name(),
                "a checkpoint is not taken for a photo");
    }

    @Test
    void learnedKernelsAreOfferedOnlyOnceV1IsLoaded(FxRobot robot) {
        var box = robot.lookup("#kernel-choice").queryAs(javafx.scene.control.ComboBox.class);
        assertTrue(box.isDisabled(), "no V1 weights in the empty folders");
        assertTrue(box.isVisible(), "shown in lesson 1");
        robot.type(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(false, robot.lookup("#kernels-control").query().isVisible(), "hidden in lesson 2");
    }
}
