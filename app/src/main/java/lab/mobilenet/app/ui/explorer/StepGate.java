package lab.mobilenet.app.ui.explorer;

import java.util.concurrent.CancellationException;
import lab.mobilenet.engine.model.Layer;
import lab.mobilenet.engine.runtime.RunListener;

/**
 * Lets a run go one layer at a time: before each layer the running thread waits until that layer is
 * allowed ({@link #allowThrough}) or the gate is opened for good. Cancelling wakes the thread, which then
 * stops with a {@link CancellationException}. The UI thread only ever calls the non-blocking methods.
 */
final class StepGate implements RunListener {

    private int allowed = -1;
    private boolean open;
    private boolean cancelled;

    /** Lets every layer up to and including {@code layerIndex} run. */
    synchronized void allowThrough(int layerIndex) {
        allowed = Math.max(allowed, layerIndex);
        notifyAll();
    }

    /** Lets the rest of the run go without stopping. */
    synchronized void openFully() {
        open = true;
        notifyAll();
    }

    /** Stops the run at the next layer boundary (the waiting thread wakes and gives up). */
    synchronized void cancel() {
        cancelled = true;
        notifyAll();
    }

    synchronized boolean isCancelled() {
        return cancelled;
    }

    @Override
    public synchronized void layerStarted(int index, Layer layer) {
        while (!cancelled && !open && index > allowed) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
        }
        if (cancelled) {
            throw new CancellationException("run cancelled");
        }
    }
}
