package lab.mobilenet.engine.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The tensors of one network, by checkpoint key, plus where they came from. Untrained weights
 * (a seeded initialisation) say so, and everything that reports results passes that on.
 */
public final class Weights implements AutoCloseable {

    private final Map<String, INDArray> tensors;
    private final boolean pretrained;
    private final String source;

    public Weights(Map<String, INDArray> tensors, boolean pretrained, String source) {
        this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        this.pretrained = pretrained;
        this.source = source;
    }

    public INDArray get(String key) {
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

    @Override
    public void close() {
        tensors.values().forEach(INDArray::close);
    }
}
