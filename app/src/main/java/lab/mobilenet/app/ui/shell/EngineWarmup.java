package lab.mobilenet.app.ui.shell;

import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import lab.mobilenet.app.ui.concurrent.Background;

/**
 * Loads the numeric engine (ND4J and its native libraries, several seconds on a cold start) in the
 * background after the window is up, and tells the status bar how far it is. The load itself is injected so
 * tests can use a quick stand-in.
 */
public final class EngineWarmup {

    /** Where the warm-up is. */
    public enum State { LOADING, READY, FAILED }

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.LOADING);
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final Runnable load;

    /** @param load the blocking load, e.g. {@link #nd4j()} */
    public EngineWarmup(Runnable load) {
        this.load = load;
    }

    /** Creates a one-element ND4J array: forces the backend and its natives to load. */
    public static Runnable nd4j() {
        return () -> org.nd4j.linalg.factory.Nd4j.create(1).close();
    }

    /** Starts the load on {@code compute}; the outcome is published on {@code ui}. */
    public void start(Executor compute, Executor ui) {
        state.set(State.LOADING);
        compute.execute(() -> {
            try {
                load.run();
                ui.execute(() -> state.set(State.READY));
            } catch (Throwable e) { // NOPMD: OutOfMemoryError too, or the status bar says "loading" forever
                String msg = e instanceof Exception || e instanceof LinkageError
                        ? e.getClass().getSimpleName() + ": " + Background.oneLine(e) : Background.describe(e);
                ui.execute(() -> {
                    failure.set(msg);
                    state.set(State.FAILED);
                });
            }
        });
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** One line on why the load failed, empty otherwise. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }
}
