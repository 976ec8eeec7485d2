package lab.mobilenet.engine.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ConvolutionMatchesNaiveLoopTest {

    /** n, in, out, k, stride, pad, groups, h, w, bias */
    static Stream<Arguments> geometries() {
        return Stream.of(
                Arguments.of(1, 3, 8, 3, 1, 1, 1, 9, 9, false),
                Arguments.of(1, 3, 8, 3, 2, 1, 1, 11, 7, true),   // stride 2, odd non-square
                Arguments.of(2, 4, 6, 5, 1, 2, 1, 8, 9, false),   // 5×5, batch 2
                Arguments.of(1, 4, 6, 5, 2, 2, 1, 13, 13, true),  // 5×5 stride 2
                Arguments.of(1, 16, 8, 1, 1, 0, 1, 7, 5, false),  // pointwise
                Arguments.of(1, 16, 16, 3, 1, 1, 16, 10, 10, false), // depthwise
                Arguments.of(1, 12, 12, 3, 2, 1, 12, 15, 9, true),   // depthwise stride 2 odd
                Arguments.of(2, 8, 8, 5, 2, 2, 8, 17, 17, false),    // depthwise 5×5 stride 2
                Arguments.of(1, 8, 12, 3, 1, 1, 4, 7, 7, true),      // grouped
                Arguments.of(1, 6, 6, 3, 2, 0, 2, 9, 10, false));    // grouped, no padding
    }

    @ParameterizedTest(name = "[{index}] n={0} in={1} out={2} k={3} s={4} p={5} g={6} {7}x{8}")
    @MethodSource("geometries")
    void nd4jConvolutionMatchesNaiveLoop(int n, int in, int out, int k, int s, int p, int groups, int h, int w,
                                         boolean withBias) {
        ConvGeometry g = new ConvGeometry(in, out, k, s, p, groups);
        SplittableRandom rnd = new SplittableRandom(31L * in + out + k + s);
        float[] x = random(rnd, n * in * h * w);
        float[] wt = random(rnd, (int) g.weightCount());
        float[] b = withBias ? random(rnd, out) : null;

        float[] expected = NaiveOps.conv2d(x, n, h, w, wt, b, g);
        try (INDArray input = Nd4j.create(x, new long[] {n, in, h, w}, 'c');
             INDArray weight = Nd4j.create(wt, g.weightShape(), 'c');
             INDArray bias = b == null ? null : Nd4j.create(b, new long[] {out}, 'c');
             INDArray actual = Conv2d.forward(input, weight, bias, g)) {
            assertArrayEquals(new long[] {n, out, g.outSize(h), g.outSize(w)}, actual.shape());
            assertArrayEquals(expected, actual.dup('c').data().asFloat(), 1e-4f);
        }
    }

    @ParameterizedTest(name = "[{index}] n={0} in={1} out={2} k={3} s={4} p={5} g={6} {7}x{8}")
    @MethodSource("geometries")
    void im2colGemmMatchesDirectConvolutionAndReturnsTheColumnMatrix(int n, int in, int out, int k, int s, int p,
                                                                     int groups, int h, int w, boolean withBias) {
        ConvGeometry g = new ConvGeometry(in, out, k, s, p, groups);
        SplittableRandom rnd = new SplittableRandom(7L * in + out + k);
        float[] x = random(rnd, in * h * w); // im2col works on one image
        float[] wt = random(rnd, (int) g.weightCount());
        float[] b = withBias ? random(rnd, out) : null;

        try (INDArray input = Nd4j.create(x, new long[] {1, in, h, w}, 'c');
             INDArray weight = Nd4j.create(wt, g.weightShape(), 'c');
             INDArray bias = b == null ? null : Nd4j.create(b, new long[] {out}, 'c');
             Im2colGemm.Result r = Im2colGemm.forward(input, weight, bias, g)) {
            int columns = g.outSize(h) * g.outSize(w);
            assertArrayEquals(new long[] {(long) in * k * k, columns}, r.columns().shape());
            assertArrayEquals(NaiveOps.im2col(x, h, w, g), r.columns().dup('c').data().asFloat(), 0f);
            assertArrayEquals(NaiveOps.conv2d(x, 1, h, w, wt, b, g), r.output().dup('c').data().asFloat(), 1e-4f);
        }
    }

    @org.junit.jupiter.api.Test
    void handWorkedThreeByThreeSumOfAllOnesKernel() {
        // 3×3 input 1..9, 3×3 kernel of ones, padding 1: the centre output is 45, the corner 1+2+4+5 = 12.
        ConvGeometry g = new ConvGeometry(1, 1, 3, 1, 1, 1);
        float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        float[] ones = {1, 1, 1, 1, 1, 1, 1, 1, 1};
        try (INDArray input = Nd4j.create(x, new long[] {1, 1, 3, 3}, 'c');
             INDArray weight = Nd4j.create(ones, new long[] {1, 1, 3, 3}, 'c');
             INDArray out = Conv2d.forward(input, weight, null, g)) {
            assertEquals(45f, out.getFloat(0, 0, 1, 1), 0f);
            assertEquals(12f, out.getFloat(0, 0, 0, 0), 0f);
            assertEquals(28f, out.getFloat(0, 0, 2, 2), 0f); // 5+6+8+9
        }
    }

    static float[] random(SplittableRandom rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return a;
    }
}
