package lab.mobilenet.engine.fast;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SCRATCHPAD;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.global.dnnl.scratchpad_mode;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive_attr;
import org.bytedeco.dnnl.primitive_desc_base;

/**
 * A oneDNN kernel's primitives for its work cut into 1, 2, … even parts of {@code total} (rows or elements), one
 * primitive per part so that the plan's threads can share the work, each set made when a plan first asks for it.
 * A set is made with the calling thread's OpenMP count at one: oneDNN fixes a primitive's team when the primitive
 * is made, and one made with two ran on two threads inside a one-thread plan. A part is made on the caller and may
 * run on a worker, and on another caller in a later run, so each part has its own scratchpad
 * ({@link #userScratchpad}, {@link #ownScratchpad}): with oneDNN's default, some kernels ({@code gemm:jit}, which
 * it picks without AVX2) keep theirs per thread and crashed the JVM when a part ran on a thread other than its
 * maker's.
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

    /** Makes the parts of a {@code count}-way split, on the calling thread, before threads run them. */
    void prepare(int count) {
        sets.computeIfAbsent(count, n -> {
            MatrixLibrary.oneThreadHere();
            List<T> made = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                made.add(maker.make(Step.split(total, n, i), Step.split(total, n, i + 1)));
            }
            return made;
        });
    }

    /** Part {@code part} of the {@code count}-way split, which {@link #prepare} made (threads only read the map). */
    T get(int count, int part) {
        List<T> set = sets.get(count);
        if (set == null) {
            throw new IllegalStateException("the " + count + "-way split was not prepared");
        }
        return set.get(part);
    }

    /** An attribute whose primitives take their scratchpad from the caller, for {@link #ownScratchpad}. */
    static primitive_attr userScratchpad(NativeOwner owned) {
        primitive_attr attr = owned.keep(new primitive_attr());
        attr.set_scratchpad_mode(scratchpad_mode.user);
        return attr;
    }

    /** Gives one part's primitive, made with {@link #userScratchpad}, its own scratchpad among its arguments. */
    static void ownScratchpad(primitive_desc_base pd, engine cpu, IntMemoryMap args, NativeOwner owned) {
        memory.desc size = owned.keep(pd.scratchpad_desc());
        args.put(DNNL_ARG_SCRATCHPAD, owned.keep(new memory(size, cpu)));
    }
}
