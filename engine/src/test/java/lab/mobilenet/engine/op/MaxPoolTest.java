package lab.mobilenet.engine.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MaxPoolTest {

    @Test
    void paddedCellsNeverWinEvenWhenEveryValueIsNegative() {
        // 3×3 input of negatives, k3 s2 p1 → 2×2; each window holds part of the input only
        float[] v = {-9, -8, -7, -6, -5, -4, -3, -2, -1};
        try (INDArray x = Nd4j.create(v, new long[] {1, 1, 3, 3}, 'c');
             INDArray y = MaxPool.forward(x, 3, 2, 1)) {
            // window (0,0) covers rows 0-1, cols 0-1: max(-9,-8,-6,-5) = -5; (0,1) rows 0-1, cols 1-2: -4
            // (1,0) rows 1-2, cols 0-1: -2; (1,1) rows 1-2, cols 1-2: -1
            assertArrayEquals(new long[] {1, 1, 2, 2}, y.shape());
            assertArrayEquals(new float[] {-5, -4, -2, -1}, y.dup('c').data().asFloat());
        }
    }

    @Test
    void channelsArePooledSeparately() {
        float[] v = {1, 2, 3, 4, 40, 30, 20, 10};
        try (INDArray x = Nd4j.create(v, new long[] {1, 2, 2, 2}, 'c');
             INDArray y = MaxPool.forward(x, 2, 2, 0)) {
            assertArrayEquals(new float[] {4, 40}, y.dup('c').data().asFloat());
        }
    }
}
