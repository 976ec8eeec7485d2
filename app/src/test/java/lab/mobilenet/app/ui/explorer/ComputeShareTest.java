package lab.mobilenet.app.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ComputeShareTest {

    @Test
    void layerTypesFallIntoTheFourGroups() {
        assertEquals(0, ComputeShare.group("pointwise"));
        assertEquals(1, ComputeShare.group("depthwise"));
        assertEquals(2, ComputeShare.group("conv3x3"));
        assertEquals(3, ComputeShare.group("batchnorm+relu6"));
        assertEquals(3, ComputeShare.group("squeeze_excite"));
        assertEquals(3, ComputeShare.group("linear"));
    }

    @Test
    void sharesAreOfTheTotalsOfMacsAndOfTime() {
        ComputeShare s = new ComputeShare(new long[] {90, 6, 3, 1}, new double[] {20, 20, 0, 60});
        assertEquals(0.90, s.macsShare(0), 1e-12);
        assertEquals(0.06, s.macsShare(1), 1e-12);
        assertEquals(0.20, s.timeShare(1), 1e-12);
        assertEquals(0.60, s.timeShare(3), 1e-12);
    }
}
