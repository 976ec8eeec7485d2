package lab.mobilenet.app.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import lab.mobilenet.app.ui.AppContext;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.app.ui.lessons.LessonViewModel;
import lab.mobilenet.engine.checkpoint.LocalCheckpoints;
import lab.mobilenet.lessons.BottleneckFrame;
import lab.mobilenet.lessons.LessonCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Lesson 10 in the window: the keys change n whichever control has the focus (its own slider, a transport
 * button, the speed slider), and the slider, the n label and the surviving share follow.
 */
@ExtendWith(ApplicationExtension.class)
class BottleneckLessonWindowTest {

    @TempDir
    Path weightsDir;

    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        AppContext ctx = new AppContext(UiExecutors.sameThread(), new I18n(Locale.ENGLISH), () -> { },
                StartOptions.DEFAULTS, new LocalCheckpoints(weightsDir.resolve("app"), weightsDir.resolve("hub")));
        window = MainWindow.open(stage, ctx);
    }

    private LessonViewModel vm() {
        return window.lessonsPage().viewModel();
    }

    private BottleneckFrame shown() {
        return vm().frame().bottleneck().orElseThrow();
    }

    private void press(FxRobot robot, KeyCode key) {
        robot.type(key);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void focus(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        robot.interact(n::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(n, stage.getScene().getFocusOwner(), id + " has the focus");
    }

    private String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Labeled.class).getText();
    }

    @Test
    void keysChangeNWhereverTheFocusIsAndTheShareFollows(FxRobot robot) {
        robot.interact(() -> vm().lessonProperty().set(LessonCatalog.LINEAR_BOTTLENECK));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, shown().n());
        assertEquals("n = 2", label(robot, "#dimensions-value"));
        assertEquals("n = 2 (from 2 to 30)", label(robot, "#position"));
        Slider slider = robot.lookup("#dimensions-slider").queryAs(Slider.class);
        double shareAt2 = shown().reluSurvival().share();

        focus(robot, "#dimensions-slider");
        press(robot, KeyCode.RIGHT);
        assertEquals(3, shown().n(), "→ on the focused n slider: one dimension, not two");
        assertEquals(3, slider.getValue(), 0);
        assertEquals("n = 3", label(robot, "#dimensions-value"));
        assertNotEquals(shareAt2, shown().reluSurvival().share(), "the surviving share changed with n");

        focus(robot, "#transport-step");
        press(robot, KeyCode.RIGHT);
        press(robot, KeyCode.RIGHT);
        assertEquals(5, shown().n(), "→ with the focus on a button");
        press(robot, KeyCode.LEFT);
        assertEquals(4, shown().n(), "← with the focus on a button");

        focus(robot, "#speed");
        press(robot, KeyCode.END);
        assertEquals(30, shown().n(), "End with the focus on the speed slider");
        assertEquals(30, slider.getValue(), 0, "the n slider follows the keys");
        assertEquals("n = 30 (from 2 to 30)", label(robot, "#position"));
        assertTrue(shown().reluSurvival().share() > 4 * shareAt2, "many dimensions keep far more of the spiral");
        press(robot, KeyCode.HOME);
        assertEquals(2, shown().n());
        assertEquals(shareAt2, shown().reluSurvival().share());
    }

    @Test
    void theSliderPicksN(FxRobot robot) {
        robot.interact(() -> vm().lessonProperty().set(LessonCatalog.LINEAR_BOTTLENECK));
        Slider slider = robot.lookup("#dimensions-slider").queryAs(Slider.class);
        robot.interact(() -> slider.setValue(15));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(15, shown().n());
        assertEquals("T⁺[2×15]·ReLU(T[15×2]·x)", vm().frame().formulas().get(0).substituted());
        assertEquals("18,000", label(robot, "#counter-macs").split(" ")[0], "P·4n = 300·60 multiply-adds");
        robot.interact(() -> vm().lessonProperty().set(LessonCatalog.SQUEEZE_EXCITE));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!robot.lookup("#bottleneck-control").query().isVisible(), "the n slider is lesson 10's only");
    }
}
