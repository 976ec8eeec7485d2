package lab.mobilenet.engine.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The tensors of one network, by checkpoint key, plus where they came from. Untrained weights
 * (a seeded initialisation) say so, and everything that reports results passes that on.
 *
 * <p>The tensors live off the Java heap, which the garbage collector does not watch: whoever makes a
 * {@code Weights} closes it. Closing while another thread still runs the network on them would free memory
 * under native code, so users {@link #acquire()} and {@link #release()} around their work (the
 * {@link NetworkRunner} does), and {@link #close()} then only marks the weights: the memory is freed when
 * the last user releases it. After {@code close()} no new user is admitted.
 */
public final class Weights implements AutoCloseable {

    private final Map<String, INDArray> tensors;
    private final boolean pretrained;
    private final String source;
    private int users;
    private boolean closeRequested;
    private boolean freed;
    /** Things computed once from these tensors (compiled plans), closed when the tensors are freed. */
    private final Map<Object, AutoCloseable> derived = new HashMap<>();

    public Weights(Map<String, INDArray> tensors, boolean pretrained, String source) {
        this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        this.pretrained = pretrained;
        this.source = source;
    }

    public INDArray get(String key) {
        if (isFreed()) {
            throw new IllegalStateException("the weights " + source + " were closed (replaced or released)");
        }
        INDArray t = tensors.get(key);
        if (t == null) {
            throw new IllegalStateException("no tensor bound for " + key);
        }
        return t;
    }

    public boolean contains(String key) {
        return tensors.containsKey(key);
    }

    public Map<String, INDArray> tensors() {
        return tensors;
    }

    /** True for real trained weights from a checkpoint; false for a seeded initialisation. */
    public boolean pretrained() {
        return pretrained;
    }

    /** A file name, or a description such as "untrained (seed 42)". */
    public String source() {
        return source;
    }

    /**
     * Registers a user: the tensors stay allocated until the matching {@link #release()}.
     *
     * @throws IllegalStateException when the weights were already closed
     */
    public synchronized void acquire() {
        if (closeRequested) {
            throw new IllegalStateException("the weights " + source + " were closed (replaced or released)");
        }
        users++;
    }

    /** Ends a use begun by {@link #acquire()}; frees the tensors if this was the last user after a close. */
    public void release() {
        boolean free;
        synchronized (this) {
            if (users <= 0) {
                throw new IllegalStateException("release() without acquire()");
            }
            users--;
            free = closeRequested && users == 0 && !freed;
            freed |= free;
        }
        if (free) {
            tensors.values().forEach(INDArray::close);
            closeDerived();
        }
    }

    /**
     * Something computed once from these weights and kept with them (the inspection path's compiled plan,
     * so that a runner made per call does not compile per call); closed when the tensors are freed. Call it
     * while {@linkplain #acquire() holding} the weights.
     */
    public <T extends AutoCloseable> T derived(Object key, Class<T> type, Supplier<T> make) {
        synchronized (derived) {
            AutoCloseable d = derived.get(key);
            if (d == null) {
                d = make.get();
                derived.put(key, d);
            }
            return type.cast(d);
        }
    }

    /** Closes what {@link #derived} made: after the tensors, once nobody uses them. */
    private void closeDerived() {
        List<AutoCloseable> all;
        synchronized (derived) {
            all = new ArrayList<>(derived.values());
            derived.clear();
        }
        for (AutoCloseable d : all) {
            try {
                d.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not free what was computed from " + source, e);
            }
        }
    }

    /** Whether {@link #close()} was called (the memory may still be held by a user). */
    public synchronized boolean isClosed() {
        return closeRequested;
    }

    /** Whether the tensors' memory has been given back. */
    public synchronized boolean isFreed() {
        return freed;
    }

    /** Frees the tensors now, or when the last current user releases them. Idempotent. */
    @Override
    public void close() {
        boolean free;
        synchronized (this) {
            closeRequested = true;
            free = users == 0 && !freed;
            freed |= free;
        }
        if (free) {
            tensors.values().forEach(INDArray::close);
            closeDerived();
        }
    }
}
