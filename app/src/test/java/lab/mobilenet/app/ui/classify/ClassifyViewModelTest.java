package lab.mobilenet.app.ui.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javafx.collections.ListChangeListener;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.engine.model.Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Classify view-model without a screen or ND4J: a fake backend, and either same-thread executors (everything
 * has happened when a call returns) or a compute executor that only queues, run step by step as a slow machine
 * would.
 */
class ClassifyViewModelTest {

    private static final Architecture V1 = Architecture.MOBILENET_V1;
    private static final Architecture V2 = Architecture.MOBILENET_V2;
    private static final Architecture V3L = Architecture.MOBILENET_V3_LARGE;
    private static final Architecture V3S = Architecture.MOBILENET_V3_SMALL;

    @TempDir
    Path dir;

    private final FakeBackend backend = new FakeBackend();
    private final Deque<Runnable> queued = new ArrayDeque<>();

    private ClassifyViewModel sameThread() {
        ClassifyViewModel vm = new ClassifyViewModel(backend, UiExecutors.sameThread());
        vm.weightsProperty().set(FakeBackend.trained(V1, V2, V3L, V3S));
        return vm;
    }

    private ClassifyViewModel stepwise() {
        ClassifyViewModel vm = new ClassifyViewModel(backend, new UiExecutors(queued::add, Runnable::run));
        vm.weightsProperty().set(FakeBackend.trained(V1, V2, V3L, V3S));
        return vm;
    }

    private void step() {
        queued.poll().run();
    }

    private void runAll() {
        while (!queued.isEmpty()) {
            step();
        }
    }

    private static List<Path> paths(String... names) {
        List<Path> out = new ArrayList<>();
        for (String n : names) {
            out.add(Path.of(n));
        }
        return out;
    }

    private static NetworkStatus status(ClassifyViewModel vm, int card, Architecture a) {
        return vm.cards().get(card).column(a).status();
    }

    @Test
    void eachPhotoIsReadThenRunThroughTheFourNetworksInColumnOrderOnePhotoAfterAnother() {
        ClassifyViewModel vm = sameThread();
        vm.add(paths("a.png", "b.png"));
        assertEquals(List.of("decode a.png", "classify V1", "classify V2", "classify V3-Large", "classify V3-Small",
                "decode b.png", "classify V1", "classify V2", "classify V3-Large", "classify V3-Small"), backend.calls);
        assertEquals(2, vm.cards().size());
        for (ClassifyCard c : vm.cards()) {
            assertTrue(c.decoded());
            for (Architecture a : ClassifyNetworks.ALL) {
                assertEquals(NetworkStatus.DONE, c.column(a).status());
                assertEquals(5, c.column(a).top().size());
                assertEquals(1_000_000L * (a.ordinal() + 1), c.column(a).macs(), "the cost model's MACs are shown");
            }
        }
        assertEquals(0, vm.queuedProperty().get(), "idle again");
    }

    @Test
    void resultsStreamInOneNetworkAtATimeAndTheNextIsRunningWhileTheOthersWait() {
        ClassifyViewModel vm = stepwise();
        List<String> seenDuringRuns = new ArrayList<>();
        backend.duringRun = () -> {
            ClassifyCard c = vm.cards().get(0);
            StringBuilder sb = new StringBuilder();
            for (Architecture a : ClassifyNetworks.ALL) {
                sb.append(c.column(a).status().name().charAt(0));
            }
            seenDuringRuns.add(sb.toString());
        };
        vm.add(paths("a.png"));
        step(); // list the given files
        assertEquals(1, vm.cards().size());
        assertFalse(vm.cards().get(0).decoded(), "queued, not read yet");
        assertEquals(5, vm.queuedProperty().get(), "one read and four runs queued");
        step(); // read
        assertTrue(vm.cards().get(0).decoded());
        assertEquals(NetworkStatus.PENDING, status(vm, 0, V1));
        step(); // V1
        assertEquals(NetworkStatus.DONE, status(vm, 0, V1));
        assertEquals(NetworkStatus.PENDING, status(vm, 0, V2));
        assertEquals(2, vm.finishedProperty().get());
        runAll();
        assertEquals(List.of("RPPP", "DRPP", "DDRP", "DDDR"), seenDuringRuns,
                "R = running, D = done, P = pending: exactly one network runs at a time, in column order");
        assertEquals(0, vm.queuedProperty().get());
    }

