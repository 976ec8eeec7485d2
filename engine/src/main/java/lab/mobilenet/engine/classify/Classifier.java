package lab.mobilenet.engine.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import lab.mobilenet.engine.fast.FastPlan;
import lab.mobilenet.engine.fast.UnsupportedNetworkException;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.model.NonFiniteValues;
import lab.mobilenet.engine.op.ChannelOps;
import lab.mobilenet.engine.runtime.CancellationToken;
import lab.mobilenet.engine.runtime.EnginePath;
import lab.mobilenet.engine.runtime.NetworkRunner;
import lab.mobilenet.engine.runtime.RunListener;
import lab.mobilenet.engine.runtime.Weights;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs a network on one preprocessed image and ranks the classes by softmax probability. By default on
 * the fast path ({@link FastPlan}, compiled on first use for the image size and kept while the size stays
 * the same); the inspection path on request, and for inputs that are not one {@code [1, 3, H, W]} image.
 * Close it to stop the fast path's worker threads and free its memory.
 */
public final class Classifier implements AutoCloseable {

    private final NetworkRunner runner;
    private final EnginePath path;
    private FastPlan plan;
    private boolean fastUnsupported;

    public Classifier(Network network, Weights weights) {
        this(network, weights, EnginePath.FAST);
    }

    public Classifier(Network network, Weights weights, EnginePath path) {
        this.runner = new NetworkRunner(network, weights);
        this.path = path;
    }

    public Network network() {
        return runner.network();
    }

    public EnginePath path() {
        return path;
    }

    public boolean untrained() {
        return !runner.weights().pretrained();
    }

    /**
     * @param tensor a {@code [1, 3, H, W]} float32 tensor, row-major, already normalised
     * @param k      how many classes to return
     * @throws NonFiniteOutputException when the input or the output holds NaN or infinity (never a NaN
     *                                   prediction)
     */
    public Classification classify(float[] tensor, long[] shape, int k, CancellationToken cancel) {
        return classify(tensor, shape, k, RunListener.NONE, cancel);
    }

    /**
     * The same, telling {@code listener} about every layer as it runs (e.g. to keep the last feature maps for a
     * class activation map). Listening only copies activations; the logits are those of the plain call.
     */
    public Classification classify(float[] tensor, long[] shape, int k, RunListener listener,
                                   CancellationToken cancel) {
        if (k <= 0) {
            throw new IllegalArgumentException("top-k must be positive, got " + k);
        }
        // refused before it runs: oneDNN's clip post-op (ReLU6 after a depthwise layer) turns a NaN into a
        // number, so a NaN pixel no longer reaches the output as it did through the plain-Java kernels
        NonFiniteValues badInput = NonFiniteValues.in(tensor);
        if (badInput.any()) {
            throw new NonFiniteOutputException("the input is not a number: " + badInput.count() + " of " + tensor.length
                    + " values are NaN or infinite (the first at " + badInput.first() + "); nothing was computed");
        }
        long start = System.nanoTime();
        float[] logits;
        float[] probs;
        // a listener wants the inspection path's per-layer tensors; the fast path has none to give
        float[] fast = path == EnginePath.FAST && listener == RunListener.NONE && oneImage(shape, tensor)
                ? fastLogits(tensor, (int) shape[2], (int) shape[3], cancel) : null;
        if (fast != null) {
            logits = fast;
            try (INDArray l = Nd4j.create(logits, new long[] {1, logits.length}, 'c');
                 INDArray p = ChannelOps.softmax(l)) {
                probs = p.dup('c').data().asFloat();
            }
        } else {
            try (INDArray x = Nd4j.create(tensor, shape, 'c');
                 INDArray out = runner.run(x, listener, cancel);
                 INDArray p = ChannelOps.softmax(out)) {
                logits = toHeap(out);
                probs = toHeap(p);
            }
        }
        checkFinite(logits, "logit");
        checkFinite(probs, "probability");
        double millis = (System.nanoTime() - start) / 1e6;
        return new Classification(topK(probs, k), logits, millis, untrained());
    }

    private static boolean oneImage(long[] shape, float[] tensor) {
        return shape.length == 4 && shape[0] == 1 && shape[1] == 3 && shape[2] * shape[3] * 3 == tensor.length;
    }

    /**
     * Serialised: the plan's buffers are shared, and a new size replaces the plan. Null when the fast path cannot
     * compile this network (e.g. Xception's pre-activation blocks): then the inspection path runs it.
     */
    private synchronized float[] fastLogits(float[] tensor, int height, int width, CancellationToken cancel) {
        if (fastUnsupported) {
            return null;
        }
        if (plan == null || plan.height() != height || plan.width() != width) {
            if (plan != null) {
                plan.close();
                plan = null;
            }
            try {
                plan = FastPlan.compile(runner.network(), runner.weights(), height, width, FastPlan.defaultThreads());
            } catch (UnsupportedNetworkException unsupported) {
                fastUnsupported = true;
                return null;
            }
        }
        return plan.logits(tensor, cancel, null);
    }

    @Override
    public synchronized void close() {
        if (plan != null) {
            plan.close();
            plan = null;
        }
    }

    /** A heap copy; the contiguous off-heap copy is closed at once instead of waiting for the collector. */
    private static float[] toHeap(INDArray a) {
        try (INDArray c = a.dup('c')) {
            return c.data().asFloat();
        }
    }

    /** Never present NaN as a prediction (a NaN sorts as the largest value and prints as "NaN%"). */
    private static void checkFinite(float[] values, String what) {
        NonFiniteValues bad = NonFiniteValues.in(values);
        if (bad.any()) {
            throw new NonFiniteOutputException("the network's output is not a number: " + bad.count() + " of "
                    + values.length + " " + what + "s are NaN or infinite (class " + bad.first() + ": " + values[bad.first()]
                    + "); the weights or the input hold extreme values");
        }
    }

    static List<Prediction> topK(float[] probs, int k) {
        List<Prediction> top = new ArrayList<>();
        IntStream.range(0, probs.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> probs[i]).reversed().thenComparing(i -> i))
                .limit(k)
                .forEach(i -> top.add(new Prediction(i, probs[i])));
        return top;
    }
}
