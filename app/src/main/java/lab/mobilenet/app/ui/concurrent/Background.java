package lab.mobilenet.app.ui.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * Runs work off the UI thread and always reports back on it, exactly once: with the result, or with a
 * one-line reason when the work threw. Every {@code Throwable} counts: errors native code raises (a
 * missing library, no memory) and the ones that mean a bug ({@code StackOverflowError},
 * {@code AssertionError}), so a page never waits forever for an answer and never gets (null, null).
 */
public final class Background {

    private Background() {
    }

    /**
     * @param work   runs on {@code worker}
     * @param report runs on {@code ui} with (result, null) or (null, one-line reason), never (null, null)
     *               for a failure
     */
    public static <T> void run(Executor worker, Executor ui, Callable<T> work, BiConsumer<T, String> report) {
        worker.execute(() -> {
            T result = null;
            String failure = null;
            try {
                result = work.call();
            } catch (Throwable e) { // NOPMD: whatever happened, the page must hear of it
                failure = describe(e);
            } finally {
                T r = result;
                String f = failure;
                ui.execute(() -> report.accept(r, f));
            }
        });
    }

    /**
     * One line for the user: the message for ordinary failures; for errors, what kind of trouble it is
     * ("not enough memory", "internal error") before the message, since their messages alone
     * ("Java heap space", none at all) explain nothing.
     */
    public static String describe(Throwable e) {
        if (e instanceof Exception || e instanceof LinkageError) {
            return oneLine(e);
        }
        String detail = e.getMessage() == null || oneLine(e).equals(e.getClass().getSimpleName())
                ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + oneLine(e);
        if (e instanceof OutOfMemoryError) {
            return "not enough memory (" + detail + ")";
        }
        return "internal error (a bug): " + detail;
    }

    /** The first non-blank line of a throwable's message, or its class name when it has none. */
    public static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m != null) {
            for (String line : m.split("\\R")) {
                if (!line.isBlank()) {
                    return line.strip();
                }
            }
        }
        return e.getClass().getSimpleName();
    }
}
