package lab.mobilenet.engine.op;

import static lab.mobilenet.engine.op.ConvolutionMatchesNaiveLoopTest.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import lab.mobilenet.engine.model.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ElementwiseOpsMatchNaiveLoopTest {

    /** Values from -10 to 10 in steps of 0.25: every clamp of every activation is crossed. */
    private static float[] sweep() {
        float[] v = new float[81];
        for (int i = 0; i < v.length; i++) {
            v[i] = -10f + i * 0.25f;
        }
        return v;
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void activationsMatchTheirFormulasAcrossEveryClamp(Activation act) {
        float[] x = sweep();
        UnaryOperator<Float> ref = switch (act) {
            case IDENTITY -> v -> v;
            case RELU -> NaiveOps::relu;
            case RELU6 -> NaiveOps::relu6;
            case HARD_SIGMOID -> NaiveOps::hardSigmoid;
            case HARD_SWISH -> NaiveOps::hardSwish;
        };
        try (INDArray a = Nd4j.create(x, new long[] {1, 1, 9, 9}, 'c')) {
            float[] got = Activations.applyInPlace(act, a).data().asFloat();
            for (int i = 0; i < x.length; i++) {
                assertEquals(ref.apply(x[i]), got[i], 1e-6f, act + "(" + x[i] + ")");
                assertEquals(ref.apply(x[i]), act.apply(x[i]), 1e-6f, "scalar " + act + "(" + x[i] + ")");
            }
        }
    }

    @Test
    void handWorkedActivationValues() {
        assertEquals(6f, Activation.RELU6.apply(7.5f), 0f);
        assertEquals(1f, Activation.HARD_SIGMOID.apply(3f), 0f);
        assertEquals(0f, Activation.HARD_SIGMOID.apply(-3f), 0f);
        assertEquals(0.5f, Activation.HARD_SIGMOID.apply(0f), 0f);
        assertEquals(2f / 3f, Activation.HARD_SWISH.apply(1f), 1e-7f); // 1·4/6
        assertEquals(-1f / 3f, Activation.HARD_SWISH.apply(-1f), 1e-7f); // -1·2/6
        assertEquals(5f, Activation.HARD_SWISH.apply(5f), 0f);
    }

    @Test
    void batchNormMatchesFormulaPerChannel() {
        SplittableRandom rnd = new SplittableRandom(11);
        int c = 5;
        int hw = 7 * 3;
        float[] x = random(rnd, 2 * c * hw);
        float[] gamma = random(rnd, c);
        float[] beta = random(rnd, c);
        float[] mean = random(rnd, c);
        float[] var = new float[c];
        for (int i = 0; i < c; i++) {
            var[i] = 0.1f + (float) rnd.nextDouble();
        }
        float[] expected = NaiveOps.batchNorm(x, c, hw, gamma, beta, mean, var, 1e-5);
        try (INDArray a = Nd4j.create(x, new long[] {2, c, 7, 3}, 'c')) {
            ChannelOps.batchNormInPlace(a, vec(gamma), vec(beta), vec(mean), vec(var), 1e-5);
            assertArrayEquals(expected, a.data().asFloat(), 1e-5f);
        }
    }

    @Test
    void globalPoolLinearAndSoftmaxMatchNaiveLoops() {
        SplittableRandom rnd = new SplittableRandom(12);
        int c = 6;
        float[] x = random(rnd, 2 * c * 5 * 4);
        float[] pooledRef = NaiveOps.globalAvgPool(x, 2, c, 20);
        float[] w = random(rnd, 4 * c);
        float[] b = random(rnd, 4);
        try (INDArray a = Nd4j.create(x, new long[] {2, c, 5, 4}, 'c');
             INDArray pooled = ChannelOps.globalAveragePool(a);
             INDArray y = ChannelOps.linear(pooled, Nd4j.create(w, new long[] {4, c}, 'c'), vec(b));
             INDArray p = ChannelOps.softmax(y)) {
            assertArrayEquals(pooledRef, pooled.dup('c').data().asFloat(), 1e-6f);
            float[] yRef = NaiveOps.linear(pooledRef, 2, c, w, b, 4);
            assertArrayEquals(yRef, y.dup('c').data().asFloat(), 1e-5f);
            float[] row0 = NaiveOps.softmax(new float[] {yRef[0], yRef[1], yRef[2], yRef[3]});
            assertArrayEquals(row0, p.getRow(0).dup().data().asFloat(), 1e-6f);
        }
    }

    @Test
    void softmaxOfLargeLogitsDoesNotOverflow() {
        try (INDArray p = ChannelOps.softmax(Nd4j.create(new float[] {1000f, 1000f, -1000f}, new long[] {1, 3}, 'c'))) {
            assertArrayEquals(new float[] {0.5f, 0.5f, 0f}, p.data().asFloat(), 1e-6f);
        }
    }

    @Test
    void squeezeExciteMatchesNaiveLoopIncludingSaturatedGates() {
        SplittableRandom rnd = new SplittableRandom(13);
        int c = 8;
        int rd = 8;
        int hw = 4 * 5;
        float[] x = random(rnd, c * hw);
        float[] wr = random(rnd, rd * c);
        float[] br = random(rnd, rd);
        float[] we = random(rnd, c * rd);
        float[] be = random(rnd, c);
        be[0] = 20f;  // gate saturates at 1
        be[1] = -20f; // gate saturates at 0
        float[] expected = NaiveOps.squeezeExcite(x, c, hw, wr, br, rd, we, be);
        try (INDArray a = Nd4j.create(x, new long[] {1, c, 4, 5}, 'c')) {
            long macs = SqueezeExcite.forwardInPlace(a, Nd4j.create(wr, new long[] {rd, c, 1, 1}, 'c'), vec(br),
                    Nd4j.create(we, new long[] {c, rd, 1, 1}, 'c'), vec(be));
            float[] got = a.data().asFloat();
            assertArrayEquals(expected, got, 1e-5f);
            assertEquals(2L * c * rd, macs);
            for (int i = 0; i < hw; i++) {
                assertEquals(x[i], got[i], 0f, "gate 1 keeps channel 0");
                assertEquals(0f, got[hw + i], 0f, "gate 0 silences channel 1");
            }
        }
    }

    private static INDArray vec(float[] v) {
        return Nd4j.create(v, new long[] {v.length}, 'c');
    }
}
