package lab.mobilenet.engine.runtime;

import org.nd4j.linalg.factory.Nd4j;

/**
 * The number of native threads ND4J may use, process-wide: libnd4j's OpenMP pool and OpenBLAS's own pool
 * are set together, so that the two do not compete for the same cores.
 */
public final class EngineThreads {

    private EngineThreads() {
    }

    public static void set(int threads) {
        if (threads <= 0) {
            throw new IllegalArgumentException("thread count must be positive, got " + threads);
        }
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        requested = threads;
    }

    /** The count last set here, or libnd4j's own default when none was set. */
    public static int get() {
        return requested > 0 ? requested : Nd4j.getEnvironment().maxThreads();
    }

    private static volatile int requested;
}
