package lab.mobilenet.engine.checkpoint;

import java.nio.file.Path;

/**
 * A checkpoint file is malformed: bad header, unknown dtype, offsets that do not match the shapes,
 * truncated data, and so on.
 *
 * <p>The message is a single line that names the file and the problem, e.g.
 * {@code model.safetensors: tensor 'bn1.weight' data_offsets [0, 40] do not match shape [16] of F32 (64 bytes)},
 * so it can be shown to a user as it is.
 */
public final class CheckpointFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final String problem;

    public CheckpointFormatException(Path file, String problem) {
        this(file, problem, null);
    }

    public CheckpointFormatException(Path file, String problem, Throwable cause) {
        super(displayName(file) + ": " + oneLine(problem), cause);
        this.fileName = displayName(file);
        this.problem = oneLine(problem);
    }

    /** The file's name (without its directories), as it appears at the start of the message. */
    public String fileName() {
        return fileName;
    }

    /** The problem alone, without the file name. */
    public String problem() {
        return problem;
    }

    static String displayName(Path file) {
        if (file == null) {
            return "<unknown file>";
        }
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    /** Folds line breaks so that text from a parser (or a hostile header) cannot break the one-line rule. */
    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n]+", " ").strip();
    }
}
