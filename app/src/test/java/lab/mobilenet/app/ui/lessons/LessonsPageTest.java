package lab.mobilenet.app.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.app.ui.testing.FxWatchdog;
import lab.mobilenet.app.ui.testing.FxWatchdogExtension;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.app.ui.photo.BundledPhotos;
import lab.mobilenet.app.ui.shell.EngineWarmup;
import lab.mobilenet.app.ui.shell.StatusBar;
import lab.mobilenet.app.ui.theme.Theme;
import lab.mobilenet.lessons.Granularity;
import lab.mobilenet.lessons.LessonCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The lessons page with a compute executor that only queues: the test decides when background work runs, so
 * it can see what happens on the FX thread and what happens later. The player is driven by a fake clock.
 */
@ExtendWith({ApplicationExtension.class, FxWatchdogExtension.class})
class LessonsPageTest {

    @TempDir
    Path dir;

    private final Deque<Runnable> queued = new ArrayDeque<>();
    private LessonsPage page;
    private StatusBar status;

    @Start
    void start(Stage stage) {
        UiExecutors ex = new UiExecutors(queued::add, Runnable::run);
        I18n i18n = new I18n(Locale.ENGLISH);
        status = new StatusBar(i18n, new EngineWarmup(() -> { }));
        LessonViewModel vm = new LessonViewModel(new CatalogLessonSource(), ex);
        page = new LessonsPage(vm, ex, i18n, status, new SimpleObjectProperty<>(Theme.LIGHT),
                new SimpleBooleanProperty(false));
        stage.setScene(new Scene(page, 1200, 800));
        stage.show();
        vm.setPhoto(BundledPhotos.load("coins.png"));
        vm.lessonProperty().set(LessonCatalog.STANDARD);
        runQueued();
    }

    private void runQueued() {
        while (!queued.isEmpty()) {
            FxWatchdog.inlineCompute().execute(queued.poll()); // background work, run here: not a UI stall
        }
    }

    @Test
    void pngIsEncodedAndWrittenOnTheComputeExecutor(FxRobot robot) throws IOException {
        Path out = dir.resolve("frame.png");
        robot.interact(() -> page.exportPng(out));
        assertFalse(Files.exists(out), "nothing is encoded on the FX thread");
        assertFalse(status.messageProperty().get().startsWith("Saved"));
        robot.interact(this::runQueued);
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals((int) page.canvas().canvas().getWidth(), img.getWidth());
        assertTrue(status.messageProperty().get().startsWith("Saved"), status.messageProperty().get());
    }

    @Test
    void aPngThatCannotBeWrittenSaysWhyOnOneLine(FxRobot robot) throws IOException {
        Path out = dir.resolve("taken.png"); // a non-empty folder of that name: the file cannot replace it
        Files.createDirectories(out);
        Files.writeString(out.resolve("keep.txt"), "x");
        robot.interact(() -> page.exportPng(out));
        robot.interact(this::runQueued);
        String msg = status.messageProperty().get();
        assertTrue(Files.isDirectory(out));
        assertTrue(msg.startsWith("Export failed: "), msg);
        assertFalse(msg.contains("\n"), msg);
    }

    @Test
    void playerStepsOncePerIntervalOfTheFakeClock(FxRobot robot) {
        var vm = page.viewModel();
        Player player = page.player();
        robot.interact(() -> {
            vm.granularityProperty().set(Granularity.MAC);
            runQueued();
            player.speedProperty().unbind();
            player.speedProperty().set(4); // one step every 250 ms
            long t0 = 1_000_000_000L;
            player.tick(t0);              // the first pulse steps at once
            runQueued();
            player.tick(t0 + 100_000_000L); // 100 ms later: too early
            runQueued();
            player.tick(t0 + 250_000_000L); // 250 ms: the second step
            runQueued();
            player.tick(t0 + 400_000_000L); // 150 ms after that: too early
            runQueued();
        });
        assertEquals(2, vm.frame().counters().macsDone(), "two steps of one MAC");
    }

    @Test
    void playerSkipsAPulseWhileTheStepIsStillComputing(FxRobot robot) {
        var vm = page.viewModel();
        Player player = page.player();
        robot.interact(() -> {
            vm.granularityProperty().set(Granularity.MAC);
            runQueued();
            player.speedProperty().unbind();
            player.speedProperty().set(Player.MAX_SPEED); // every pulse
            player.tick(1_000_000_000L);
            player.tick(1_016_000_000L); // the first step has not run yet: skipped
            runQueued();
            player.tick(1_032_000_000L);
            runQueued();
        });
        assertEquals(2, vm.frame().counters().macsDone());
    }
}
