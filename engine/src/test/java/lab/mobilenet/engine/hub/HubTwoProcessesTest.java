package lab.mobilenet.engine.hub;

import static lab.mobilenet.engine.hub.HubTestSupport.SOURCE;
import static lab.mobilenet.engine.hub.HubTestSupport.filesIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blob lock works between processes, not only threads: a second JVM waits for it. */
class HubTwoProcessesTest {

    @TempDir
    Path cache;

    private static Process downloader(FakeHub hub, Path cache) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DownloadInAnotherProcess.class.getName(), hub.endpoint().toString(), cache.toString())
                .redirectErrorStream(true).start();
    }

    private static String finish(Process p) throws Exception {
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the other process finished");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void anotherProcessWaitsWhileThisOneHoldsTheBlobLock() throws Exception {
        try (FakeHub hub = new FakeHub(FakeHub.safetensors(20_000))) {
            Process other;
            try (BlobLock held = BlobLock.acquire(new HubCache(cache).lockFile(SOURCE, hub.sha))) {
                other = downloader(hub, cache);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (hub.heads.get() == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertEquals(1, hub.heads.get(), "the other process asked the hub");
                Thread.sleep(700);
                assertEquals(0, hub.bodies.get(), "and then waited for the lock instead of downloading");
                assertTrue(other.isAlive());
            }
            assertEquals(hub.sha, finish(other));
            assertEquals(1, hub.bodies.get());
        }
    }

    @Test
    void twoProcessesAtOnceLeaveOneGoodBlob() throws Exception {
        try (FakeHub hub = new FakeHub(FakeHub.safetensors(20_000))) {
            hub.chunkDelayMillis = 30;
            Process a = downloader(hub, cache);
            Process b = downloader(hub, cache);
            assertEquals(hub.sha, finish(a));
            assertEquals(hub.sha, finish(b));
            assertEquals(List.of("blobs/" + hub.sha, "refs/main", "snapshots/" + FakeHub.COMMIT + "/model.safetensors"),
                    filesIn(cache, SOURCE));
            assertTrue(hub.bodies.get() == 1, "one transfer, the other process reused it: " + hub.bodies.get());
        }
    }
}
