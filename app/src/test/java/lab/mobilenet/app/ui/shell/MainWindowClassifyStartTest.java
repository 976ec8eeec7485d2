package lab.mobilenet.app.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import lab.mobilenet.app.ui.AppContext;
import lab.mobilenet.app.ui.classify.ClassifyCard;
import lab.mobilenet.app.ui.classify.NetworkStatus;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.engine.checkpoint.LocalCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window started as {@code --page=classify PHOTO BAD}: the Classify page is open with both queued. The
 * checkpoint folders are empty, so every network says "untrained weights" (and nothing needs ND4J).
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowClassifyStartTest {

    @TempDir
    static Path dir;

    private MainWindow window;

    @Start
    void start(Stage stage) throws IOException {
        Path photo = dir.resolve("coffee.png");
        try (InputStream in = MainWindowClassifyStartTest.class.getResourceAsStream("/assets/images/coffee.png")) {
            Files.copy(in, photo, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path bad = Files.write(dir.resolve("empty.jpg"), new byte[0]);
        StartOptions o = StartOptions.parse(Map.of("page", "classify"), List.of(photo.toString(), bad.toString()));
        AppContext ctx = new AppContext(UiExecutors.sameThread(), new I18n(Locale.ENGLISH), () -> { }, o,
                new LocalCheckpoints(dir.resolve("app"), dir.resolve("hub")));
        window = MainWindow.open(stage, ctx);
    }

    @Test
    void theClassifyPageOpensWithThePhotosQueued(FxRobot robot) {
        assertEquals(Page.CLASSIFY, window.pageProperty().get());
        assertTrue(robot.lookup("#classify-page").query().isVisible());
        List<ClassifyCard> cards = window.classifyPage().viewModel().cards();
        assertEquals(List.of("coffee.png", "empty.jpg"), cards.stream().map(ClassifyCard::name).toList());
        for (var col : cards.get(0).columns().values()) {
            assertEquals(NetworkStatus.UNTRAINED, col.status());
        }
        assertEquals(4, robot.lookup(".untrained-badge").queryAll().size());
        assertEquals("Could not use empty.jpg: the file is empty",
                robot.lookup("#error-" + cards.get(1).id()).queryAs(Label.class).getText());
    }
}
