package lab.mobilenet.app.ui.explorer;

import java.util.List;
import lab.mobilenet.engine.inspect.InspectionRow;

/**
 * The live counters after {@code step} of {@code steps} layers: what those layers cost and took.
 *
 * @param macs      multiply-accumulates of the layers stepped so far
 * @param totalMacs of the whole network
 * @param bytes     bytes read and written by those layers (activations and weights)
 * @param millis    their measured time on the inspection path
 */
public record StepCounters(int step, int steps, long macs, long totalMacs, long bytes, double millis) {

    public static final StepCounters NONE = new StepCounters(0, 0, 0, 0, 0, 0);

    /** Sums the first {@code step} layer rows. */
    public static StepCounters of(List<InspectionRow> layerRows, int step, int steps, long totalMacs) {
        long macs = 0;
        long bytes = 0;
        double ms = 0;
        for (int i = 0; i < step; i++) {
            InspectionRow r = layerRows.get(i);
            macs += r.span().macs();
            bytes += r.span().bytesRead() + r.span().bytesWritten();
            ms += r.millis();
        }
        return new StepCounters(step, steps, macs, totalMacs, bytes, ms);
    }
}
