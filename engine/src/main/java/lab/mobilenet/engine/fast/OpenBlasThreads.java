package lab.mobilenet.engine.fast;

import org.nd4j.linalg.factory.Nd4j;

/**
 * OpenBLAS at one thread while a plan runs, and back to what it was after. The plans split their work
 * over their own pool and call {@code sgemm} from each pool thread; OpenBLAS threading inside those calls
 * would put four threads on two cores. OpenBLAS's count is process-wide and ND4J's own operations (the
 * lessons, the inspection of other networks) want theirs, so it is lowered only for the time of a run:
 * the first of the overlapping runs saves the count, the last restores it.
 */
final class OpenBlasThreads {

    private static int running;
    private static int saved;

    private OpenBlasThreads() {
    }

    static synchronized void enter() {
        if (running++ == 0) {
            saved = Nd4j.factory().blas().getMaxThreads();
            if (saved != 1) {
                Nd4j.factory().blas().setMaxThreads(1);
            }
        }
    }

    static synchronized void exit() {
        if (--running == 0 && saved != 1) {
            Nd4j.factory().blas().setMaxThreads(saved);
        }
    }
}
