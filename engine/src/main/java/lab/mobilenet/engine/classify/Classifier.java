package lab.mobilenet.engine.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.op.ChannelOps;
import lab.mobilenet.engine.runtime.CancellationToken;
import lab.mobilenet.engine.runtime.NetworkRunner;
import lab.mobilenet.engine.runtime.RunListener;
import lab.mobilenet.engine.runtime.Weights;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Runs a network on one preprocessed image and ranks the classes by softmax probability. */
public final class Classifier {

    private final NetworkRunner runner;

    public Classifier(Network network, Weights weights) {
        this.runner = new NetworkRunner(network, weights);
    }

    public Network network() {
        return runner.network();
    }

    public boolean untrained() {
        return !runner.weights().pretrained();
    }

    /**
     * @param tensor a {@code [1, 3, H, W]} float32 tensor, row-major, already normalised
     * @param k      how many classes to return
     * @throws NonFiniteOutputException when the output holds NaN or infinity (never a NaN prediction)
     */
    public Classification classify(float[] tensor, long[] shape, int k, CancellationToken cancel) {
        if (k <= 0) {
            throw new IllegalArgumentException("top-k must be positive, got " + k);
        }
        long start = System.nanoTime();
        float[] logits;
        float[] probs;
        try (INDArray x = Nd4j.create(tensor, shape, 'c');
             INDArray out = runner.run(x, RunListener.NONE, cancel);
             INDArray p = ChannelOps.softmax(out)) {
            logits = toHeap(out);
            probs = toHeap(p);
        }
        checkFinite(logits, "logit");
        checkFinite(probs, "probability");
        double millis = (System.nanoTime() - start) / 1e6;
        return new Classification(topK(probs, k), logits, millis, untrained());
    }

    /** A heap copy; the contiguous off-heap copy is closed at once instead of waiting for the collector. */
    private static float[] toHeap(INDArray a) {
        try (INDArray c = a.dup('c')) {
            return c.data().asFloat();
        }
    }

    /** Never present NaN as a prediction (a NaN sorts as the largest value and prints as "NaN%"). */
    private static void checkFinite(float[] values, String what) {
        int bad = 0;
        int first = -1;
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                bad++;
                first = first < 0 ? i : first;
            }
        }
        if (bad > 0) {
            throw new NonFiniteOutputException("the network's output is not a number: " + bad + " of " + values.length
                    + " " + what + "s are NaN or infinite (class " + first + ": " + values[first]
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
