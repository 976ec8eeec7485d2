package lab.mobilenet.engine.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SqueezeExciteGatesTest {

    // two channels of 2×2: means 2.5 and -1
    private static final float[] X = {1, 2, 3, 4, -1, -1, -1, -1};

    private static INDArray x() {
        return Nd4j.create(X, new long[] {1, 2, 2, 2}, 'c');
    }

    private static INDArray w(long[] shape, float... v) {
        return Nd4j.create(v, shape, 'c');
    }

    @Test
    void gatesAreTheHandWorkedHardSigmoidsAndLeaveTheInputAlone() {
        INDArray x = x();
        // squeeze: 1·2.5 + 2·(-1) + 0.5 = 1 → ReLU 1; excite: 1·1 + 0 = 1, -1·1 + 0.5 = -0.5
        float[] g = SqueezeExcite.gates(x, w(new long[] {1, 2, 1, 1}, 1, 2), w(new long[] {1}, 0.5f),
                w(new long[] {2, 1, 1, 1}, 1, -1), w(new long[] {2}, 0, 0.5f));
        // h-sigmoid(t) = ReLU6(t + 3) / 6
        assertArrayEquals(new float[] {4f / 6, 2.5f / 6}, g, 1e-6f);
        assertArrayEquals(X, x.data().asFloat(), 0f);
    }

    @Test
    void negativeSqueezeIsCutByReluSoGatesAreTheExciteBiasesAlone() {
        // squeeze: 2.5 - 2 - 5 = -4.5 → ReLU 0; excite: biases 0 and 0.5; gates h-sigmoid(0) = 0.5, 3.5/6
        float[] g = SqueezeExcite.gates(x(), w(new long[] {1, 2, 1, 1}, 1, 2), w(new long[] {1}, -5),
                w(new long[] {2, 1, 1, 1}, 7, -9), w(new long[] {2}, 0, 0.5f));
        assertArrayEquals(new float[] {0.5f, 3.5f / 6}, g, 1e-6f);
    }

    @Test
    void forwardInPlaceScalesEachChannelByItsGateAndCountsTwoSmallLinearLayers() {
        INDArray x = x();
        long macs = SqueezeExcite.forwardInPlace(x, w(new long[] {1, 2, 1, 1}, 1, 2), w(new long[] {1}, 0.5f),
                w(new long[] {2, 1, 1, 1}, 1, -1), w(new long[] {2}, 0, 0.5f));
        float a = 4f / 6;
        float b = 2.5f / 6;
        assertArrayEquals(new float[] {a, 2 * a, 3 * a, 4 * a, -b, -b, -b, -b}, x.data().asFloat(), 1e-6f);
        assertEquals(2 * 2 * 1, macs);
    }
}
