package lab.mobilenet.engine.fast;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import java.util.List;
import java.util.Locale;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.dnnl.global.dnnl;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.slf4j.LoggerFactory;

/**
 * Who computes the fast path's matrix products ({@code sgemm}, row-major, single-threaded: the plan's own
 * {@link WorkerPool} shares the work). oneDNN when its natives load, else OpenBLAS, the library ND4J itself
 * uses (the plans pin it to one thread per run). On MobileNet's shapes (few pixels or few channels) oneDNN's
 * JIT kernels were 1.2–2.4× faster than OpenBLAS 0.3.19 at one thread here (V2's 34 products: 5.9 against
 * 9.3 ms); Maven Central has no oneDNN build for macOS on Apple silicon. {@code -Dmobilenet.gemm=openblas}
 * or {@code =onednn} chooses.
 */
enum MatrixLibrary {

    ONEDNN {
        @Override
        void sgemm(boolean transposeA, int m, int n, int k, FloatPointer a, int lda, FloatPointer b, int ldb,
                   FloatPointer c, int ldc) {
            oneThreadHere();
            int status = dnnl.dnnl_sgemm((byte) (transposeA ? 'T' : 'N'), (byte) 'N', m, n, k, 1f, a, lda, b, ldb, 0f,
                    c, ldc);
            if (status != dnnl.dnnl_success) {
                throw new IllegalStateException("oneDNN sgemm " + m + "x" + n + "x" + k + " failed with status " + status);
            }
        }
    },

    OPENBLAS {
        @Override
        void sgemm(boolean transposeA, int m, int n, int k, FloatPointer a, int lda, FloatPointer b, int ldb,
                   FloatPointer c, int ldc) {
            cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, CblasNoTrans, m, n, k, 1f, a, lda, b, ldb,
                    0f, c, ldc);
        }
    };

    /** {@code C[m × n] = op(A) · B}, all row-major; op(A) is A ({@code m × k}) or Aᵀ (A stored {@code k × m}). */
    abstract void sgemm(boolean transposeA, int m, int n, int k, FloatPointer a, int lda, FloatPointer b, int ldb,
                        FloatPointer c, int ldc);

    /** The library the plans use: the property's choice, else oneDNN where it loads, else OpenBLAS. */
    static MatrixLibrary preferred() {
        return Preferred.LIBRARY;
    }

    /** The libraries that load here: OpenBLAS always, oneDNN where its natives do. */
    static List<MatrixLibrary> available() {
        return Preferred.ONEDNN_PROBLEM.isEmpty() ? List.of(ONEDNN, OPENBLAS) : List.of(OPENBLAS);
    }

    /** Why oneDNN does not load, or empty when it does. */
    static String oneDnnProblem() {
        return Preferred.ONEDNN_PROBLEM;
    }

    /**
     * oneDNN runs on OpenMP, whose thread count is per calling thread: left alone, every thread of the pool
     * would start a team of its own on the same cores. libnd4j shares oneDNN's OpenMP runtime (JavaCPP
     * loads {@code libgomp} once), so its {@code setOmpNumThreads} sets it; measured here: 2 cores busy
     * for one call before, one after. The thread's own count is kept, for {@link #restoreOpenMpThreads}.
     */
    static void oneThreadHere() {
        if (SAVED_OPENMP_THREADS.get() == null) {
            var ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
            SAVED_OPENMP_THREADS.set(ops.ompGetMaxThreads());
            ops.setOmpNumThreads(1);
        }
    }

    /**
     * Gives the calling thread back the OpenMP thread count it had before its first oneDNN product. The
     * plans call it when a run ends: the thread that ran it may run ND4J operations next (a tanh over 16 M
     * values: 106 ms with the thread's two OpenMP threads, 170 ms after a oneDNN call left it one). The
     * pool's workers, which only ever run the plans' kernels, keep their one thread.
     */
    static void restoreOpenMpThreads() {
        Integer saved = SAVED_OPENMP_THREADS.get();
        if (saved != null) {
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(saved);
            SAVED_OPENMP_THREADS.remove();
        }
    }

    /** Per thread: its OpenMP thread count before oneDNN set it to one, or null while it is not set. */
    private static final ThreadLocal<Integer> SAVED_OPENMP_THREADS = new ThreadLocal<>();

    /** Decided once, on first use: loading oneDNN's natives takes about a second. */
    private static final class Preferred {
        static final String ONEDNN_PROBLEM = probeOneDnn();
        static final MatrixLibrary LIBRARY = choose(System.getProperty("mobilenet.gemm", ""));

        private static String probeOneDnn() {
            // ND4J first: its backend must be up before NativeOpsHolder is touched (oneThreadHere), and its
            // libgomp is then the one oneDNN links to
            Nd4j.getEnvironment();
            try {
                Loader.load(dnnl.class);
                return "";
            } catch (Throwable e) { // NOPMD: missing natives are a LinkageError; any failure means OpenBLAS
                return e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }

        private static MatrixLibrary choose(String property) {
            String p = property.trim().toLowerCase(Locale.ROOT);
            if (p.equals("openblas")) {
                return OPENBLAS;
            }
            if (!p.isEmpty() && !p.equals("onednn")) {
                throw new IllegalArgumentException("mobilenet.gemm must be onednn or openblas, got " + property);
            }
            if (ONEDNN_PROBLEM.isEmpty()) {
                return ONEDNN;
            }
            if (p.equals("onednn")) {
                throw new IllegalStateException("mobilenet.gemm=onednn, but oneDNN does not load: " + ONEDNN_PROBLEM);
            }
            LoggerFactory.getLogger(MatrixLibrary.class).info("oneDNN is not available ({}); using OpenBLAS",
                    ONEDNN_PROBLEM);
            return OPENBLAS;
        }
    }
}
