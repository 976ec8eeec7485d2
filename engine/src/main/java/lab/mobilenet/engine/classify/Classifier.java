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
        long start = System.nanoTime();
        float[] logits;
        float[] probs;
        try (INDArray x = Nd4j.create(tensor, shape, 'c');
             INDArray out = runner.run(x, listener, cancel);
             INDArray p = ChannelOps.softmax(out)) {
            logits = out.dup('c').data().asFloat();
            probs = p.dup('c').data().asFloat();
        }
        double millis = (System.nanoTime() - start) / 1e6;
        return new Classification(topK(probs, k), logits, millis, untrained());
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