    @Test
    void cancelAllStopsTheQueueAndKeepsWhatHasAnswered() {
        ClassifyViewModel vm = stepwise();
        vm.add(paths("a.png", "b.png"));
        step(); // list
        step(); // read a
        step(); // V1 of a
        vm.cancelAll();
        assertEquals(NetworkStatus.CANCELLED, status(vm, 0, V2), "pending columns say cancelled at once");
        runAll();
        assertEquals(NetworkStatus.DONE, status(vm, 0, V1));
        for (Architecture a : List.of(V2, V3L, V3S)) {
            assertEquals(NetworkStatus.CANCELLED, status(vm, 0, a));
        }
        assertFalse(vm.cards().get(1).decoded(), "b was never read");
        for (Architecture a : ClassifyNetworks.ALL) {
            assertEquals(NetworkStatus.CANCELLED, status(vm, 1, a));
        }
        assertEquals(List.of("decode a.png", "classify V1"), backend.calls, "nothing ran after the cancel");
        assertEquals(0, vm.queuedProperty().get());
    }

    @Test
    void aRunCancelledWhileItIsRunningSaysCancelledNotFailed() {
        ClassifyViewModel vm = sameThread();
        backend.duringRun = () -> {
            if (backend.calls.contains("classify V2") && vm.cards().get(0).column(V2).status() == NetworkStatus.RUNNING) {
                vm.cancelAll();
            }
        };
        vm.add(paths("a.png"));
        assertEquals(NetworkStatus.DONE, status(vm, 0, V1));
        assertEquals(NetworkStatus.CANCELLED, status(vm, 0, V2));
        assertNull(vm.cards().get(0).column(V2).error());
        assertEquals(NetworkStatus.CANCELLED, status(vm, 0, V3L));
        assertFalse(backend.calls.contains("classify V3-Large"));
    }

    @Test
    void aNetworkWithoutTrainedWeightsIsNotRunAndRunsOnceWeightsArrive() {
        ClassifyViewModel vm = new ClassifyViewModel(backend, UiExecutors.sameThread());
        vm.weightsProperty().set(FakeBackend.trained(V1, V2));
        vm.add(paths("a.png"));
        assertEquals(NetworkStatus.UNTRAINED, status(vm, 0, V3L));
        assertEquals(NetworkStatus.UNTRAINED, status(vm, 0, V3S));
        assertEquals(List.of(), vm.cards().get(0).column(V3S).top(), "no predictions that look meaningful");
        assertEquals(3_000_000L, vm.cards().get(0).column(V3L).macs(), "the cost is still shown");
        assertFalse(backend.calls.contains("classify V3-Large"));
        vm.weightsProperty().set(FakeBackend.trained(V1, V2, V3S));
        assertEquals(NetworkStatus.DONE, status(vm, 0, V3S));
        assertEquals(NetworkStatus.UNTRAINED, status(vm, 0, V3L));
        assertEquals(1, backend.calls.stream().filter(c -> c.equals("classify V3-Small")).count());
        assertEquals(1, backend.calls.stream().filter(c -> c.equals("classify V1")).count(), "V1 is not run twice");
    }

