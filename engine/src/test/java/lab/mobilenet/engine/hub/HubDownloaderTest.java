package lab.mobilenet.engine.hub;

import static lab.mobilenet.engine.hub.HubTestSupport.SOURCE;
import static lab.mobilenet.engine.hub.HubTestSupport.assertNothingValid;
import static lab.mobilenet.engine.hub.HubTestSupport.config;
import static lab.mobilenet.engine.hub.HubTestSupport.download;
import static lab.mobilenet.engine.hub.HubTestSupport.failure;
import static lab.mobilenet.engine.hub.HubTestSupport.filesIn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One download against the loopback hub: the good path and every failure the user can act on. */
class HubDownloaderTest {

    @TempDir
    Path cache;

    private FakeHub hub;
    private HubConfig config;

    @BeforeEach
    void start() throws Exception {
        hub = new FakeHub(FakeHub.safetensors(50_000)); // 200 KB
        config = config(hub.endpoint(), cache);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void goodFileThroughTheRedirectLandsInTheHubLibrarysLayout() throws Exception {
        CachedFile f = download(config, SOURCE);

        Path repo = cache.resolve("models--timm--mobilenetv3_small_100.lamb_in1k");
        Path blob = repo.resolve("blobs").resolve(hub.sha);
        Path snapshot = repo.resolve("snapshots").resolve(FakeHub.COMMIT).resolve("model.safetensors");
        assertArrayEquals(hub.file, Files.readAllBytes(blob));
        assertTrue(Files.isSymbolicLink(snapshot));
        assertEquals(Path.of("../../blobs/" + hub.sha), Files.readSymbolicLink(snapshot));
        assertArrayEquals(hub.file, Files.readAllBytes(snapshot));
        assertEquals(FakeHub.COMMIT, Files.readString(repo.resolve("refs/main")));
        assertEquals(List.of("blobs/" + hub.sha, "refs/main", "snapshots/" + FakeHub.COMMIT + "/model.safetensors"),
                filesIn(cache, SOURCE));
        assertEquals(snapshot, f.file());
        assertEquals(hub.sha, f.sha256());
        assertEquals(hub.file.length, f.size());
        assertEquals(FakeHub.COMMIT, f.commit());
        assertEquals(List.of("HEAD /timm/mobilenetv3_small_100.lamb_in1k/resolve/main/model.safetensors",
                "GET /files/" + hub.sha), hub.paths, "metadata from the hub's 302, then the file server");
    }

    @Test
    void anAbsoluteRedirectIsFollowedToo() throws Exception {
        hub.absoluteRedirect = true;
        assertArrayEquals(hub.file, Files.readAllBytes(download(config, SOURCE).file()));
    }

    @Test
    void aFileServerThatRedirectsAgainIsFollowed() throws Exception {
        hub.fileServerRedirects = true;
        assertArrayEquals(hub.file, Files.readAllBytes(download(config, SOURCE).file()));
        assertEquals(List.of("HEAD /timm/mobilenetv3_small_100.lamb_in1k/resolve/main/model.safetensors",
                "GET /hop/" + hub.sha, "GET /files/" + hub.sha), hub.paths);
    }

    @Test
    void aSecondDownloadOfACachedBranchOnlyAsksForTheCommit() throws Exception {
        download(config, SOURCE);
        download(config, SOURCE);
        assertEquals(2, hub.heads.get());
        assertEquals(1, hub.bodies.get(), "the blob is already there");
    }

    @Test
    void theTokenIsSentAsBearer() throws Exception {
        HubConfig withToken = new HubConfig(hub.endpoint(), cache, "hf_secret", false, Duration.ofSeconds(5),
                Duration.ofSeconds(5));
        download(withToken, SOURCE);
        assertEquals(List.of("Bearer hf_secret"), hub.authorizations);
        assertEquals(List.of("Bearer hf_secret"), hub.fileAuthorizations, "same host as the hub: sent");
    }

    @Test
    void theTokenIsNotSentToAFileServerOnAnotherHost() throws Exception {
        hub.absoluteRedirect = true;
        hub.redirectHost = "localhost"; // the same loopback server under another name
        HubConfig withToken = new HubConfig(hub.endpoint(), cache, "hf_secret", false, Duration.ofSeconds(5),
                Duration.ofSeconds(5));
        assertArrayEquals(hub.file, Files.readAllBytes(download(withToken, SOURCE).file()));
        assertEquals(List.of("Bearer hf_secret"), hub.authorizations);
        assertEquals(List.of(""), hub.fileAuthorizations);
    }

    @Test
    void aTruncatedBodyIsRefusedAndNothingLooksValid() throws Exception {
        hub.mode = FakeHub.Mode.TRUNCATED;
        HubException e = failure(config, SOURCE, HubException.Kind.TRUNCATED);
        assertTrue(e.getMessage().contains(hub.file.length / 2 + " of " + hub.file.length), e.getMessage());
        assertNothingValid(cache, SOURCE);
    }

    @Test
    void wrongBytesFailTheChecksumAndAreDeleted() throws Exception {
        hub.mode = FakeHub.Mode.WRONG_BYTES;
        HubException e = failure(config, SOURCE, HubException.Kind.CHECKSUM);
        assertTrue(e.getMessage().contains(hub.sha), e.getMessage());
        assertEquals(List.of(), filesIn(cache, SOURCE), "not even an .incomplete: those bytes cannot be resumed");
    }

    @Test
    void aHashPinnedInTheCodeWinsOverWhatAMirrorAnnounces() throws Exception {
        HubSource pinned = new HubSource(SOURCE.model(), SOURCE.repo(), "main", "ab".repeat(32));
        failure(config, pinned, HubException.Kind.CHECKSUM);
        assertEquals(0, hub.bodies.get(), "refused before downloading");
        assertNothingValid(cache, pinned);
    }

    @Test
    void notFoundIsReportedWithTheRepository() throws Exception {
        hub.mode = FakeHub.Mode.NOT_FOUND;
        HubException e = failure(config, SOURCE, HubException.Kind.NOT_FOUND);
        assertTrue(e.getMessage().contains("timm/mobilenetv3_small_100.lamb_in1k@main"), e.getMessage());
        assertTrue(e.getMessage().contains("EntryNotFound"), e.getMessage());
        assertEquals(List.of(), filesIn(cache, SOURCE));
    }

    @Test
    void serverErrorsOnTheHubOrTheFileServerAreServerFailures() throws Exception {
        hub.mode = FakeHub.Mode.SERVER_ERROR;
        assertTrue(failure(config, SOURCE, HubException.Kind.SERVER).getMessage().contains("HTTP 500"));
        hub.mode = FakeHub.Mode.FILE_SERVER_ERROR;
        assertTrue(failure(config, SOURCE, HubException.Kind.SERVER).getMessage().contains("HTTP 503"));
        assertNothingValid(cache, SOURCE);
    }

    @Test
    void unauthorisedAsksForAToken() throws Exception {
        hub.mode = FakeHub.Mode.UNAUTHORIZED;
        assertTrue(failure(config, SOURCE, HubException.Kind.UNAUTHORIZED).getMessage().contains("HF_TOKEN"));
    }

    @Test
    void aDroppedConnectionKeepsOnlyAnIncompleteFile() throws Exception {
        hub.mode = FakeHub.Mode.DROP_HALFWAY;
        HubException e = failure(config, SOURCE, HubException.Kind.CONNECTION);
        assertTrue(e.getMessage().contains("resume"), e.getMessage());
        assertNothingValid(cache, SOURCE);
        List<String> left = filesIn(cache, SOURCE);
        assertEquals(1, left.size(), left.toString());
        assertTrue(left.get(0).matches("blobs/" + hub.sha + "\\.[0-9a-f]{8}\\.incomplete"), left.toString());
    }

    @Test
    void aServerThatStopsSendingTimesOut() throws Exception {
        hub.stallAfter = 8192 * 3;
        HubConfig impatient = new HubConfig(hub.endpoint(), cache, null, false, Duration.ofSeconds(5),
                Duration.ofMillis(300));
        HubException e = failure(impatient, SOURCE, HubException.Kind.CONNECTION);
        assertTrue(e.getMessage().contains("no data for"), e.getMessage());
        assertNothingValid(cache, SOURCE);
    }

    @Test
    void anUnreachableHostIsAConnectionFailure() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        HubException e = failure(config(URI.create("http://127.0.0.1:" + port), cache), SOURCE,
                HubException.Kind.CONNECTION);
        assertTrue(e.getMessage().contains("HF_ENDPOINT"), e.getMessage());
    }

    @Test
    void whenTheHubIsUnreachableACachedRevisionIsUsed() throws Exception {
        CachedFile first = download(config, SOURCE);
        hub.close();
        assertEquals(first.file(), download(config, SOURCE).file());
    }
}
