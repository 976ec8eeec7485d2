package lab.mobilenet.engine.fast;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A oneDNN kernel's primitives for its work cut into 1, 2, … even parts of {@code total} (rows or elements), one
 * primitive per part so that the plan's threads can share the work, each set made when a plan first asks for it.
 * A set is made with the calling thread's OpenMP count at one: oneDNN fixes a primitive's team when the primitive
 * is made, and one made with two ran on two threads inside a one-thread plan.
 *
 * @param <T> one part's primitive and what it needs
 */
final class OneDnnParts<T> {

    /** Makes the part for {@code [start, end)}. */
    interface Maker<T> {
        T make(int start, int end);
    }

    private final int total;
    private final Maker<T> maker;
    private final Map<Integer, List<T>> sets = new HashMap<>();

    OneDnnParts(int total, Maker<T> maker) {
        this.total = total;
        this.maker = maker;
    }

    /** Makes the parts of a {@code count}-way split; call before running them from several threads. */
    void prepare(int count) {
        get(count, 0);
    }

    /** Part {@code part} of the {@code count}-way split. */
    T get(int count, int part) {
        return sets.computeIfAbsent(count, n -> {
            MatrixLibrary.oneThreadHere();
            List<T> made = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                made.add(maker.make(Step.split(total, n, i), Step.split(total, n, i + 1)));
            }
            return made;
        }).get(part);
    }
}
