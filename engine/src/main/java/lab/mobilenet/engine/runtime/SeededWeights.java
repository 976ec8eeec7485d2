package lab.mobilenet.engine.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.model.ParamSpec;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A deterministic initialisation for running a network without a checkpoint, in the spirit of timm's:
 * convolutions normal with std sqrt(2 / fan_out), linear layers uniform in ±1/sqrt(out), batch norm as
 * identity, biases zero. Each tensor's stream is seeded from the seed and its key, so it does not
 * depend on the order tensors are made in.
 */
public final class SeededWeights {

    private SeededWeights() {
    }

    public static Weights create(Network network, long seed) {
        Map<String, org.nd4j.linalg.api.ndarray.INDArray> tensors = new LinkedHashMap<>();
        for (ParamSpec p : network.params()) {
            tensors.put(p.key(), Nd4j.create(values(p, seed), p.shape(), 'c'));
        }
        return new Weights(tensors, false, "untrained (seed " + seed + ")");
    }

    static float[] values(ParamSpec p, long seed) {
        long[] s = p.shape();
        float[] v = new float[(int) p.count()];
        String key = p.key();
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ key.hashCode());
        if (key.endsWith("running_var") || (s.length == 1 && key.endsWith(".weight"))) {
            java.util.Arrays.fill(v, 1f); // BN scale and variance
        } else if (s.length == 1) {
            return v; // biases, BN shift and mean
        } else if (s.length == 4) {
            double fanOut = (double) s[0] * s[2] * s[3] / Math.max(1, groupsOf(s));
            double std = Math.sqrt(2.0 / fanOut);
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (gaussian(rnd) * std);
            }
        } else {
            double range = 1.0 / Math.sqrt(s[0]);
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) ((rnd.nextDouble() * 2 - 1) * range);
            }
        }
        return v;
    }

    /** Depthwise weights {@code [C, 1, k, k]} have C groups; timm divides fan-out by the group count. */
    private static long groupsOf(long[] s) {
        return s[1] == 1 && s[0] > 1 ? s[0] : 1;
    }

    private static double gaussian(SplittableRandom rnd) {
        double u1 = Math.max(rnd.nextDouble(), 1e-12);
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
