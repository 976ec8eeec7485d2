package lab.mobilenet.engine.hub;

import static lab.mobilenet.engine.hub.HubTestSupport.SOURCE;
import static lab.mobilenet.engine.hub.HubTestSupport.config;
import static lab.mobilenet.engine.hub.HubTestSupport.download;
import static lab.mobilenet.engine.hub.HubTestSupport.failure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import lab.mobilenet.engine.checkpoint.LocalCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cache that Python's huggingface_hub laid out, and offline mode. */
class HubCacheTest {

    @TempDir
    Path cache;

    /** What {@code hf_hub_download} leaves: blobs/<sha>, a relative link in snapshots/<commit>, refs/main. */
    private byte[] layOutLikeHuggingfaceHub(String sha, String commit) throws Exception {
        byte[] bytes = FakeHub.safetensors(100);
        Path repo = cache.resolve("models--timm--mobilenetv3_small_100.lamb_in1k");
        Files.createDirectories(repo.resolve("blobs"));
        Files.write(repo.resolve("blobs").resolve(sha), bytes);
        Path snap = repo.resolve("snapshots").resolve(commit);
        Files.createDirectories(snap);
        Files.createSymbolicLink(snap.resolve("model.safetensors"), Path.of("../../blobs/" + sha));
        Files.createDirectories(repo.resolve("refs"));
        Files.writeString(repo.resolve("refs/main"), commit); // the hub library writes no newline
        return bytes;
    }

    @Test
    void aCacheLaidOutByTheHubLibraryIsFoundThroughItsRef() throws Exception {
        String sha = FakeHub.sha256(FakeHub.safetensors(100));
        byte[] bytes = layOutLikeHuggingfaceHub(sha, FakeHub.COMMIT);
        CachedFile f = new HubCache(cache).find(SOURCE).orElseThrow();
        assertEquals(FakeHub.COMMIT, f.commit());
        assertEquals(sha, f.sha256(), "the blob's name");
        assertEquals(bytes.length, f.size());
        assertArrayEquals(bytes, Files.readAllBytes(f.file()));
        Path viaLocal = new LocalCheckpoints(cache.resolve("app"), cache).find("mobilenetv3_small_100").orElseThrow();
        assertEquals(f.file(), viaLocal);
    }

    @Test
    void aSnapshotWhoseBlobIsGoneIsNotFound() throws Exception {
        layOutLikeHuggingfaceHub("ab".repeat(32), FakeHub.COMMIT);
        Files.delete(cache.resolve("models--timm--mobilenetv3_small_100.lamb_in1k/blobs/" + "ab".repeat(32)));
        assertTrue(new HubCache(cache).find(SOURCE).isEmpty());
    }

    @Test
    void theHubLibrarysBlobIsReusedWithoutDownloadingItAgain() throws Exception {
        try (FakeHub hub = new FakeHub(FakeHub.safetensors(100))) {
            layOutLikeHuggingfaceHub(hub.sha, "fedcba9876543210fedcba9876543210fedcba98");
            CachedFile f = download(config(hub.endpoint(), cache), SOURCE);
            assertEquals(0, hub.bodies.get(), "same blob: only the metadata was asked for");
            assertEquals(FakeHub.COMMIT, f.commit(), "main moved: its new snapshot links the same blob");
            assertEquals(FakeHub.COMMIT, Files.readString(cache.resolve(SOURCE.cacheFolderName()).resolve("refs/main")));
            assertArrayEquals(hub.file, Files.readAllBytes(f.file()));
        }
    }

    @Test
    void offlineUsesTheCacheAndNeverTheNetwork() throws Exception {
        try (FakeHub hub = new FakeHub(FakeHub.safetensors(100))) {
            HubConfig offline = new HubConfig(hub.endpoint(), cache, null, true, Duration.ofSeconds(5), Duration.ofSeconds(5));
            HubException e = failure(offline, SOURCE, HubException.Kind.OFFLINE);
            assertTrue(e.getMessage().contains("HF_HUB_OFFLINE"), e.getMessage());
            layOutLikeHuggingfaceHub(hub.sha, FakeHub.COMMIT);
            assertEquals(FakeHub.COMMIT, download(offline, SOURCE).commit());
            assertEquals(0, hub.heads.get() + hub.bodies.get(), "no request at all");
        }
    }

    @Test
    void aPinnedCommitThatIsCachedNeedsNoNetwork() throws Exception {
        try (FakeHub hub = new FakeHub(FakeHub.safetensors(100))) {
            layOutLikeHuggingfaceHub(hub.sha, FakeHub.COMMIT);
            HubSource atCommit = HubSource.parse(SOURCE.repo() + "@" + FakeHub.COMMIT);
            assertEquals(FakeHub.COMMIT, download(config(hub.endpoint(), cache), atCommit).commit());
            assertEquals(0, hub.heads.get());
        }
    }

    @Test
    void whereLinksAreNotPossibleTheSnapshotIsACopyAndStillFound() throws Exception {
        byte[] bytes = FakeHub.safetensors(100);
        String sha = FakeHub.sha256(bytes);
        HubCache noLinks = new HubCache(cache, false);
        Files.createDirectories(noLinks.blobs(SOURCE));
        Files.write(noLinks.blob(SOURCE, sha), bytes);
        CachedFile f = noLinks.link(SOURCE, FakeHub.COMMIT, sha);
        assertFalse(Files.isSymbolicLink(f.file()));
        assertArrayEquals(bytes, Files.readAllBytes(f.file()));
        CachedFile found = new HubCache(cache).find(SOURCE).orElseThrow();
        assertEquals(f.file(), found.file());
        assertEquals(FakeHub.COMMIT, found.commit());
        assertEquals(null, found.sha256(), "a copy does not name its blob");
    }
}
