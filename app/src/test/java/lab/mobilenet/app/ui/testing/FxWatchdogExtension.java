package lab.mobilenet.app.ui.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a window test whose FX thread was busy for more than {@value #LIMIT_MILLIS} ms at a stretch while the
 * test ran (after the window was set up), or stalled ten times that long, and reports the longest stall of
 * every test on standard output (see {@link FxWatchdog} for why CPU time, not wall time, is the default). Register it
 * after TestFX's {@code ApplicationExtension}, so that it starts once the window is showing.
 */
public final class FxWatchdogExtension implements BeforeEachCallback, AfterEachCallback {
    /** A frame at 10 fps: longer, and a teacher sees the window freeze. */
    public static final long LIMIT_MILLIS = 100;

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(FxWatchdogExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put("watchdog", FxWatchdog.start());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        FxWatchdog watchdog = context.getStore(NS).remove("watchdog", FxWatchdog.class);
        watchdog.close();
        long busy = watchdog.longestBusyMillis();
        long wall = watchdog.longestStallMillis();
        System.out.println("fx-watchdog: " + context.getDisplayName() + ": longest stall " + wall + " ms (FX thread busy "
                + busy + " ms of it) over " + watchdog.heartbeats() + " heartbeats");
        if (context.getExecutionException().isPresent()) {
            return;
        }
        if (busy > LIMIT_MILLIS || wall > 10 * LIMIT_MILLIS) {
            throw new AssertionError("the FX thread was blocked for " + wall + " ms, busy " + busy + " ms of it (limit "
                    + LIMIT_MILLIS + " ms busy, " + 10 * LIMIT_MILLIS + " ms in all) during " + context.getDisplayName());
        }
    }
}
