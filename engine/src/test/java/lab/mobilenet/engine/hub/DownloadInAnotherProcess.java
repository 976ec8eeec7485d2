package lab.mobilenet.engine.hub;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import lab.mobilenet.engine.runtime.CancellationToken;

/** Run by {@link HubTwoProcessesTest} in a second JVM: {@code ENDPOINT CACHE}; prints the cached file's SHA-256. */
public final class DownloadInAnotherProcess {

    private DownloadInAnotherProcess() {
    }

    public static void main(String[] args) throws Exception {
        HubConfig c = new HubConfig(URI.create(args[0]), Path.of(args[1]), null, false, Duration.ofSeconds(20),
                Duration.ofSeconds(20));
        CachedFile f = new HubDownloader(c).download(HubTestSupport.SOURCE, DownloadProgress.Listener.NONE,
                new CancellationToken());
        System.out.println(FakeHub.sha256(java.nio.file.Files.readAllBytes(f.file())));
    }
}
