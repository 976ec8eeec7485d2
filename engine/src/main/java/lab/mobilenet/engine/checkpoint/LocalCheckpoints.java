package lab.mobilenet.engine.checkpoint;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab.mobilenet.engine.hub.CachedFile;
import lab.mobilenet.engine.hub.HubCache;
import lab.mobilenet.engine.hub.HubConfig;
import lab.mobilenet.engine.hub.HubSource;

/**
 * Finds a {@code model.safetensors} for a timm model on this machine, without any network: first in the
 * app's own weights folder ({@code <name>.safetensors}, where imported files go), then in the Hugging Face
 * hub cache that Python's {@code huggingface_hub} fills ({@code models--timm--<name>.<tag>/snapshots/<rev>/}).
 *
 * <p>Folders, in the conventions of {@code huggingface_hub}: {@code HF_HUB_CACHE}, else {@code HF_HOME/hub},
 * else {@code ~/.cache/huggingface/hub}. The app's folder is {@code MOBILENET_LAB_WEIGHTS}, else
 * {@code ~/.mobilenet-lab/weights}.
 */
public final class LocalCheckpoints {

    private final Path appFolder;
    private final Path hubCache;

    public LocalCheckpoints(Path appFolder, Path hubCache) {
        this.appFolder = appFolder;
        this.hubCache = hubCache;
    }

    /** The folders named by the environment (pass {@code System.getenv()} and the user's home). */
    public static LocalCheckpoints fromEnvironment(Map<String, String> env, Path home) {
        Path app = env.containsKey("MOBILENET_LAB_WEIGHTS") ? Path.of(env.get("MOBILENET_LAB_WEIGHTS"))
                : home.resolve(".mobilenet-lab").resolve("weights");
        return new LocalCheckpoints(app, HubConfig.cacheFolder(env, home));
    }

    public static LocalCheckpoints ofThisUser() {
        return fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public Path appFolder() {
        return appFolder;
    }

    public Path hubCache() {
        return hubCache;
    }

    /** Where an imported checkpoint for {@code timmName} (e.g. {@code mobilenetv2_100}) is kept. */
    public Path appFile(String timmName) {
        return appFolder.resolve(timmName + ".safetensors");
    }

    /**
     * Copies {@code source} into the app's folder as {@code timmName}'s checkpoint: to {@code <name>.safetensors.part}
     * first, then renamed over the target in one step, so a half-copied file is never found.
     *
     * @return where it now is
     */
    public Path store(Path source, String timmName) throws IOException {
        Path target = appFile(timmName);
        Files.createDirectories(target.getParent());
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.copy(source, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
        return target;
    }

    /**
     * Every local candidate for {@code timmName}, best first: the app's own file, then the snapshot that the
     * default source's ref points to ({@link HubSource#KNOWN}, what {@code weights download} fetches), then the
     * hub cache's other snapshots (any pretrained tag of that model, newest modification first).
     */
    public List<Path> candidates(String timmName) {
        List<Path> found = new ArrayList<>();
        Path own = appFile(timmName);
        if (Files.isRegularFile(own)) {
            found.add(own);
        }
        List<Path> cached = new ArrayList<>();
        if (Files.isDirectory(hubCache)) {
            String prefix = "models--timm--" + timmName;
            try (DirectoryStream<Path> repos = Files.newDirectoryStream(hubCache, prefix + "*")) {
                for (Path repo : repos) {
                    String repoName = repo.getFileName().toString();
                    if (!repoName.equals(prefix) && !repoName.startsWith(prefix + ".")) {
                        continue; // mobilenetv2_100 must not match mobilenetv2_1000
                    }
                    Path snapshots = repo.resolve("snapshots");
                    if (!Files.isDirectory(snapshots)) {
                        continue;
                    }
                    try (DirectoryStream<Path> revs = Files.newDirectoryStream(snapshots)) {
                        for (Path rev : revs) {
                            Path file = rev.resolve("model.safetensors");
                            if (Files.isRegularFile(file)) {
                                cached.add(file);
                            }
                        }
                    }
                }
            } catch (IOException e) {
                // An unreadable cache is as good as none: the caller falls back to untrained weights.
                return found;
            }
        }
        cached.sort(Comparator.comparing(LocalCheckpoints::modified).reversed());
        Optional<Path> preferred = HubSource.forModel(timmName)
                .flatMap(s -> new HubCache(hubCache).find(s)).map(CachedFile::file);
        if (preferred.isPresent() && cached.remove(preferred.get())) {
            cached.add(0, preferred.get());
        }
        found.addAll(cached);
        return found;
    }

    /** The best candidate, if any. */
    public Optional<Path> find(String timmName) {
        List<Path> c = candidates(timmName);
        return c.isEmpty() ? Optional.empty() : Optional.of(c.get(0));
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
