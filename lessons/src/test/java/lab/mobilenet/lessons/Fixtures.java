package lab.mobilenet.lessons;

import java.util.SplittableRandom;
import lab.mobilenet.engine.op.Conv2d;
import lab.mobilenet.engine.op.ConvGeometry;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Test inputs and independent references: a plain double-accumulated loop and the engine's ND4J convolution. */
final class Fixtures {

    private Fixtures() {
    }

    static float[] uniform(SplittableRandom rnd, int n, double lo, double hi) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (lo + rnd.nextDouble() * (hi - lo));
        }
        return a;
    }

    /** A random "photo-like" image with values in [0, 1]. */
    static Planes image(long seed, int channels, int h, int w) {
        return Planes.of(channels, h, w, uniform(new SplittableRandom(seed), channels * h * w, 0, 1));
    }

    static KernelBank randomBank(long seed, ConvGeometry g, boolean bias) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] w = uniform(rnd, (int) g.weightCount(), -0.5, 0.5);
        return KernelBank.learned(w, bias ? uniform(rnd, g.outChannels(), -0.5, 0.5) : null, g);
    }

    /**
     * Textbook convolution, written independently of the trace: zero-padded input, sums in double in the
     * order bias, then channel, kernel row, kernel column; rounded to float at the end.
     */
    static float[] naiveConv(Planes in, float[] w, float[] bias, ConvGeometry g) {
        int h = in.height();
        int wd = in.width();
        int p = g.padding();
        int ph = h + 2 * p;
        int pw = wd + 2 * p;
        float[] padded = new float[in.channels() * ph * pw];
        for (int c = 0; c < in.channels(); c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < wd; x++) {
                    padded[(c * ph + y + p) * pw + x + p] = in.get(c, y, x);
                }
            }
        }
        int oh = (h + 2 * p - g.kernel()) / g.stride() + 1;
        int ow = (wd + 2 * p - g.kernel()) / g.stride() + 1;
        int k = g.kernel();
        int inPer = g.inChannels() / g.groups();
        int outPer = g.outChannels() / g.groups();
        float[] out = new float[g.outChannels() * oh * ow];
        for (int o = 0; o < g.outChannels(); o++) {
            int grp = o / outPer;
            for (int y = 0; y < oh; y++) {
                for (int x = 0; x < ow; x++) {
                    double s = bias == null ? 0 : bias[o];
                    for (int ci = 0; ci < inPer; ci++) {
                        for (int i = 0; i < k; i++) {
                            for (int j = 0; j < k; j++) {
                                float v = padded[((grp * inPer + ci) * ph + y * g.stride() + i) * pw
                                        + x * g.stride() + j];
                                s += (double) v * w[((o * inPer + ci) * k + i) * k + j];
                            }
                        }
                    }
                    out[(o * oh + y) * ow + x] = (float) s;
                }
            }
        }
        return out;
    }

    /** The engine's ND4J convolution of one image. */
    static float[] engineConv(Planes in, float[] w, float[] bias, ConvGeometry g) {
        try (INDArray x = Nd4j.create(in.toArray(), new long[] {1, in.channels(), in.height(), in.width()}, 'c');
             INDArray wt = Nd4j.create(w, g.weightShape(), 'c');
             INDArray b = bias == null ? null : Nd4j.create(bias, new long[] {g.outChannels()}, 'c');
             INDArray out = Conv2d.forward(x, wt, b, g)) {
            return out.dup('c').data().asFloat();
        }
    }
}
