package lab.mobilenet.engine.checkpoint;

import java.util.List;
import java.nio.file.Path;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.NetworkBuilder;
import lab.mobilenet.engine.runtime.Weights;

/**
 * Which of the width-1.0 networks a checkpoint file belongs to, found the only reliable way: by binding it to
 * each ({@link CheckpointBinder} checks every key, shape and dtype). Needs the engine (ND4J) loaded.
 */
public final class CheckpointFit {

    /** The four networks timm publishes weights for, in the order the app lists them. */
    public static final List<Architecture> NETWORKS = List.of(Architecture.MOBILENET_V1,
            Architecture.MOBILENET_V2, Architecture.MOBILENET_V3_LARGE, Architecture.MOBILENET_V3_SMALL);

    /**
     * @param architecture the network the file binds to, or {@code null} when none
     * @param reason       when none fits: the reader's one-line reason for the closest network
     */
    public record Result(Architecture architecture, String reason) {
        public boolean fits() {
            return architecture != null;
        }
    }

    private CheckpointFit() {
    }

    /** Tries {@code file} against each of {@code candidates}; the first that binds wins. */
    public static Result of(Path file, List<Architecture> candidates) {
        String reason = null;
        for (Architecture a : candidates) {
            try (Weights w = CheckpointBinder.load(NetworkBuilder.build(a, 1.0), file)) {
                return new Result(a, null);
            } catch (java.io.IOException | CheckpointFormatException | CheckpointMismatchException e) {
                String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
                int nl = m.indexOf('\n');
                m = nl < 0 ? m : m.substring(0, nl);
                if (reason == null || m.length() < reason.length()) {
                    reason = m; // the shortest list of mismatches: the network it came closest to
                }
            }
        }
        return new Result(null, reason == null ? "no network to try" : reason);
    }

    /** Whether {@code file} binds to {@code a} at width 1.0; the reason when not. */
    public static Result against(Path file, Architecture a) {
        return of(file, List.of(a));
    }
}
