package lab.mobilenet.engine.checkpoint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.model.NonFiniteValues;
import lab.mobilenet.engine.model.ParamSpec;
import lab.mobilenet.engine.runtime.Weights;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Binds the tensors of a timm {@code model.safetensors} to a network's layers by key. Every mismatch is
 * collected and reported in one message; batch norm's {@code num_batches_tracked} counters are ignored.
 */
public final class CheckpointBinder {

    private static final int MAX_LISTED = 5;

    private CheckpointBinder() {
    }

    /** Reads, validates and binds a checkpoint file. The shapes are checked from the header before any data is read. */
    public static Weights load(Network network, Path file)
            throws IOException, CheckpointFormatException, CheckpointMismatchException {
        Map<String, TensorInfo> header = SafetensorsReader.readHeader(file);
        Map<String, long[]> shapes = new LinkedHashMap<>();
        header.forEach((k, v) -> shapes.put(k, v.shape()));
        check(network, shapes, file.getFileName().toString());
        Map<String, TensorData> tensors = SafetensorsReader.read(file, k -> !ignored(k));
        return bind(network, tensors, file.getFileName().toString());
    }

    /** Binds tensors already in memory (checked again, in case they came from elsewhere). */
    public static Weights bind(Network network, Map<String, TensorData> tensors, String source)
            throws CheckpointMismatchException {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        tensors.forEach((k, v) -> shapes.put(k, v.shape()));
        check(network, shapes, source);
        for (ParamSpec p : network.params()) {
            checkFinite(tensors.get(p.key()), source);
        }
        Map<String, INDArray> bound = new LinkedHashMap<>();
        try {
            for (ParamSpec p : network.params()) {
                TensorData t = tensors.get(p.key());
                bound.put(p.key(), Nd4j.create(t.values(), p.shape(), 'c'));
            }
        } catch (RuntimeException | Error e) {
            bound.values().forEach(INDArray::close); // off-heap memory is not collected with the map
            throw e;
        }
        return new Weights(bound, true, source);
    }

    /**
     * One NaN or infinity among the weights spreads through every layer after it, and every class ends
     * with probability NaN: refuse the checkpoint and name the tensor, before any memory is bound.
     */
    static void checkFinite(TensorData tensor, String source) throws CheckpointMismatchException {
        float[] values = tensor.values();
        NonFiniteValues bad = NonFiniteValues.in(values);
        int count = bad.count();
        int first = bad.first();
        if (bad.any()) {
            throw new CheckpointMismatchException(source + ": tensor '" + tensor.name() + "' holds " + count
                    + " non-finite value" + (count == 1 ? "" : "s") + " (" + values[first] + " at index " + first
                    + "); every prediction would be NaN, so the checkpoint is refused");
        }
    }

    /** Throws one message listing every missing, unexpected and mis-shaped key (the first few of each). */
    static void check(Network network, Map<String, long[]> shapes, String source) throws CheckpointMismatchException {
        Set<String> missing = new TreeSet<>();
        List<String> misShaped = new ArrayList<>();
        Set<String> expected = new TreeSet<>();
        for (ParamSpec p : network.params()) {
            expected.add(p.key());
            long[] s = shapes.get(p.key());
            if (s == null) {
                missing.add(p.key());
            } else if (!Arrays.equals(s, p.shape())) {
                misShaped.add(p.key() + " " + Arrays.toString(s) + " (model " + Arrays.toString(p.shape()) + ")");
            }
        }
        Set<String> unexpected = new TreeSet<>();
        for (String k : shapes.keySet()) {
            if (!expected.contains(k) && !ignored(k)) {
                unexpected.add(k);
            }
        }
        if (missing.isEmpty() && unexpected.isEmpty() && misShaped.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add(missing.size() + " missing: " + list(missing));
        }
        if (!unexpected.isEmpty()) {
            parts.add(unexpected.size() + " unexpected: " + list(unexpected));
        }
        if (!misShaped.isEmpty()) {
            parts.add(misShaped.size() + " mis-shaped: " + list(misShaped));
        }
        throw new CheckpointMismatchException(source + " does not fit " + network.name() + " ("
                + network.numClasses() + " classes): " + String.join("; ", parts));
    }

    private static boolean ignored(String key) {
        return key.endsWith(".num_batches_tracked") || key.equals("__metadata__");
    }

    private static String list(java.util.Collection<String> keys) {
        List<String> shown = keys.stream().limit(MAX_LISTED).toList();
        return String.join(", ", shown) + (keys.size() > MAX_LISTED ? ", … (" + (keys.size() - MAX_LISTED) + " more)" : "");
    }
}
