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

    /**
     * A checkpoint bound to the first candidate it fits, or the reason it fits none.
     *
     * @param weights the bound weights, owned (and to be closed) by the caller; {@code null} when none fits
     */
    public record Bound(Architecture architecture, Weights weights, String reason) {
        public boolean fits() {
            return weights != null;
        }
    }

    /** Tries {@code file} against each of {@code candidates}; the first that binds wins. */
    public static Result of(Path file, List<Architecture> candidates) {
        Bound b = bindFirst(file, candidates);
        if (b.fits()) {
            b.weights().close();
        }
        return new Result(b.architecture(), b.reason());
    }

    /**
     * Binds {@code file} to the first of {@code candidates} it fits and keeps the weights. When none fits, the
     * reason is the checkpoint reader's first line for the network it came closest to (the shortest list of
     * mismatches).
     */
    public static Bound bindFirst(Path file, List<Architecture> candidates) {
        String reason = null;
        for (Architecture a : candidates) {
            try {
                return new Bound(a, CheckpointBinder.load(NetworkBuilder.build(a, 1.0), file), null);
            } catch (java.io.IOException | CheckpointFormatException | CheckpointMismatchException e) {
                String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
                int nl = m.indexOf('\n');
                m = nl < 0 ? m : m.substring(0, nl);
                if (reason == null || m.length() < reason.length()) {
                    reason = m;
                }
            }
        }
        return new Bound(null, null, reason == null ? "no network to try" : reason);
    }

    /** Whether {@code file} binds to {@code a} at width 1.0; the reason when not. */
    public static Result against(Path file, Architecture a) {
        return of(file, List.of(a));
    }
}
