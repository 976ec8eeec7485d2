package lab.mobilenet.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import lab.mobilenet.engine.checkpoint.LocalCheckpoints;
import lab.mobilenet.engine.hub.CachedFile;
import lab.mobilenet.engine.hub.HubCache;
import lab.mobilenet.engine.hub.HubConfig;
import lab.mobilenet.engine.hub.HubDownloader;
import lab.mobilenet.engine.hub.HubSource;
import lab.mobilenet.engine.hub.Sha256;

/**
 * Where the command line keeps and finds weights, from the environment it was given: the app's folder for
 * imported files and the Hugging Face cache for downloads ({@link LocalCheckpoints} searches both).
 */
final class WeightsStore {

    private final LocalCheckpoints local;
    private final HubConfig hub;

    private WeightsStore(LocalCheckpoints local, HubConfig hub) {
        this.local = local;
        this.hub = hub;
    }

    static WeightsStore of(Cli cli) {
        try {
            return new WeightsStore(LocalCheckpoints.fromEnvironment(cli.env(), cli.home()),
                    HubConfig.fromEnvironment(cli.env(), cli.home()));
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    LocalCheckpoints local() {
        return local;
    }

    HubConfig hub() {
        return hub;
    }

    HubDownloader downloader() {
        return new HubDownloader(hub);
    }

    /**
     * The file a command uses for {@code source}'s network: an imported one in the app's folder, else the hub
     * cache's snapshot of the default source, else another local snapshot of that model.
     */
    Optional<Path> find(String timmName) {
        return local.find(timmName);
    }

    /** The hub cache's entry for {@code source}, if downloaded. */
    Optional<CachedFile> cached(HubSource source) {
        return new HubCache(hub.cache()).find(source);
    }

    /** Whether {@code file} is the app folder's imported copy (not a hub download). */
    boolean isImported(Path file) {
        return file.startsWith(local.appFolder());
    }

    /** The hash the file should have, from the hub's blob name or the pin; {@code null} when nothing is known. */
    String expectedSha256(HubSource source, Path file) {
        Optional<CachedFile> c = cached(source);
        if (c.isPresent() && c.get().file().equals(file) && Sha256.isSha256(c.get().sha256())) {
            return c.get().sha256();
        }
        return isImported(file) ? null : source.pinnedSha256();
    }

    static String sha256(Path file) {
        try {
            return Sha256.of(file);
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** 14,184,176 → "14.2 MB" (decimal, as the hub shows sizes). */
    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        if (bytes < 1_000_000) {
            return String.format(java.util.Locale.ROOT, "%.1f kB", bytes / 1e3);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
