package lab.mobilenet.app.ui.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.app.ui.i18n.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class BuildNetPageTest {

    private BuildNetViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new BuildNetViewModel(UiExecutors.sameThread());
        stage.setScene(new Scene(new BuildNetPage(new I18n(Locale.ENGLISH), vm), 1200, 760));
        stage.show();
    }

    @Test
    void editingTheTextRedrawsTheTableAndTotals(FxRobot robot) {
        GridPane table = robot.lookup("#build-table").queryAs(GridPane.class);
        // header + 7 layers, 6 columns
        assertEquals(8 * 6, table.getChildren().size());
        Label totals = robot.lookup("#build-totals").queryAs(Label.class);
        assertTrue(totals.getText().startsWith("Separable: 12,741 parameters"), totals.getText());
        robot.interact(() -> robot.lookup("#build-editor").queryAs(TextArea.class).appendText("Dense(5)\n"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(9 * 6, table.getChildren().size());
        assertTrue(totals.getText().startsWith("Separable: 12,796 parameters"), totals.getText());
        robot.clickOn("#build-remove");
        assertTrue(totals.getText().startsWith("Separable: 12,741 parameters"), totals.getText());
    }

    @Test
    void theLayerControlsEditTheNet(FxRobot robot) {
        Label totals = robot.lookup("#build-totals").queryAs(Label.class);
        @SuppressWarnings("unchecked")
        javafx.scene.control.Spinner<Integer> filters = robot.lookup("#build-filters-0")
                .queryAs(javafx.scene.control.Spinner.class);
        assertEquals(32, filters.getValue());
        robot.interact(() -> filters.decrement());
        // 31 filters: 27 + 3·31 + 31 = 151; the next reads 31 channels: 9·31 + 31·64 + 64 = 2,327
        assertTrue(totals.getText().startsWith("Separable: 12,664 parameters"),
                totals.getText());
        robot.clickOn("#build-separable-0");
        assertTrue(robot.lookup("#build-editor").queryAs(TextArea.class).getText().contains("\nConv2D(31, 3"));
    }

    @Test
    void theOrderQuestionIsAlsoShownOnRealLayers(FxRobot robot) {
        GridPane real = robot.lookup("#build-order-real").queryAs(GridPane.class);
        assertEquals(5 * 4, real.getChildren().size()); // header + Xception's three layers + V1's one
        assertTrue(real.getChildren().stream().anyMatch(n -> n instanceof Label l && l.getText().equals("the same")),
                "the middle flow's 728 → 728 costs the same in either order");
    }
}
