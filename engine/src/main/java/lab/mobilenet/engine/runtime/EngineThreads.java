package lab.mobilenet.engine.runtime;

import org.nd4j.linalg.factory.Nd4j;

/** The number of native threads ND4J's ops may use (process-wide: libnd4j has one setting). */
public final class EngineThreads {

    private EngineThreads() {
    }

    public static void set(int threads) {
        if (threads <= 0) {
            throw new IllegalArgumentException("thread count must be positive, got " + threads);
        }
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
    }

    public static int get() {
        return Nd4j.getEnvironment().maxThreads();
    }
}
