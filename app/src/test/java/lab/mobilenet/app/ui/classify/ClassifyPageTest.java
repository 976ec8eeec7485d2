package lab.mobilenet.app.ui.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.app.ui.shell.EngineWarmup;
import lab.mobilenet.app.ui.shell.StatusBar;
import lab.mobilenet.app.ui.theme.Styles;
import lab.mobilenet.app.ui.theme.Theme;
import lab.mobilenet.engine.image.RgbImage;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.NetworkBuilder;
import lab.mobilenet.engine.runtime.CancellationToken;
import lab.mobilenet.engine.runtime.SeededWeights;
import lab.mobilenet.engine.runtime.Weights;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real page, headless (Monocle), with the real engine on real background threads and the FX thread as the
 * UI executor, as in the app. The networks carry seeded weights marked as trained, so all four columns answer.
 * The first run is held at a gate until the test has seen the FX thread answer a request: proof that the runs do
 * not happen on it.
 */
@ExtendWith(ApplicationExtension.class)
class ClassifyPageTest {

    @TempDir
    static Path dir;

    private static Map<Architecture, Weights> weights;

    private ExecutorService pool;
    private ClassifyPage page;
    private ClassifyViewModel vm;
    private Gate backend;

    @BeforeAll
    static void seededWeightsForAllFour() {
        weights = new EnumMap<>(Architecture.class);
        for (Architecture a : ClassifyNetworks.ALL) {
            Weights w = SeededWeights.create(NetworkBuilder.build(a, 1.0), 3);
            weights.put(a, new Weights(w.tensors(), true, "test: seeded, marked trained"));
        }
    }

    @Start
    void start(Stage stage) {
        pool = Executors.newFixedThreadPool(2, UiExecutors.daemonThreads("classify-test"));
        UiExecutors executors = new UiExecutors(pool, Platform::runLater);
        backend = new Gate(new EngineClassifyBackend());
        vm = new ClassifyViewModel(backend, executors);
        vm.weightsProperty().set(weights);
        I18n i18n = new I18n(Locale.ENGLISH);
        StatusBar status = new StatusBar(i18n, new EngineWarmup(() -> { }));
        page = new ClassifyPage(vm, executors, i18n, status, () -> { });
        Scene scene = new Scene(new BorderPane(page, null, null, status, null), 1200, 760);
        Styles.apply(scene, Theme.LIGHT, false);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static Path bundled(String name) throws IOException {
        Path out = dir.resolve(name);
        try (InputStream in = ClassifyPageTest.class.getResourceAsStream("/assets/images/" + name)) {
            Files.copy(in, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return out;
    }

    @Test
    void twoGoodPhotosAndABadFileGiveThreeCardsWhileTheUiThreadStaysFree(FxRobot robot) throws Exception {
        Path coffee = bundled("coffee.png");
        Path chelsea = bundled("chelsea.png");
        Path bad = Files.writeString(dir.resolve("broken.jpg"), "this is text, not a JPEG");
        Probe probe = new Probe();
        probe.start();
        robot.interact(() -> assertTrue(page.handleDroppedFiles(List.of(coffee.toFile(), bad.toFile(),
                chelsea.toFile()))));

        assertTrue(backend.started.await(120, TimeUnit.SECONDS), "a network started");
        CountDownLatch answered = new CountDownLatch(1);
        Platform.runLater(answered::countDown);
        assertTrue(answered.await(10, TimeUnit.SECONDS), "the FX thread answers while a network is running");
        backend.release.countDown();

        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> vm.cards().size() == 3 && vm.cards().stream().allMatch(ClassifyCard::settled)
                        && !vm.busy()).get());
        WaitForAsyncUtils.waitForFxEvents();
        probe.stop();

        List<Node> cards = List.copyOf(robot.lookup(".classify-card").queryAll());
        assertEquals(3, cards.size());
        ClassifyCard badCard = vm.cards().get(1);
        Label error = robot.lookup("#error-" + badCard.id()).queryAs(Label.class);
        assertEquals("Could not use broken.jpg: it is not an image format this app can read", error.getText());
        for (ClassifyCard c : List.of(vm.cards().get(0), vm.cards().get(2))) {
            Node card = robot.lookup("#card-" + c.id()).query();
            assertEquals(4, robot.from(card).lookup(".net-column").queryAll().size(), c.name());
            for (Architecture a : ClassifyNetworks.ALL) {
                Node col = robot.from(card).lookup("#column-" + ClassifyNetworks.timmName(a)).query();
                assertEquals(5, robot.from(col).lookup(".top5-label").queryAll().size(), c.name() + " " + a);
                String stats = robot.from(col).lookup("#stats-" + ClassifyNetworks.timmName(a)).queryAs(Label.class)
                        .getText();
                assertTrue(stats.matches("[0-9.]+ ms · [0-9.]+ M MACs · [0-9.]+ M params"), stats);
            }
            assertTrue(robot.from(card).lookup("#cam-mobilenetv2_100").tryQuery().isPresent(), "V2 shows its CAM");
        }
        assertEquals(8, backend.runs.get(), "four networks on each good photo, none on the bad file");
        assertEquals(0, backend.onFxThread.get(), "no decoding or run happened on the FX thread");
        assertTrue(probe.longestGapMillis() < 2000, "longest wait of the FX thread for a posted task: "
                + probe.longestGapMillis() + " ms");
    }

    /** The real backend behind a gate that holds the first run, counting where every call ran. */
    private static final class Gate implements ClassifyBackend {
        final ClassifyBackend real;
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger runs = new AtomicInteger();
        final AtomicInteger onFxThread = new AtomicInteger();

        Gate(ClassifyBackend real) {
            this.real = real;
        }

        private void where() {
            if (Platform.isFxApplicationThread()) {
                onFxThread.incrementAndGet();
            }
        }

        @Override
        public Prepared decode(Path file) throws Exception {
            where();
            return real.decode(file);
        }

        @Override
        public Prepared prepare(RgbImage image) {
            where();
            return real.prepare(image);
        }

        @Override
        public Cost cost(Architecture network) {
            return real.cost(network);
        }

        @Override
        public Outcome classify(Architecture network, Weights w, RgbImage crop, CancellationToken cancel) {
            where();
            runs.incrementAndGet();
            started.countDown();
            try {
                if (!release.await(120, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return real.classify(network, w, crop, cancel);
        }

        @Override
        public HeatMap occlusion(Architecture network, Weights w, RgbImage crop, int classIndex,
                                 CancellationToken cancel, IntConsumer progress) {
            where();
            return real.occlusion(network, w, crop, classIndex, cancel, progress);
        }

        @Override
        public int occlusionRuns(int side) {
            return real.occlusionRuns(side);
        }
    }

    /** Posts a task to the FX thread every 20 ms and keeps the longest time one waited to run. */
    private static final class Probe {
        private final AtomicLong longest = new AtomicLong();
        private volatile boolean running = true;
        private final Thread thread = new Thread(this::loop, "fx-probe");

        void start() {
            thread.setDaemon(true);
            thread.start();
        }

        private void loop() {
            while (running) {
                long posted = System.nanoTime();
                CountDownLatch ran = new CountDownLatch(1);
                Platform.runLater(() -> {
                    longest.accumulateAndGet((System.nanoTime() - posted) / 1_000_000, Math::max);
                    ran.countDown();
                });
                try {
                    ran.await(30, TimeUnit.SECONDS);
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(5000);
        }

        long longestGapMillis() {
            return longest.get();
        }
    }
}
