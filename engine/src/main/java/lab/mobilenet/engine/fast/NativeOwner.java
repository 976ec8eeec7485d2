package lab.mobilenet.engine.fast;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.Pointer;

/**
 * The native objects one oneDNN kernel made (descriptors, memories, primitives, streams), freed together in
 * the reverse order of their making, since later ones refer to earlier ones.
 */
final class NativeOwner implements AutoCloseable {

    private final List<Pointer> owned = new ArrayList<>();

    /** Takes {@code p} to free on {@link #close}; returns it. */
    <T extends Pointer> T keep(T p) {
        owned.add(p);
        return p;
    }

    @Override
    public void close() {
        for (int i = owned.size() - 1; i >= 0; i--) {
            owned.get(i).close();
        }
        owned.clear();
    }
}
