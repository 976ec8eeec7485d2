package lab.mobilenet.engine.hub;

import java.net.URI;

/**
 * What the hub announced about a file before sending it.
 *
 * @param commit   {@code X-Repo-Commit}: the commit the revision resolved to
 * @param etag     {@code X-Linked-Etag} (the SHA-256 of an LFS file), else {@code ETag} (git's blob id); unquoted
 * @param size     {@code X-Linked-Size}, else {@code Content-Length}; -1 when not announced
 * @param download where the bytes come from (the file server the hub redirected to, or the same URL)
 */
public record RemoteFile(String commit, String etag, long size, URI download) {

    /** Whether the etag is a SHA-256 that the downloaded bytes must have. */
    public boolean etagIsSha256() {
        return Sha256.isSha256(etag);
    }
}
