package lab.mobilenet.engine.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import lab.mobilenet.engine.runtime.CancellationToken;

/** Shared set-up for the downloader tests: a config on a loopback endpoint and checks of what the cache holds. */
final class HubTestSupport {

    static final HubSource SOURCE = new HubSource("mobilenetv3_small_100", "timm/mobilenetv3_small_100.lamb_in1k",
            "main", null);

    private HubTestSupport() {
    }

    static HubConfig config(URI endpoint, Path cache) {
        return new HubConfig(endpoint, cache, null, false, Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    static CachedFile download(HubConfig c, HubSource s) throws HubException {
        return new HubDownloader(c).download(s, DownloadProgress.Listener.NONE, new CancellationToken());
    }

    static HubException failure(HubConfig c, HubSource s, HubException.Kind kind) {
        HubException e = assertThrows(HubException.class, () -> download(c, s));
        assertEquals(kind, e.kind(), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    /** Every file under the repo's folder, relative, sorted (links listed, not followed). */
    static List<String> filesIn(Path cache, HubSource s) throws IOException {
        Path repo = cache.resolve(s.cacheFolderName());
        if (!Files.exists(repo)) {
            return List.of();
        }
        try (Stream<Path> w = Files.walk(repo)) {
            return w.filter(p -> !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .map(p -> repo.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    /** Nothing that looks valid: no blob, no snapshot, no ref (a partial {@code .incomplete} may stay). */
    static void assertNothingValid(Path cache, HubSource s) throws IOException {
        for (String f : filesIn(cache, s)) {
            if (!(f.startsWith("blobs/") && f.endsWith(".incomplete"))) {
                throw new AssertionError("left behind after a failure: " + f + " (all: " + filesIn(cache, s) + ")");
            }
        }
    }
}
