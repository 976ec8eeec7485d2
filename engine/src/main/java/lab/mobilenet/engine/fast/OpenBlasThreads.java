package lab.mobilenet.engine.fast;

import org.nd4j.linalg.factory.Nd4j;

/**
 * OpenBLAS at one thread, process-wide, for the plans: they split their work over their own pool and call
 * {@code sgemm} from each pool thread, and OpenBLAS threading inside those calls would put four threads on
 * two cores.
 *
 * <p>Why it is not raised again after each run (which would leave ND4J's own operations their count):
 * that was tried, and raising OpenBLAS's count wakes its idle threads, which spin for a while and took the
 * second core from the next run. V3-Small in {@code StepProbe}, both plans alternating, 2026-12-02: at one
 * thread 7.0 against 6.5 ms, at two 10.1 against 5.1 ms (medians). Code that wants OpenBLAS threads for
 * ND4J sets them itself ({@link lab.mobilenet.engine.runtime.EngineThreads#set}).
 */
final class OpenBlasThreads {

    private OpenBlasThreads() {
    }

    /** Sets OpenBLAS to one thread unless it is there already (a setting costs a native call, nothing more). */
    static void pinToOne() {
        if (Nd4j.factory().blas().getMaxThreads() != 1) {
            Nd4j.factory().blas().setMaxThreads(1);
        }
    }
}
