package lab.mobilenet.engine.image;

import java.nio.file.Path;

/**
 * A file could not be turned into an {@link RgbImage}: unknown format, corrupt or truncated data,
 * or a picture too large to decode safely. The message is one line naming the file and the reason.
 */
public final class ImageDecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String reason;

    public ImageDecodeException(Path file, String reason) {
        this(file, reason, null);
    }

    public ImageDecodeException(Path file, String reason, Throwable cause) {
        super(file.getFileName() + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    /** The file that could not be decoded. */
    public Path file() {
        return file;
    }

    /** Why it could not be decoded, without the file name. */
    public String reason() {
        return reason;
    }
}