    @Test
    void weightsArrivingWhileAnUntrainedAnswerIsOnItsWayStillGetTheNetworkRun() {
        Deque<Runnable> uiQueue = new ArrayDeque<>();
        ClassifyViewModel vm = new ClassifyViewModel(backend, new UiExecutors(queued::add, uiQueue::add));
        vm.add(paths("a.png"));
        while (!queued.isEmpty() || !uiQueue.isEmpty()) {
            if (!queued.isEmpty()) {
                step();
            } else {
                uiQueue.poll().run();
            }
            if (vm.cards().size() == 1 && vm.cards().get(0).decoded()) {
                break;
            }
        }
        runAll(); // the four runs find no weights; their "untrained" answers wait for the UI thread
        assertEquals(NetworkStatus.PENDING, status(vm, 0, V1));
        vm.weightsProperty().set(FakeBackend.trained(V1, V2, V3L, V3S)); // nothing untrained to re-queue yet
        while (!queued.isEmpty() || !uiQueue.isEmpty()) {
            if (!uiQueue.isEmpty()) {
                uiQueue.poll().run();
            } else {
                step();
            }
        }
        for (Architecture a : ClassifyNetworks.ALL) {
            assertEquals(NetworkStatus.DONE, status(vm, 0, a), a.name());
        }
        assertEquals(0, vm.queuedProperty().get());
    }

    @Test
    void seededWeightsCountAsUntrained() {
        ClassifyViewModel vm = new ClassifyViewModel(backend, UiExecutors.sameThread());
        var weights = FakeBackend.trained(V1);
        weights.put(V2, new lab.mobilenet.engine.runtime.Weights(java.util.Map.of(), false, "untrained (seed 42)"));
        vm.weightsProperty().set(weights);
        vm.add(paths("a.png"));
        assertEquals(NetworkStatus.DONE, status(vm, 0, V1));
        assertEquals(NetworkStatus.UNTRAINED, status(vm, 0, V2));
    }

    @Test
    void anUnreadableFileGetsItsOwnCardWithTheReasonAndTheOthersGoOn() {
        ClassifyViewModel vm = sameThread();
        vm.add(paths("a.png", "bad.jpg", "c.png"));
        assertEquals(3, vm.cards().size());
        ClassifyCard bad = vm.cards().get(1);
        assertTrue(bad.failed());
        assertEquals("bad.jpg: not a recognised image format (readable: PNG, JPEG)", bad.problem());
        assertEquals(PhotoProblem.FORMAT, PhotoProblem.of(bad.problem()));
        assertTrue(bad.settled());
        for (int i : new int[] {0, 2}) {
            for (Architecture a : ClassifyNetworks.ALL) {
                assertEquals(NetworkStatus.DONE, status(vm, i, a));
            }
        }
        assertEquals(8, backend.calls.stream().filter(c -> c.startsWith("classify")).count(),
                "the bad file runs no network");
        assertEquals(0, vm.queuedProperty().get());
    }

    @Test
    void removingACardDropsItsQueuedRunsAndClearEmptiesThePage() {
        ClassifyViewModel vm = stepwise();
        vm.add(paths("a.png", "b.png"));
        step(); // list
        step(); // read a
        long a = vm.cards().get(0).id();
        vm.remove(a);
        runAll();
        assertEquals(1, vm.cards().size());
        assertEquals("b.png", vm.cards().get(0).name());
        assertEquals(List.of("decode a.png", "decode b.png", "classify V1", "classify V2", "classify V3-Large",
                "classify V3-Small"), backend.calls, "no network ran for the removed card");
        vm.clear();
        assertEquals(0, vm.cards().size());
    }

