package lab.mobilenet.engine.hub;

import java.io.IOException;

/**
 * A download or cache failure the user can act on, with a one-line message that says what happened and what to
 * do. {@link #kind()} lets callers react without parsing the text. Whatever the kind, nothing that looks like a
 * valid cached file was left behind (a partial download stays only as {@code .incomplete}, for resuming).
 */
public final class HubException extends IOException {

    /** What went wrong. */
    public enum Kind {
        /** {@code HF_HUB_OFFLINE} is set and the file is not cached. */
        OFFLINE,
        /** The host could not be reached, or the connection dropped or timed out. */
        CONNECTION,
        /** 401 or 403: a token is needed or not accepted. */
        UNAUTHORIZED,
        /** 404: no such repository, revision or file. */
        NOT_FOUND,
        /** 5xx, or another status the hub does not send for a good download. */
        SERVER,
        /** The server's answer is not what the hub protocol says (missing headers, bad redirect). */
        PROTOCOL,
        /** The body ended before the announced size. */
        TRUNCATED,
        /** The bytes do not have the announced or pinned SHA-256, or are longer than announced. */
        CHECKSUM,
        /** No space left on the cache's disk. */
        DISK_FULL,
        /** The cache folder cannot be written. */
        PERMISSION,
        /** Another local file-system problem. */
        IO,
        /** The caller cancelled. */
        CANCELLED
    }

    private final Kind kind;

    public HubException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public HubException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** A local file-system failure, classified: disk full, permission, or other. */
    static HubException local(String what, IOException e) {
        if (e instanceof HubException h) {
            return h;
        }
        String m = String.valueOf(e.getMessage());
        if (m.contains("No space left") || m.contains("not enough space") || m.contains("Disk quota")) {
            return new HubException(Kind.DISK_FULL, what + ": no space left on the disk of the cache; free some space "
                    + "(the next download resumes) or set HF_HUB_CACHE", e);
        }
        if (e instanceof java.nio.file.AccessDeniedException || m.contains("Permission denied")
                || m.contains("Read-only file system")) {
            return new HubException(Kind.PERMISSION, what + ": permission denied (" + m
                    + "); set HF_HUB_CACHE to a folder you can write", e);
        }
        return new HubException(Kind.IO, what + ": " + e.getClass().getSimpleName() + ": " + m, e);
    }
}
