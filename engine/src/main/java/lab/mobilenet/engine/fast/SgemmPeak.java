package lab.mobilenet.engine.fast;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * This CPU's practical float32 peak, measured: the best GFLOP/s of the {@code sgemm}s at hand (oneDNN's
 * and OpenBLAS's, {@link MatrixLibrary}) on large square matrices (512³), one single-threaded product per
 * thread at the same time. OpenBLAS is the faster of the two on these (89 against 65–90 GFLOP/s at one
 * thread here), oneDNN on MobileNet's own shapes, which is why the fast path uses it. {@code bench} reports each layer type's speed as a share of it.
 */
public final class SgemmPeak {

    private static final int N = 512;

    private SgemmPeak() {
    }

    /** The library whose products the fast path uses and this peak measures: "oneDNN" or "OpenBLAS". */
    public static String library() {
        return MatrixLibrary.preferred() == MatrixLibrary.ONEDNN ? "oneDNN" : "OpenBLAS";
    }

    /** Best of {@code repeats} rounds of each library, in GFLOP/s summed over {@code threads}. */
    public static double gflops(int threads, int repeats) {
        double best = 0;
        for (MatrixLibrary library : MatrixLibrary.available()) {
            best = Math.max(best, gflops(library, threads, repeats));
        }
        return best;
    }

    private static double gflops(MatrixLibrary library, int threads, int repeats) {
        Nd4j.factory().blas().setMaxThreads(1);
        FloatPointer[] a = new FloatPointer[threads];
        FloatPointer[] b = new FloatPointer[threads];
        FloatPointer[] c = new FloatPointer[threads];
        float[] values = new float[N * N];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i % 13) / 13f;
        }
        try (WorkerPool pool = new WorkerPool(threads)) {
            for (int t = 0; t < threads; t++) {
                a[t] = new FloatPointer(values);
                b[t] = new FloatPointer(values);
                c[t] = new FloatPointer((long) N * N);
            }
            long best = Long.MAX_VALUE;
            for (int r = 0; r < repeats + 2; r++) { // two rounds of warm-up
                long start = System.nanoTime();
                pool.run(threads, t -> library.sgemm(false, N, N, N, a[t], N, b[t], N, c[t], N));
                long nanos = System.nanoTime() - start;
                if (r >= 2) {
                    best = Math.min(best, nanos);
                }
            }
            return 2.0 * N * N * N * threads / best;
        } finally {
            MatrixLibrary.restoreOpenMpThreads(); // the caller ran part 0
            for (int t = 0; t < threads; t++) {
                for (FloatPointer p : new FloatPointer[] {a[t], b[t], c[t]}) {
                    if (p != null) {
                        p.close();
                    }
                }
            }
        }
    }
}
