package lab.mobilenet.app.ui.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import lab.mobilenet.engine.hub.FakeHub;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.engine.checkpoint.LocalCheckpoints;
import lab.mobilenet.engine.hub.HubConfig;
import lab.mobilenet.engine.hub.HubSource;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.NetworkBuilder;
import lab.mobilenet.engine.runtime.SeededWeights;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Weights page's logic without a screen: a single-thread executor plays the UI thread, downloads run on
 * their own thread against a loopback hub, and every snapshot the "UI" sees is recorded.
 */
class WeightsViewModelTest {

    private static final String V3S = "mobilenetv3_small_100";
    private static byte[] v3Small;

    @TempDir
    Path dir;

    private FakeHub hub;
    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private final ExecutorService downloads = Executors.newCachedThreadPool();
    private PretrainedWeights pretrained;
    private WeightsViewModel vm;
    private final List<List<WeightsRow>> seen = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final List<String> downloaded = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void checkpoint(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("v3s.safetensors");
        TinySafetensors.write(f, SeededWeights.create(NetworkBuilder.build(Architecture.MOBILENET_V3_SMALL, 1.0), 3).tensors());
        v3Small = Files.readAllBytes(f);
    }

    @BeforeEach
    void start() throws IOException {
        hub = new FakeHub().put("timm/mobilenetv3_small_100.lamb_in1k", v3Small);
        vm = viewModel(hub.endpoint());
    }

    private WeightsViewModel viewModel(URI endpoint) {
        LocalCheckpoints local = new LocalCheckpoints(dir.resolve("app"), dir.resolve("hub"));
        UiExecutors ex = new UiExecutors(Runnable::run, ui); // compute inline on the "UI" thread: deterministic
        pretrained = new PretrainedWeights(local, ex);
        HubConfig config = new HubConfig(endpoint, dir.resolve("hub"), null, false, Duration.ofSeconds(5), Duration.ofSeconds(5));
        WeightsViewModel m = new WeightsViewModel(local, config, pretrained, ex, downloads);
        m.rowsProperty().addListener((obs, was, now) -> seen.add(now));
        m.setListener(new WeightsViewModel.Listener() {
            @Override
            public void downloaded(HubSource source, Path file) {
                downloaded.add(source.model());
            }

            @Override
            public void failed(String line) {
                failures.add(line);
            }
        });
        return m;
    }

    @AfterEach
    void stop() throws InterruptedException {
        hub.close();
        downloads.shutdownNow();
        ui.shutdown();
        ui.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void onUi(Runnable r) throws Exception {
        ui.submit(r).get(10, TimeUnit.SECONDS);
    }

    private WeightsRow await(String model, Predicate<WeightsRow> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            WeightsRow[] r = new WeightsRow[1];
            onUi(() -> r[0] = vm.row(model));
            if (done.test(r[0])) {
                return r[0];
            }
            Thread.sleep(20);
        }
        throw new AssertionError("timed out; last rows " + vm.rows());
    }

    @Test
    void nothingPresentAsksForTheFirstRunPromptAndEveryRowIsMissing() throws Exception {
        onUi(vm::refresh);
        onUi(() -> {
            assertTrue(vm.firstRunPromptProperty().get());
            assertTrue(vm.rows().stream().allMatch(r -> r.status() == WeightsRow.Status.MISSING));
            assertEquals(List.of("mobilenetv1_100", "mobilenetv2_100", "mobilenetv3_large_100", V3S),
                    vm.rows().stream().map(r -> r.source().model()).toList());
        });
    }

    @Test
    void aDownloadShowsProgressThenIsPresentAndBound() throws Exception {
        hub.chunkDelayMillis = 1;
        onUi(vm::refresh);
        onUi(() -> vm.download(V3S));
        WeightsRow done = await(V3S, r -> r.status() == WeightsRow.Status.PRESENT);
        assertEquals(v3Small.length, done.size());
        assertTrue(Files.isSymbolicLink(done.file()), done.file().toString());
        assertTrue(seen.stream().flatMap(List::stream).anyMatch(r -> r.status() == WeightsRow.Status.DOWNLOADING
                && r.progress() != null && r.progress().done() > 0 && r.progress().total() == v3Small.length),
                "a progress snapshot with bytes and total");
        onUi(() -> { }); // the bind ran on the UI thread's queue
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!pretrained.loaded().containsKey(Architecture.MOBILENET_V3_SMALL) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(pretrained.loaded().get(Architecture.MOBILENET_V3_SMALL).pretrained(), "bound after the download");
        assertEquals(List.of(V3S), downloaded);
        assertEquals(List.of(), failures);
        onUi(() -> assertFalse(vm.firstRunPromptProperty().get()));
    }

    @Test
    void aRefusedDownloadFailsWithItsReasonAndTheOthersStayMissing() throws Exception {
        onUi(() -> vm.download("mobilenetv2_100")); // not on this hub: 404
        WeightsRow r = await("mobilenetv2_100", x -> x.status() == WeightsRow.Status.FAILED);
        assertTrue(r.message().contains("404"), r.message());
        assertEquals(1, failures.size());
        onUi(() -> assertEquals(WeightsRow.Status.MISSING, vm.row(V3S).status()));
    }

    @Test
    void cancelStopsTheDownloadAndLeavesNothingThatLooksValid() throws Exception {
        hub.chunkDelayMillis = 20;
        onUi(() -> vm.download(V3S));
        await(V3S, r -> r.progress() != null && r.progress().done() > 0);
        onUi(() -> vm.cancel(V3S));
        WeightsRow r = await(V3S, x -> x.status() != WeightsRow.Status.DOWNLOADING);
        assertEquals(WeightsRow.Status.MISSING, r.status());
        assertNotNull(r.message());
        assertTrue(r.message().contains("cancelled"), r.message());
        assertEquals(List.of(), failures, "cancelling is not a failure");
        Path repo = dir.resolve("hub/models--timm--mobilenetv3_small_100.lamb_in1k");
        assertFalse(Files.exists(repo.resolve("snapshots")));
        assertFalse(Files.exists(repo.resolve("refs")));
    }

    @Test
    void dismissingTheFirstRunPromptIsRemembered() throws Exception {
        onUi(vm::refresh);
        onUi(vm::dismissFirstRun);
        onUi(() -> assertFalse(vm.firstRunPromptProperty().get()));
        assertTrue(Files.exists(dir.resolve("app").resolve(WeightsViewModel.DISMISSED_MARKER)));
        WeightsViewModel next = viewModel(hub.endpoint());
        onUi(next::refresh);
        onUi(() -> assertFalse(next.firstRunPromptProperty().get()));
    }
}
