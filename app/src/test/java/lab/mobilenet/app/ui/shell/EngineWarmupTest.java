package lab.mobilenet.app.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The warm-up ends in READY or FAILED with a line, whatever the load throws: never "loading" forever. */
class EngineWarmupTest {
    private static final Executor NOW = Runnable::run;

    private static EngineWarmup after(Runnable load) {
        EngineWarmup warmup = new EngineWarmup(load);
        warmup.start(NOW, NOW);
        return warmup;
    }

    @Test
    void aLoadThatWorksIsReady() {
        assertEquals(EngineWarmup.State.READY, after(() -> { }).stateProperty().get());
    }

    @Test
    void runningOutOfMemoryWhileLoadingFailsVisibly() {
        EngineWarmup w = after(() -> {
            throw new OutOfMemoryError("Cannot allocate 1073741824 bytes of native memory");
        });
        assertEquals(EngineWarmup.State.FAILED, w.stateProperty().get());
        assertEquals("not enough memory (OutOfMemoryError: Cannot allocate 1073741824 bytes of native memory)",
                w.failureProperty().get());
    }

    @Test
    void aMissingNativeLibraryFailsWithItsName() {
        EngineWarmup w = after(() -> {
            throw new UnsatisfiedLinkError("no jnind4jcpu in java.library.path");
        });
        assertEquals(EngineWarmup.State.FAILED, w.stateProperty().get());
        assertEquals("UnsatisfiedLinkError: no jnind4jcpu in java.library.path", w.failureProperty().get());
    }

    @Test
    void anAssertionErrorFailsAsABug() {
        EngineWarmup w = after(() -> {
            throw new AssertionError();
        });
        assertEquals(EngineWarmup.State.FAILED, w.stateProperty().get());
        assertEquals("internal error (a bug): AssertionError", w.failureProperty().get());
    }
}
