package lab.mobilenet.app.ui.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class BackgroundTest {

    /** Queues instead of running, so the test sees which executor ran what. */
    private static final class Queue implements Executor {
        final List<Runnable> tasks = new ArrayList<>();

        @Override
        public void execute(Runnable r) {
            tasks.add(r);
        }

        void drain() {
            while (!tasks.isEmpty()) {
                tasks.remove(0).run();
            }
        }
    }

    @Test
    void theResultReachesTheUiExecutorOnlyAfterTheWorkerRan() {
        Queue worker = new Queue();
        Queue ui = new Queue();
        List<String> reports = new ArrayList<>();
        Background.run(worker, ui, () -> "done", (r, f) -> reports.add(r + "/" + f));
        assertEquals(0, ui.tasks.size());
        worker.drain();
        assertEquals(List.of(), reports, "nothing is reported off the UI executor");
        ui.drain();
        assertEquals(List.of("done/null"), reports);
    }

    @Test
    void anErrorFromNativeCodeIsReportedOnceAsOneLine() {
        Queue worker = new Queue();
        Queue ui = new Queue();
        List<String> failures = new ArrayList<>();
        List<Object> results = new ArrayList<>();
        Background.run(worker, ui, () -> {
            throw new UnsatisfiedLinkError("no jnind4jcpu in java.library.path\nsecond line");
        }, (r, f) -> {
            results.add(r);
            failures.add(f);
        });
        worker.drain();
        ui.drain();
        assertEquals(List.of("no jnind4jcpu in java.library.path"), failures);
        assertNull(results.get(0));
    }

    @Test
    void aMessagelessExceptionIsNamedByItsClass() {
        assertEquals("IllegalStateException", Background.oneLine(new IllegalStateException()));
    }

    /** Runs {@code work} through {@link Background} and returns the (result, failure) it reported. */
    private static List<Object> report(java.util.concurrent.Callable<Object> work) {
        Queue worker = new Queue();
        Queue ui = new Queue();
        List<Object> reports = new ArrayList<>();
        Background.run(worker, ui, work, (r, f) -> {
            reports.add(r);
            reports.add(f);
        });
        worker.drain();
        ui.drain();
        return reports;
    }

    private static int depth(int n) {
        return depth(n + 1) + 1;
    }

    @Test
    void aStackOverflowIsReportedAsABugNotAsNullNull() {
        List<Object> r = report(() -> depth(0));
        assertEquals(2, r.size(), "reported exactly once");
        assertNull(r.get(0));
        assertEquals("internal error (a bug): StackOverflowError", r.get(1));
    }

    @Test
    void anAssertionErrorKeepsItsMessage() {
        List<Object> r = report(() -> {
            throw new AssertionError("frame index out of order");
        });
        assertEquals("internal error (a bug): AssertionError: frame index out of order", r.get(1));
    }

    @Test
    void runningOutOfMemorySaysSo() {
        List<Object> r = report(() -> {
            throw new OutOfMemoryError("Java heap space");
        });
        assertEquals("not enough memory (OutOfMemoryError: Java heap space)", r.get(1));
    }

    @Test
    void aMessageStartingWithABlankLineStillGivesALine() {
        assertEquals("the real reason", Background.oneLine(new IllegalStateException("\n  \nthe real reason\nmore")));
    }
}
