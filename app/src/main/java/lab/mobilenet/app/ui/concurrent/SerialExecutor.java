package lab.mobilenet.app.ui.concurrent;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Runs tasks one at a time, in submission order, on an underlying executor. A lesson session is mutable and
 * not thread-safe; funnelling every move through one serial executor keeps it consistent while the compute
 * pool has several threads.
 */
public final class SerialExecutor implements Executor {

    private final Executor underlying;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private Runnable active;

    public SerialExecutor(Executor underlying) {
        this.underlying = underlying;
    }

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(() -> {
            try {
                task.run();
            } finally {
                scheduleNext();
            }
        });
        if (active == null) {
            scheduleNext();
        }
    }

    private synchronized void scheduleNext() {
        active = tasks.poll();
        if (active != null) {
            underlying.execute(active);
        }
    }
}
