package lab.mobilenet.app.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.mobilenet.engine.cost.ModelSummary;
import lab.mobilenet.engine.model.NetworkBuilder;
import org.junit.jupiter.api.Test;

/** The hand-copied accuracy table's MACs agree with our cost model of the same network, so no row is mistyped. */
class PaperAccuracyTest {

    @Test
    void everyTableRowsMacsAreWithinThreePercentOfOurCount() {
        StringBuilder off = new StringBuilder();
        for (PaperAccuracy e : PaperAccuracy.TABLE) {
            double ours = ModelSummary.of(NetworkBuilder.build(e.architecture(), e.width()), 224).macs() / 1e6;
            if (Math.abs(ours - e.macsMillions()) > 0.03 * e.macsMillions()) {
                off.append(e).append(" ours ").append(ours).append('\n');
            }
            assertTrue(e.top1() > 40 && e.top1() < 80, e.toString());
        }
        assertTrue(off.length() == 0, off.toString());
    }
}
