package lab.mobilenet.app.ui.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.app.ui.shell.EngineWarmup;
import lab.mobilenet.app.ui.shell.StatusBar;
import lab.mobilenet.engine.model.Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The page with a stand-in backend and same-thread executors: a network without trained weights says so and
 * links to the weights; the language switch relabels the cards; Remove and Clear empty the page.
 */
@ExtendWith(ApplicationExtension.class)
class ClassifyPageWithoutWeightsTest {

    private final AtomicInteger weightsLinks = new AtomicInteger();
    private ClassifyPage page;
    private ClassifyViewModel vm;
    private I18n i18n;

    @Start
    void start(Stage stage) {
        UiExecutors executors = UiExecutors.sameThread();
        vm = new ClassifyViewModel(new FakeBackend(), executors);
        vm.weightsProperty().set(FakeBackend.trained(Architecture.MOBILENET_V1, Architecture.MOBILENET_V2,
                Architecture.MOBILENET_V3_SMALL));
        i18n = new I18n(Locale.ENGLISH);
        StatusBar status = new StatusBar(i18n, new EngineWarmup(() -> { }));
        page = new ClassifyPage(vm, executors, i18n, status, weightsLinks::incrementAndGet);
        Scene scene = new Scene(new BorderPane(page), 1200, 760);
        lab.mobilenet.app.ui.theme.Styles.apply(scene, lab.mobilenet.app.ui.theme.Theme.LIGHT, false);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void anUntrainedColumnSaysSoAndItsLinkOpensTheWeights(FxRobot robot) {
        robot.interact(() -> page.addPhotos(List.of(Path.of("a.png"))));
        Label badge = robot.lookup("#untrained-mobilenetv3_large_100").queryAs(Label.class);
        assertEquals("untrained weights", badge.getText());
        Hyperlink link = robot.from((javafx.scene.Node) robot.lookup("#column-mobilenetv3_large_100").query()).lookup(".weights-link")
                .queryAs(Hyperlink.class);
        robot.interact(link::fire);
        assertEquals(1, weightsLinks.get());
        long id = vm.cards().get(0).id();
        assertEquals("The 3 networks with trained weights agree: tabby",
                robot.lookup("#verdict-" + id).queryAs(Label.class).getText());
    }

    @Test
    void switchingTheLanguageRelabelsTheCards(FxRobot robot) {
        robot.interact(() -> page.addPhotos(List.of(Path.of("a.png"))));
        robot.interact(() -> i18n.localeProperty().set(Locale.SIMPLIFIED_CHINESE));
        assertEquals("未训练的权重", robot.lookup("#untrained-mobilenetv3_large_100").queryAs(Label.class).getText());
        robot.interact(() -> i18n.localeProperty().set(Locale.KOREAN));
        assertEquals("학습되지 않은 가중치", robot.lookup("#untrained-mobilenetv3_large_100").queryAs(Label.class).getText());
    }

    @Test
    void aCardIsExportedAsAPngOfWhatTheScreenShows(FxRobot robot) throws Exception {
        robot.interact(() -> page.addPhotos(List.of(Path.of("a.png"))));
        Path out = java.nio.file.Files.createTempFile("card", ".png");
        try {
            long id = vm.cards().get(0).id();
            robot.interact(() -> page.exportCard(id, out));
            var img = javax.imageio.ImageIO.read(out.toFile());
            var node = robot.lookup("#card-" + id).query();
            assertEquals(Math.ceil(node.getBoundsInParent().getWidth()), img.getWidth(), 1.0);
            assertEquals(Math.ceil(node.getBoundsInParent().getHeight()), img.getHeight(), 1.0);
        } finally {
            java.nio.file.Files.deleteIfExists(out);
        }
    }

    @Test
    void pastingCopiedFilesOrACopiedImageQueuesThem(FxRobot robot) {
        robot.interact(() -> {
            javafx.scene.input.ClipboardContent files = new javafx.scene.input.ClipboardContent();
            files.putFiles(List.of(new java.io.File("a.png"), new java.io.File("b.png")));
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(files);
            page.paste();
        });
        assertEquals(List.of("a.png", "b.png"), vm.cards().stream().map(ClassifyCard::name).toList());
        robot.interact(() -> {
            javafx.scene.input.ClipboardContent image = new javafx.scene.input.ClipboardContent();
            image.putImage(new javafx.scene.image.WritableImage(30, 20));
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(image);
            page.paste();
        });
        assertEquals("pasted image 1", vm.cards().get(2).name());
        assertEquals(30, vm.cards().get(2).thumbnail().width(), "the stand-in backend keeps the pixels as they are");
    }

    @Test
    void removeTakesOneCardAndClearTakesThemAll(FxRobot robot) {
        robot.interact(() -> page.addPhotos(List.of(Path.of("a.png"), Path.of("b.png"), Path.of("c.png"))));
        assertEquals(3, robot.lookup(".classify-card").queryAll().size());
        robot.clickOn("#remove-" + vm.cards().get(1).id());
        assertEquals(List.of("a.png", "c.png"), vm.cards().stream().map(ClassifyCard::name).toList());
        assertEquals(2, robot.lookup(".classify-card").queryAll().size());
        robot.clickOn("#classify-clear");
        assertEquals(0, robot.lookup(".classify-card").queryAll().size());
        assertTrue(robot.lookup("#classify-drop-zone").query().isVisible(), "the drop zone is back");
    }
}
