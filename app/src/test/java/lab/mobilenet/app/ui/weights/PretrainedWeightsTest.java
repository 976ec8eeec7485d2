package lab.mobilenet.app.ui.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.engine.checkpoint.LocalCheckpoints;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.NetworkBuilder;
import lab.mobilenet.engine.runtime.SeededWeights;
import lab.mobilenet.engine.runtime.Weights;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/** Finding and importing checkpoints, with small fake ones written into temporary folders. */
class PretrainedWeightsTest {

    @TempDir
    Path dir;

    private LocalCheckpoints checkpoints;
    private PretrainedWeights store;
    private final List<Architecture> imported = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    @BeforeEach
    void store() {
        checkpoints = new LocalCheckpoints(dir.resolve("app"), dir.resolve("hub"));
        store = new PretrainedWeights(checkpoints, UiExecutors.sameThread());
    }

    /** A checkpoint with every key and shape of MobileNetV3-Small 1.0, values from seed 1. */
    private Path fakeV3Small(Path file) throws IOException {
        Weights seeded = SeededWeights.create(NetworkBuilder.build(Architecture.MOBILENET_V3_SMALL, 1.0), 1);
        TinySafetensors.write(file, seeded.tensors());
        return file;
    }

    private static float firstStemValue(Weights w) {
        return w.get("conv_stem.weight").getFloat(0);
    }

    @Test
    void aFittingFileIsBoundAndCopiedUnderItsNetworksName() throws IOException {
        Path source = fakeV3Small(dir.resolve("downloaded.safetensors"));
        store.importFile(source, imported::add, problems::add);
        assertEquals(List.of(), problems);
        assertEquals(List.of(Architecture.MOBILENET_V3_SMALL), imported);
        Path kept = dir.resolve("app").resolve("mobilenetv3_small_100.safetensors");
        assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(kept), "a byte-for-byte copy");
        try (Stream<Path> files = Files.list(dir.resolve("app"))) {
            assertEquals(List.of(kept), files.toList(), "no .part file is left behind");
        }
        Weights w = store.loaded().get(Architecture.MOBILENET_V3_SMALL);
        assertTrue(w.pretrained());
        Weights seeded = SeededWeights.create(NetworkBuilder.build(Architecture.MOBILENET_V3_SMALL, 1.0), 1);
        assertEquals(firstStemValue(seeded), firstStemValue(w), 0f, "the file's values, not a fresh seed");
    }

    @Test
    void aFileThatFitsNoNetworkWritesNothingAndSaysWhyOnOneLine() throws IOException {
        Path source = dir.resolve("other.safetensors");
        TinySafetensors.write(source, Map.of("classifier.weight", Nd4j.zeros(2, 3)));
        store.importFile(source, imported::add, problems::add);
        assertEquals(List.of(), imported);
        assertEquals(1, problems.size());
        assertFalse(problems.get(0).contains("\n"));
        assertTrue(problems.get(0).contains("conv_stem.weight") || problems.get(0).contains("classifier.weight"),
                "names the mismatched keys: " + problems.get(0));
        assertFalse(Files.exists(dir.resolve("app")), "nothing written");
        assertTrue(store.loaded().isEmpty());
    }

    @Test
    void aFileThatIsNotSafetensorsWritesNothing() throws IOException {
        Path source = Files.writeString(dir.resolve("notes.safetensors"), "hello");
        store.importFile(source, imported::add, problems::add);
        assertEquals(List.of(), imported);
        assertEquals(1, problems.size(), problems.toString());
        assertFalse(Files.exists(dir.resolve("app")));
    }

    @Test
    void anImportedFileIsFoundNextTime() throws IOException {
        store.importFile(fakeV3Small(dir.resolve("x.safetensors")), imported::add, problems::add);
        PretrainedWeights nextStart = new PretrainedWeights(checkpoints, UiExecutors.sameThread());
        nextStart.findInstalled(problems::add);
        assertEquals(List.of(), problems);
        assertEquals(List.of(Architecture.MOBILENET_V3_SMALL), List.copyOf(nextStart.loaded().keySet()));
    }

    @Test
    void aBrokenInstalledFileIsReportedAndTheOthersStillLoad() throws IOException {
        Files.createDirectories(dir.resolve("app"));
        fakeV3Small(dir.resolve("app").resolve("mobilenetv3_small_100.safetensors"));
        Files.writeString(dir.resolve("app").resolve("mobilenetv2_100.safetensors"), "not a checkpoint");
        store.findInstalled(problems::add);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("mobilenetv2_100: "), problems.get(0));
        assertEquals(List.of(Architecture.MOBILENET_V3_SMALL), List.copyOf(store.loaded().keySet()));
    }

    @Test
    void thePublishedMapCannotBeChangedByItsReaders() throws IOException {
        store.importFile(fakeV3Small(dir.resolve("x.safetensors")), imported::add, problems::add);
        Map<Architecture, Weights> m = store.loaded();
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, m::clear);
    }

    @Test
    void importingAgainClosesTheWeightsItReplaces() throws IOException {
        store.importFile(fakeV3Small(dir.resolve("first.safetensors")), imported::add, problems::add);
        Weights first = store.loaded().get(Architecture.MOBILENET_V3_SMALL);
        store.importFile(fakeV3Small(dir.resolve("second.safetensors")), imported::add, problems::add);
        Weights second = store.loaded().get(Architecture.MOBILENET_V3_SMALL);
        assertEquals(List.of(), problems);
        assertTrue(first != second, "a new binding");
        assertTrue(first.isFreed(), "the replaced weights' off-heap memory is given back");
        assertFalse(second.isClosed());
    }

    @Test
    void weightsInUseWhenReplacedAreFreedOnlyWhenTheUserIsDone() throws IOException {
        store.importFile(fakeV3Small(dir.resolve("first.safetensors")), imported::add, problems::add);
        Weights first = store.loaded().get(Architecture.MOBILENET_V3_SMALL);
        first.acquire(); // a lesson is still running on them
        store.importFile(fakeV3Small(dir.resolve("second.safetensors")), imported::add, problems::add);
        assertTrue(first.isClosed());
        assertFalse(first.isFreed());
        first.release();
        assertTrue(first.isFreed());
    }
}
