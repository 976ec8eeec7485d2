package lab.mobilenet.app.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.app.ui.testing.FxWatchdogExtension;
import lab.mobilenet.app.ui.theme.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window shows its one-line startup scene at once and builds the main window only after that, once. */
@ExtendWith({ApplicationExtension.class, FxWatchdogExtension.class})
class StartupSceneTest {

    private final AtomicInteger builds = new AtomicInteger();
    private Stage stage;
    private boolean builtBeforeShowReturned;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        StartupScene.showThen(stage, new I18n(Locale.ENGLISH), Theme.LIGHT, builds::incrementAndGet);
        builtBeforeShowReturned = builds.get() > 0;
    }

    @Test
    void theStartupLineShowsFirstAndTheBuildFollowsOnce(FxRobot robot) throws Exception {
        assertTrue(stage.isShowing());
        assertEquals("MobileNet Lab", stage.getTitle());
        assertEquals(false, builtBeforeShowReturned, "the build waits for the first frames");
        assertEquals("Preparing the lesson…", robot.lookup("#startup-root .label").queryAs(Label.class).getText());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> builds.get() > 0);
        Thread.sleep(300); // frames keep coming: the build must not run again
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, builds.get());
    }
}
