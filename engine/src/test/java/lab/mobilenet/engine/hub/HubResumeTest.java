package lab.mobilenet.engine.hub;

import static lab.mobilenet.engine.hub.HubTestSupport.SOURCE;
import static lab.mobilenet.engine.hub.HubTestSupport.assertNothingValid;
import static lab.mobilenet.engine.hub.HubTestSupport.config;
import static lab.mobilenet.engine.hub.HubTestSupport.download;
import static lab.mobilenet.engine.hub.HubTestSupport.failure;
import static lab.mobilenet.engine.hub.HubTestSupport.filesIn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import lab.mobilenet.engine.runtime.CancellationToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interrupted downloads: resuming with Range, restarting when the server ignores it, cancelling, stale partials. */
class HubResumeTest {

    @TempDir
    Path cache;

    private FakeHub hub;
    private HubConfig config;

    @BeforeEach
    void start() throws Exception {
        hub = new FakeHub(FakeHub.safetensors(50_000));
        config = config(hub.endpoint(), cache);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private long partialSize() throws Exception {
        List<String> left = filesIn(cache, SOURCE);
        assertEquals(1, left.size(), left.toString());
        return Files.size(cache.resolve(SOURCE.cacheFolderName()).resolve(left.get(0)));
    }

    @Test
    void afterADroppedConnectionTheNextDownloadResumesWithARange() throws Exception {
        hub.mode = FakeHub.Mode.DROP_HALFWAY;
        failure(config, SOURCE, HubException.Kind.CONNECTION);
        long have = partialSize();
        assertTrue(have > 0 && have < hub.file.length, "part of the file: " + have);

        hub.mode = FakeHub.Mode.GOOD;
        CachedFile f = download(config, SOURCE);
        assertEquals(List.of("", "bytes=" + have + "-"), hub.ranges);
        assertArrayEquals(hub.file, Files.readAllBytes(f.file()));
        assertEquals(3, filesIn(cache, SOURCE).size(), "blob, snapshot, ref; the .incomplete became the blob");
    }

    @Test
    void whenTheServerIgnoresTheRangeTheDownloadRestartsCleanly() throws Exception {
        hub.mode = FakeHub.Mode.DROP_HALFWAY;
        failure(config, SOURCE, HubException.Kind.CONNECTION);
        hub.mode = FakeHub.Mode.GOOD;
        hub.honourRange = false; // answers 200 with the whole file
        CachedFile f = download(config, SOURCE);
        assertArrayEquals(hub.file, Files.readAllBytes(f.file()));
    }

    @Test
    void aPartialFileFromPythonsHubLibraryIsResumedAndStaleOnesAreRemoved() throws Exception {
        Path blobs = cache.resolve(SOURCE.cacheFolderName()).resolve("blobs");
        Files.createDirectories(blobs);
        Files.write(blobs.resolve(hub.sha + ".incomplete"), Arrays.copyOf(hub.file, 10_000));
        Files.write(blobs.resolve(hub.sha + ".deadbeef.incomplete"), Arrays.copyOf(hub.file, 100));
        Files.write(blobs.resolve("otherblob.incomplete"), new byte[] {1}); // another blob's: not ours to touch

        CachedFile f = download(config, SOURCE);

        assertEquals(List.of("bytes=10000-"), hub.ranges, "the larger partial is resumed");
        assertArrayEquals(hub.file, Files.readAllBytes(f.file()));
        assertEquals(List.of("blobs/" + hub.sha, "blobs/otherblob.incomplete", "refs/main",
                "snapshots/" + FakeHub.COMMIT + "/model.safetensors"), filesIn(cache, SOURCE));
    }

    @Test
    void aPartialFileWithWrongBytesIsCaughtByTheChecksumAndNotKept() throws Exception {
        Path blobs = cache.resolve(SOURCE.cacheFolderName()).resolve("blobs");
        Files.createDirectories(blobs);
        Files.write(blobs.resolve(hub.sha + ".incomplete"), new byte[10_000]); // zeros, not the file's start
        failure(config, SOURCE, HubException.Kind.CHECKSUM);
        assertEquals(List.of(), filesIn(cache, SOURCE));
        assertArrayEquals(hub.file, Files.readAllBytes(download(config, SOURCE).file()), "then a clean restart");
    }

    @Test
    void progressRisesToTheTotalWithARate() throws Exception {
        hub.chunkDelayMillis = 20;
        List<DownloadProgress> seen = new CopyOnWriteArrayList<>();
        new HubDownloader(config).download(SOURCE, seen::add, new CancellationToken());
        assertTrue(seen.size() >= 2, seen.toString());
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i).done() >= seen.get(i - 1).done(), seen.toString());
        }
        DownloadProgress last = seen.get(seen.size() - 1);
        assertEquals(hub.file.length, last.done());
        assertEquals(hub.file.length, last.total());
        assertTrue(last.bytesPerSecond() > 0);
    }

    @Test
    void cancellingStopsTheDownloadAndKeepsThePartForLater() throws Exception {
        hub.chunkDelayMillis = 30;
        CancellationToken cancel = new CancellationToken();
        HubException e = assertThrows(HubException.class, () -> new HubDownloader(config).download(SOURCE, p -> {
            if (p.done() > 20_000) {
                cancel.cancel();
            }
        }, cancel));
        assertEquals(HubException.Kind.CANCELLED, e.kind());
        assertNothingValid(cache, SOURCE);
        long have = partialSize();
        assertTrue(have > 0 && have < hub.file.length, "part of the file: " + have);
        hub.chunkDelayMillis = 0;
        assertArrayEquals(hub.file, Files.readAllBytes(download(config, SOURCE).file()));
        assertEquals("bytes=" + have + "-", hub.ranges.get(1));
    }

    @Test
    void twoThreadsDownloadingTheSameFileShareOneTransfer() throws Exception {
        hub.chunkDelayMillis = 5;
        List<Object> results = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> {
                try {
                    results.add(download(config, SOURCE));
                } catch (Exception ex) {
                    results.add(ex);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(30_000);
        }
        assertEquals(2, results.size(), results.toString());
        for (Object r : results) {
            assertTrue(r instanceof CachedFile, String.valueOf(r));
            assertArrayEquals(hub.file, Files.readAllBytes(((CachedFile) r).file()));
        }
        assertEquals(2, hub.heads.get());
        assertEquals(1, hub.bodies.get(), "the second waited on the lock, then found the blob");
        assertEquals(3, filesIn(cache, SOURCE).size(), filesIn(cache, SOURCE).toString());
    }
}
