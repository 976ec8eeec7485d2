package lab.mobilenet.engine.runtime;

import lab.mobilenet.engine.model.Layer;

/** Hears each layer start and finish during a run; called on the running thread. */
public interface RunListener {

    RunListener NONE = new RunListener() {
    };

    default void layerStarted(int index, Layer layer) {
    }

    default void layerFinished(LayerRun run) {
    }

    /** Which layers' outputs to copy into {@link LayerRun#activation()}; none by default (copies cost time). */
    default boolean wantsActivation(Layer layer) {
        return false;
    }

    /**
     * Whether to copy the tensors computed inside {@code layer} that timm computes in submodules of their
     * own (squeeze-excite's reduce, ReLU, expand and gate vectors) into {@link LayerRun#inner()}; none by default.
     */
    default boolean wantsInner(Layer layer) {
        return false;
    }
}
