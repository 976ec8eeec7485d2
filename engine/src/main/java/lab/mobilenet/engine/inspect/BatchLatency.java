package lab.mobilenet.engine.inspect;

import java.util.Arrays;
import java.util.function.IntConsumer;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.runtime.CancellationToken;
import lab.mobilenet.engine.runtime.NetworkRunner;
import lab.mobilenet.engine.runtime.RunListener;
import lab.mobilenet.engine.runtime.Weights;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Latency against batch size on the inspection path's ND4J ops (the one implementation that runs every
 * batch size; at batch 1 the Explorer's per-layer times come from the faster compiled plan): for each batch size the median wall time of a few
 * whole runs on a random batch, divided by the batch size. A bigger batch turns each 1×1 convolution into
 * a wider matrix product, so the time per image usually falls, until the activations outgrow the caches.
 * A quick measurement for a chart, not a benchmark.
 */
public final class BatchLatency {

    private BatchLatency() {
    }

    /**
     * @param progress hears the index of each batch size as it is done (may be null)
     * @return milliseconds per image, one per entry of {@code batches}
     */
    public static double[] perImageMillis(Network network, Weights weights, int resolution, int[] batches, int repeats,
                                          CancellationToken cancel, IntConsumer progress) {
        // one ND4J op per layer at every batch size: the compiled plan runs batch 1 only, and a curve that
        // changed implementation between its first and second point would show that, not batching
        NetworkRunner runner = NetworkRunner.nd4jOps(network, weights);
        double[] out = new double[batches.length];
        try (INDArray warm = Nd4j.rand(DataType.FLOAT, 1, 3, resolution, resolution);
             INDArray ignored = runner.run(warm, RunListener.NONE, cancel)) {
            // one-time start-up costs stay out of the first point
        }
        for (int i = 0; i < batches.length; i++) {
            double[] t = new double[repeats];
            try (INDArray x = Nd4j.rand(DataType.FLOAT, batches[i], 3, resolution, resolution)) {
                for (int r = 0; r < repeats; r++) {
                    long start = System.nanoTime();
                    try (INDArray logits = runner.run(x, RunListener.NONE, cancel)) {
                        t[r] = (System.nanoTime() - start) / 1e6;
                    }
                }
            }
            Arrays.sort(t);
            out[i] = t[repeats / 2] / batches[i];
            if (progress != null) {
                progress.accept(i);
            }
        }
        return out;
    }
}
