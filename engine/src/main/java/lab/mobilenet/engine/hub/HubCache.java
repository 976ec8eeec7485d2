package lab.mobilenet.engine.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The Hugging Face hub cache on disk, in the layout of Python's {@code huggingface_hub}, so files either tool
 * downloads are found by the other:
 * <pre>
 * &lt;cache&gt;/models--timm--mobilenetv2_100.ra_in1k/
 *     blobs/&lt;sha256&gt;                                  the bytes, named by their hash (LFS files)
 *     snapshots/&lt;commit&gt;/model.safetensors            a relative link ../../blobs/&lt;sha256&gt; (a copy where
 *                                                       the file system has no links)
 *     refs/main                                        the commit that "main" pointed to
 * &lt;cache&gt;/.locks/models--timm--mobilenetv2_100.ra_in1k/&lt;sha256&gt;.lock
 * </pre>
 * Every step that makes a file visible is an atomic rename, and the order is blob, snapshot, ref: whoever
 * follows a ref always finds a complete file.
 */
public final class HubCache {

    private final Path root;
    private final boolean links;

    public HubCache(Path root) {
        this(root, true);
    }

    /** {@code links = false} behaves as on a file system without symbolic links (tests). */
    HubCache(Path root, boolean links) {
        this.root = root;
        this.links = links;
    }

    public Path root() {
        return root;
    }

    public Path repoFolder(HubSource s) {
        return root.resolve(s.cacheFolderName());
    }

    public Path blobs(HubSource s) {
        return repoFolder(s).resolve("blobs");
    }

    public Path blob(HubSource s, String sha) {
        return blobs(s).resolve(sha);
    }

    public Path snapshotFile(HubSource s, String commit) {
        return repoFolder(s).resolve("snapshots").resolve(commit).resolve(HubSource.FILE);
    }

    public Path refFile(HubSource s) {
        return repoFolder(s).resolve("refs").resolve(s.revision());
    }

    /** The lock the hub library takes around writing one blob; other processes wait on it. */
    public Path lockFile(HubSource s, String sha) {
        return root.resolve(".locks").resolve(s.cacheFolderName()).resolve(sha + ".lock");
    }

    /** The commit {@code s.revision()} names here: itself when it is a commit hash, else what its ref file holds. */
    public Optional<String> commitOf(HubSource s) {
        if (HubSource.isCommit(s.revision())) {
            return Optional.of(s.revision());
        }
        Path ref = refFile(s);
        try {
            String c = Files.readString(ref, StandardCharsets.UTF_8).trim();
            return c.isEmpty() ? Optional.empty() : Optional.of(c);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The complete cached file of {@code s}, if its revision has a snapshot here (links followed). */
    public Optional<CachedFile> find(HubSource s) {
        Optional<String> commit = commitOf(s);
        if (commit.isEmpty()) {
            return Optional.empty();
        }
        Path file = snapshotFile(s, commit.get());
        if (!Files.isRegularFile(file)) {
            return Optional.empty(); // no snapshot, or a link whose blob is gone
        }
        try {
            return Optional.of(new CachedFile(s, commit.get(), file, blobName(file), Files.size(file)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The name of the blob a snapshot links to (the file's hash), or {@code null} for a copy. */
    private static String blobName(Path file) throws IOException {
        if (!Files.isSymbolicLink(file)) {
            return null;
        }
        Path target = file.toRealPath();
        return target.getParent() != null && target.getParent().getFileName().toString().equals("blobs")
                ? target.getFileName().toString() : null;
    }

    /**
     * Makes the complete, verified {@code download} the blob {@code sha} (atomic rename), then publishes it
     * as the snapshot of {@code commit} and points the revision's ref at it.
     */
    public CachedFile publish(HubSource s, String commit, String sha, Path download) throws IOException {
        Files.move(download, blob(s, sha), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return link(s, commit, sha);
    }

    /** Publishes the existing blob {@code sha} as the snapshot of {@code commit} and writes the ref. */
    public CachedFile link(HubSource s, String commit, String sha) throws IOException {
        Path blob = blob(s, sha);
        Path file = snapshotFile(s, commit);
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(HubSource.FILE + "." + UUID.randomUUID() + ".tmp");
        try {
            try {
                if (!links) {
                    throw new UnsupportedOperationException("links disabled");
                }
                Files.createSymbolicLink(tmp, file.getParent().relativize(blob));
            } catch (UnsupportedOperationException | FileSystemException e) {
                Files.deleteIfExists(tmp);
                Files.copy(blob, tmp, StandardCopyOption.REPLACE_EXISTING); // no links here (e.g. Windows without the privilege)
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        if (!HubSource.isCommit(s.revision())) {
            writeAtomically(refFile(s), commit);
        }
        return new CachedFile(s, commit, file, sha, Files.size(blob));
    }

    /** Partial downloads of blob {@code sha}: the hub library's {@code <sha>.incomplete} and ours, {@code <sha>.<id>.incomplete}. */
    public List<Path> incompletes(HubSource s, String sha) throws IOException {
        List<Path> found = new ArrayList<>();
        Path dir = blobs(s);
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, sha + "*.incomplete")) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.equals(sha + ".incomplete") || n.startsWith(sha + ".")) {
                    found.add(p);
                }
            }
        }
        return found;
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
