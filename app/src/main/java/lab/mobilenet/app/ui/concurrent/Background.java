package lab.mobilenet.app.ui.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * Runs work off the UI thread and always reports back on it, exactly once: with the result, or with a
 * one-line reason when the work threw. Errors that native code can raise (a missing library, no memory)
 * count as failures too, so a page never waits forever for an answer.
 */
public final class Background {

    private Background() {
    }

    /**
     * @param work   runs on {@code worker}
     * @param report runs on {@code ui} with (result, null) or (null, one-line reason)
     */
    public static <T> void run(Executor worker, Executor ui, Callable<T> work, BiConsumer<T, String> report) {
        worker.execute(() -> {
            T result = null;
            String failure = null;
            try {
                result = work.call();
            } catch (Exception | LinkageError | OutOfMemoryError e) {
                failure = oneLine(e);
            } finally {
                T r = result;
                String f = failure;
                ui.execute(() -> report.accept(r, f));
            }
        });
    }

    /** The first line of a throwable's message, or its class name when it has none. */
    public static String oneLine(Throwable e) {
        String m = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }
}
