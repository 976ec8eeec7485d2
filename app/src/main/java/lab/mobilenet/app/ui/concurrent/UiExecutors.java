package lab.mobilenet.app.ui.concurrent;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;

/**
 * The two executors the UI code is written against: {@code compute} for work that must leave the FX thread
 * (decoding photos, tracing convolutions, warming up ND4J) and {@code ui} for handing immutable results back
 * to the FX thread. Production uses daemon threads and {@link Platform#runLater}; tests use the same thread
 * for both, which makes every view-model deterministic.
 *
 * @param compute runs background work
 * @param ui      runs result hand-over on the UI thread
 */
public record UiExecutors(Executor compute, Executor ui) {

    /** Two daemon compute threads (the machine may have only two cores) and the FX application thread. */
    public static UiExecutors production() {
        ExecutorService pool = Executors.newFixedThreadPool(2, daemonThreads("mobilenet-lab-compute"));
        return new UiExecutors(pool, Platform::runLater);
    }

    /** Everything on the caller's thread: work and hand-over happen before the call returns. */
    public static UiExecutors sameThread() {
        return new UiExecutors(Runnable::run, Runnable::run);
    }

    /** Daemon threads named {@code prefix-N}, so a hung task never keeps the JVM alive after the window closes. */
    public static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory base = Executors.defaultThreadFactory();
        return r -> {
            Thread t = base.newThread(r);
            t.setName(prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