    @Test
    void theCsvListsEveryAnswerWithFileNetworkRankLabelProbabilityAndMs() {
        ClassifyViewModel vm = new ClassifyViewModel(backend, UiExecutors.sameThread());
        vm.weightsProperty().set(FakeBackend.trained(V2, V3S));
        backend.answers.put(V3S, new int[] {282, 281, 285, 287, 283});
        vm.add(paths("cat, left.png"));
        String csv = ResultsCsv.format(vm.cards());
        assertEquals("""
                file,network,rank,label,probability,ms
                "cat, left.png",mobilenetv2_100,1,tabby,0.500000,11.25
                "cat, left.png",mobilenetv2_100,2,tiger cat,0.250000,11.25
                "cat, left.png",mobilenetv2_100,3,Egyptian cat,0.125000,11.25
                "cat, left.png",mobilenetv2_100,4,lynx,0.062500,11.25
                "cat, left.png",mobilenetv2_100,5,Persian cat,0.031250,11.25
                "cat, left.png",mobilenetv3_small_100,1,tiger cat,0.500000,13.25
                "cat, left.png",mobilenetv3_small_100,2,tabby,0.250000,13.25
                "cat, left.png",mobilenetv3_small_100,3,Egyptian cat,0.125000,13.25
                "cat, left.png",mobilenetv3_small_100,4,lynx,0.062500,13.25
                "cat, left.png",mobilenetv3_small_100,5,Persian cat,0.031250,13.25
                """, csv);
    }

    @Test
    void exportCsvWritesTheFileAtomicallyAndSaysSo() throws Exception {
        ClassifyViewModel vm = sameThread();
        vm.add(paths("a.png"));
        Path out = dir.resolve("results.csv");
        List<Path> written = new ArrayList<>();
        vm.exportCsv(out, written::add, msg -> { throw new AssertionError(msg); });
        assertEquals(List.of(out), written);
        List<String> lines = Files.readAllLines(out);
        assertEquals(ResultsCsv.HEADER, lines.get(0));
        assertEquals(1 + 4 * 5, lines.size(), "header and 4 networks × 5 ranks");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left beside it");
        }
    }

    @Test
    void foldersGiveTheirImagesInPathOrder() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("photos/inner"));
        Files.write(dir.resolve("photos/b.png"), new byte[] {1});
        Files.write(dir.resolve("photos/a.JPG"), new byte[] {1});
        Files.write(dir.resolve("photos/notes.txt"), new byte[] {1});
        Files.write(sub.resolve("c.webp"), new byte[] {1});
        ClassifyViewModel vm = sameThread();
        vm.add(List.of(dir.resolve("photos")));
        assertEquals(List.of("a.JPG", "b.png", "c.webp"), vm.cards().stream().map(ClassifyCard::name).toList());
    }

    @Test
    void anOcclusionMapIsComputedOnDemandForAColumnThatAnswered() {
        ClassifyViewModel vm = sameThread();
        vm.add(paths("a.png"));
        List<Occlusion.State> states = new ArrayList<>();
        vm.cards().addListener((ListChangeListener<ClassifyCard>) c -> states.add(vm.cards().get(0).column(V3S)
                .occlusion().state()));
        long id = vm.cards().get(0).id();
        vm.occlude(id, V3S);
        Occlusion o = vm.cards().get(0).column(V3S).occlusion();
        assertEquals(Occlusion.State.DONE, o.state());
        assertNotNull(o.map());
        assertEquals(new HeatMap(2, 1, new float[] {0.25f, -0.5f}), o.map());
        assertTrue(backend.calls.contains("occlusion V3-Small 281"), "of the column's top class");
        assertEquals(Occlusion.State.RUNNING, states.get(0));
        assertEquals(Occlusion.State.DONE, states.get(states.size() - 1));
    }

    @Test
    void theCardsVerdictSaysWhetherTheNetworksAgree() {
        ClassifyViewModel vm = sameThread();
        vm.add(paths("a.png"));
        Agreement all = Agreement.of(vm.cards().get(0));
        assertEquals(Agreement.Kind.AGREE, all.kind());
        assertEquals(281, all.classIndex());
        assertEquals(4, all.answered());
        backend.answers.put(V2, new int[] {285, 281, 282, 287, 283});
        vm.add(paths("b.png"));
        assertEquals(Agreement.Kind.DISAGREE, Agreement.of(vm.cards().get(1)).kind());
    }
}
