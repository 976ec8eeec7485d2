package lab.mobilenet.app.ui.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a window test in which the FX thread was blocked for more than {@value #LIMIT_MILLIS} ms by its own
 * work or waiting (see {@link FxWatchdog} for how a stall is split between our code and the machine), or
 * stalled more than ten times that for any reason, and reports the longest stall of every test on standard
 * output. Register it after TestFX's {@code ApplicationExtension}, so that it starts once the window is showing.
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
        System.out.println("fx-watchdog: " + context.getDisplayName() + ": longest stall "
                + watchdog.longest().describe() + "; most blocked by our code " + watchdog.worstBlocking().blockingNanos() / 1_000_000
                + " ms, in the stall of " + watchdog.worstBlocking().describe() + "; "
                + watchdog.heartbeats() + " heartbeats");
        if (context.getExecutionException().isPresent()) {
            return;
        }
        String verdict = verdict(watchdog);
        if (verdict != null) {
            throw new AssertionError(verdict + " during " + context.getDisplayName());
        }
    }

    /** Why the watched stretch fails, or null. */
    static String verdict(FxWatchdog watchdog) {
        FxWatchdog.Stall worst = watchdog.worstBlocking();
        if (worst.blockingNanos() > LIMIT_MILLIS * 1_000_000) {
            return "the FX thread was blocked by our code for " + worst.blockingNanos() / 1_000_000 + " ms (limit "
                    + LIMIT_MILLIS + " ms): " + worst.describe();
        }
        FxWatchdog.Stall longest = watchdog.longest();
        if (longest.wallNanos() > 10 * LIMIT_MILLIS * 1_000_000) {
            return "the FX thread stalled for " + longest.describe() + " (limit " + 10 * LIMIT_MILLIS + " ms in all)";
        }
        return null;
    }
}
