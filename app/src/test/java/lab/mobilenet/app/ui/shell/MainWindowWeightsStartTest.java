package lab.mobilenet.app.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.stage.Stage;
import lab.mobilenet.app.ui.AppContext;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.engine.checkpoint.LocalCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** {@code --page=weights} (as a teacher preparing a room offline would start it) opens the Weights page. */
@ExtendWith(ApplicationExtension.class)
class MainWindowWeightsStartTest {

    @TempDir
    static Path dir;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        StartOptions o = StartOptions.parse(Map.of("page", "WEIGHTS"), List.of());
        AppContext ctx = new AppContext(UiExecutors.sameThread(), new I18n(Locale.ENGLISH), () -> { }, o,
                new LocalCheckpoints(dir.resolve("app"), dir.resolve("hub")));
        window = MainWindow.open(stage, ctx);
    }

    @Test
    void theWeightsPageOpensFromTheLaunchOption() {
        assertEquals(Page.WEIGHTS, window.pageProperty().get());
    }
}
