package lab.mobilenet.engine.hub;

import java.nio.file.Path;

/**
 * A complete {@code model.safetensors} in the hub cache.
 *
 * @param source the repository and revision asked for
 * @param commit the commit the revision pointed to
 * @param file   {@code snapshots/<commit>/model.safetensors} (a link to the blob, or a copy)
 * @param sha256 the blob's name: the file's SHA-256 for LFS files (as the hub announced it)
 * @param size   bytes
 */
public record CachedFile(HubSource source, String commit, Path file, String sha256, long size) {
}
