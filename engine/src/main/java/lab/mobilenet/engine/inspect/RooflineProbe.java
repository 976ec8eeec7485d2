package lab.mobilenet.engine.inspect;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A quick measure of this machine's two roofs: the float32 matrix-product peak (ND4J's sgemm on square
 * matrices, best of several runs) and the memory bandwidth of a large copy (bytes read plus written,
 * best of several runs). Quick, not precise: it takes well under a second and is meant as the roof of a
 * roofline, not as a benchmark.
 *
 * @param peakGflops        achieved GFLOP/s of sgemm (2 FLOPs per multiply-add)
 * @param bandwidthGbPerSec achieved GB/s of a copy far larger than the caches
 */
public record RooflineProbe(double peakGflops, double bandwidthGbPerSec) {

    /** The attainable GFLOP/s at an arithmetic intensity of {@code macsPerByte}: min(peak, bandwidth · 2 · intensity). */
    public double roof(double macsPerByte) {
        return Math.min(peakGflops, bandwidthGbPerSec * 2 * macsPerByte);
    }

    /** The intensity (MACs per byte) where the two roofs meet. */
    public double ridge() {
        return peakGflops / (2 * bandwidthGbPerSec);
    }

    public static RooflineProbe measure() {
        return new RooflineProbe(sgemmPeak(512, 6), copyBandwidth(16 << 20, 6));
    }

    static double sgemmPeak(int n, int repeats) {
        double best = 0;
        try (INDArray a = Nd4j.rand(DataType.FLOAT, n, n); INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
             INDArray c = Nd4j.create(DataType.FLOAT, n, n)) {
            a.mmuli(b, c); // warm-up
            for (int i = 0; i < repeats; i++) {
                long t = System.nanoTime();
                a.mmuli(b, c);
                double s = (System.nanoTime() - t) / 1e9;
                best = Math.max(best, 2.0 * n * n * n / s / 1e9);
            }
        }
        return best;
    }

    static double copyBandwidth(int floats, int repeats) {
        float[] src = new float[floats];
        float[] dst = new float[floats];
        for (int i = 0; i < floats; i += 1024) {
            src[i] = i;
        }
        double best = 0;
        System.arraycopy(src, 0, dst, 0, floats); // warm-up, touches every page
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            System.arraycopy(src, 0, dst, 0, floats);
            double s = (System.nanoTime() - t) / 1e9;
            best = Math.max(best, 2.0 * floats * Float.BYTES / s / 1e9);
        }
        if (dst[floats - 1024] != src[floats - 1024]) {
            throw new IllegalStateException("copy went wrong"); // also keeps the copy from being optimised away
        }
        return best;
    }
}
