package lab.mobilenet.engine.runtime;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/** A flag another thread can raise; the runner checks it between layers. */
public final class CancellationToken {

    public static final CancellationToken NEVER = new CancellationToken();

    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        if (this == NEVER) {
            throw new IllegalStateException("the NEVER token cannot be cancelled");
        }
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    void throwIfCancelled() {
        if (cancelled.get()) {
            throw new CancellationException("run cancelled");
        }
    }
}
