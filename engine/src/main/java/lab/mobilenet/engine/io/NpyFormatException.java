package lab.mobilenet.engine.io;

import java.nio.file.Path;

/**
 * A {@code .npy} file is malformed or uses a feature this reader does not support (another dtype,
 * Fortran order). The message is one line naming the file and the problem.
 */
public final class NpyFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public NpyFormatException(Path file, String problem) {
        this(file, problem, null);
    }

    public NpyFormatException(Path file, String problem, Throwable cause) {
        super(displayName(file) + ": " + (problem == null ? "" : problem.replaceAll("[\\r\\n]+", " ").strip()), cause);
    }

    private static String displayName(Path file) {
        if (file == null) {
            return "<unknown file>";
        }
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
