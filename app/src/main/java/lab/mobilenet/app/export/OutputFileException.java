package lab.mobilenet.app.export;

import java.nio.file.Path;

/**
 * A file could not be written because of the user's environment (no permission, no space, a directory
 * in the way, a read-only disk). The message is one line: {@code cannot write FILE: reason}. Nothing
 * half-written is left under the target's name.
 */
public final class OutputFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path target;
    private final String reason;

    public OutputFileException(Path target, String reason, Throwable cause) {
        super("cannot write " + target + ": " + reason, cause);
        this.target = target;
        this.reason = reason;
    }

    /** The file that was to be written. */
    public Path target() {
        return target;
    }

    /** Why not, in a few words ("permission denied", "no space left on device", ...). */
    public String reason() {
        return reason;
    }
}
