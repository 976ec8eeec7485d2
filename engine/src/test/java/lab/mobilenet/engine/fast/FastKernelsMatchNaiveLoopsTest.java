package lab.mobilenet.engine.fast;

import static lab.mobilenet.engine.fast.FastPathParityTest.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import lab.mobilenet.engine.model.Activation;
import lab.mobilenet.engine.model.BatchNormLayer;
import lab.mobilenet.engine.model.ConvLayer;
import lab.mobilenet.engine.op.ConvGeometry;
import lab.mobilenet.engine.op.NaiveOps;
import lab.mobilenet.engine.runtime.Weights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every fast kernel against the plain loops of {@link NaiveOps} (channel-planar, in double): convolution,
 * then batch norm, then the activation, then the residual, exactly as the layers list them. Geometries
 * include odd sizes, both strides, k 3 and 5, rows that split unevenly over threads and rows wider than
 * one chunk of scratch. Every step writes its output to a heap slot and a native GEMM input at once; the
 * harness checks that the two copies are equal.
 */
class FastKernelsMatchNaiveLoopsTest {

    /** Conv + BN (+ conv bias) through {@link Folding}, and the naive reference of the same. */
    private record Case(ConvLayer conv, BatchNormLayer bn, Weights weights, float[] reference, int oh, int ow) {
    }

    private static Case conv(Random rnd, ConvGeometry g, int h, int w, boolean convBias, float[] chwInput) {
        ConvLayer conv = new ConvLayer("c", g, convBias);
        BatchNormLayer bn = new BatchNormLayer("bn", g.outChannels(), 1e-5);
        Map<String, float[]> v = new HashMap<>();
        Map<String, long[]> s = new HashMap<>();
        float[] weight = StepHarness.random(rnd, (int) g.weightCount());
        v.put("c.weight", weight);
        s.put("c.weight", g.weightShape());
        float[] bias = convBias ? StepHarness.random(rnd, g.outChannels()) : null;
        if (convBias) {
            v.put("c.bias", bias);
            s.put("c.bias", new long[] {g.outChannels()});
        }
        Map<String, float[]> stats = StepHarness.batchNorm(rnd, g.outChannels());
        String[][] keys = {{"gamma", "weight"}, {"beta", "bias"}, {"mean", "running_mean"}, {"var", "running_var"}};
        for (String[] k : keys) {
            v.put("bn." + k[1], stats.get(k[0]));
            s.put("bn." + k[1], new long[] {g.outChannels()});
        }
        int oh = g.outSize(h);
        int ow = g.outSize(w);
        float[] y = NaiveOps.conv2d(chwInput, 1, h, w, weight, bias, g);
        y = NaiveOps.batchNorm(y, g.outChannels(), oh * ow, stats.get("gamma"), stats.get("beta"), stats.get("mean"),
                stats.get("var"), 1e-5);
        return new Case(conv, bn, StepHarness.weights(v, s), y, oh, ow);
    }

    @ParameterizedTest(name = "{0}x{1}x{2} k{3} s{4} {5}, {6} threads")
    @CsvSource({
            "9, 7, 5, 3, 1, RELU6, 1", "10, 9, 16, 3, 2, RELU, 2", "11, 8, 24, 5, 1, HARD_SWISH, 2",
            "12, 12, 40, 5, 2, IDENTITY, 3", "7, 7, 3, 3, 2, HARD_SIGMOID, 1", "6, 40, 96, 3, 1, RELU6, 2",
            "5, 33, 100, 5, 2, HARD_SWISH, 2", "1, 1, 8, 3, 1, RELU, 1"})
    void depthwiseMatchesTheNaiveConvolution(int h, int w, int c, int k, int s, Activation act, int threads) {
        Random rnd = new Random(h * 31 + c);
        float[] x = StepHarness.random(rnd, c * h * w);
        ConvGeometry g = ConvGeometry.depthwise(c, k, s);
        Case t = conv(rnd, g, h, w, false, x);
        Folding.Folded f = Folding.fold(t.conv(), t.bn(), t.weights());
        float[] expected = StepHarness.channelsLast(StepHarness.apply(act, t.reference()), c, t.oh(), t.ow());
        for (boolean oneDnn : new boolean[] {false, true}) { // the Java kernel, then oneDNN's where it has one
            DepthwiseStep step = new DepthwiseStep(new StepInfo("dw", StepKind.DEPTHWISE, 0), StepHarness.IN, -1,
                    StepHarness.BOTH, h, w, c, k, s, g.padding(), f.weights(), f.bias(), act, oneDnn);
            assertEquals(oneDnn && MatrixLibrary.preferred() == MatrixLibrary.ONEDNN && act != Activation.HARD_SIGMOID,
                    step.usesOneDnn(), "which kernel runs");
            float[] out = StepHarness.run(step, StepHarness.channelsLast(x, c, h, w), null, null, c * t.oh() * t.ow(),
                    threads);
            assertClose("depthwise, oneDNN " + step.usesOneDnn(), expected, out);
        }
        t.weights().close();
    }

    @ParameterizedTest(name = "{0}x{1} {2}->{3} k{4} s{5} {6} residual={7}, {8} threads")
    @CsvSource({
            "9, 7, 5, 12, 1, 1, RELU6, false, 1", "8, 8, 24, 24, 1, 1, IDENTITY, true, 2",
            "13, 11, 16, 40, 1, 1, HARD_SWISH, false, 3", "5, 3, 300, 7, 1, 1, RELU, true, 2",
            "17, 15, 3, 16, 3, 2, HARD_SWISH, false, 2", "12, 12, 3, 32, 3, 2, RELU6, false, 1",
            "9, 10, 16, 8, 3, 1, RELU, false, 2", "1, 1, 64, 40, 1, 1, HARD_SWISH, false, 2",
            // more outputs than pixels: split by output channels, a remainder that is not a cache line
            "3, 3, 40, 96, 1, 1, RELU6, true, 2", "2, 3, 24, 50, 1, 1, HARD_SWISH, false, 3",
            // bands longer than one cache-sized block (GemmStep.rowsPerBlock): several products per band
            "40, 30, 16, 200, 1, 1, RELU6, true, 1", "41, 30, 16, 200, 1, 1, HARD_SWISH, true, 2",
            "80, 80, 3, 32, 3, 2, HARD_SWISH, false, 1", "30, 30, 8, 200, 3, 1, RELU, false, 1"})
    void gemmConvolutionMatchesTheNaiveConvolution(int h, int w, int in, int out, int k, int s, Activation act,
                                                   boolean residual, int threads) {
        Random rnd = new Random(h * 17 + in * 3 + out);
        float[] x = StepHarness.random(rnd, in * h * w);
        ConvGeometry g = ConvGeometry.standard(in, out, k, s);
        Case t = conv(rnd, g, h, w, true, x);
        float[] res = residual ? StepHarness.random(rnd, out * t.oh() * t.ow()) : null;
        Folding.Folded f = Folding.fold(t.conv(), t.bn(), t.weights());
        GemmStep.Source source = k == 1 ? GemmStep.Source.NATIVE : in == 3 ? GemmStep.Source.IMAGE : GemmStep.Source.HEAP;
        float[] expected = StepHarness.apply(act, t.reference());
        if (res != null) {
            for (int i = 0; i < expected.length; i++) {
                expected[i] += res[i];
            }
        }
        for (MatrixLibrary library : MatrixLibrary.available()) {
            GemmStep step = new GemmStep(new StepInfo("pw", StepKind.POINTWISE, 0), source, StepHarness.IN, 0,
                    residual ? StepHarness.RES : -1, StepHarness.BOTH, h, w, in, k, s, g.padding(), out, f.weights(),
                    f.bias(), act, false, library);
            float[] got = StepHarness.run(step, StepHarness.channelsLast(x, in, h, w), x,
                    res == null ? null : StepHarness.channelsLast(res, out, t.oh(), t.ow()), null, out * t.oh() * t.ow(),
                    threads);
            assertClose("gemm conv on " + library, StepHarness.channelsLast(expected, out, t.oh(), t.ow()), got);
        }
        t.weights().close();
    }

    @ParameterizedTest(name = "{0}x{1} {2}->{3} k{4} s{5} {6}, {7} threads")
    @CsvSource({
            "17, 15, 3, 16, 3, 2, HARD_SWISH, 2", "12, 12, 3, 32, 3, 2, RELU6, 1", "80, 80, 3, 32, 3, 2, HARD_SWISH, 3",
            "9, 10, 3, 8, 5, 1, RELU, 3", "31, 29, 1, 24, 3, 2, IDENTITY, 2", "2, 2, 3, 16, 3, 2, RELU6, 2",
            // channels oneDNN's blocked kernels do not take: its gemm kernel, whose scratchpad is per thread unless
            // the primitive has its own (the onednn-without-avx2 execution runs these on SSE4.1 kernels)
            "64, 64, 3, 12, 3, 2, RELU6, 2", "32, 33, 20, 36, 3, 1, RELU, 2"})
    void oneDnnStemMatchesTheNaiveConvolution(int h, int w, int in, int out, int k, int s, Activation act,
                                              int threads) {
        Random rnd = new Random(h * 13 + in * 5 + out);
        float[] x = StepHarness.random(rnd, in * h * w);
        ConvGeometry g = ConvGeometry.standard(in, out, k, s);
        Case t = conv(rnd, g, h, w, true, x);
        Folding.Folded f = Folding.fold(t.conv(), t.bn(), t.weights());
        // image in buffer 0, output to slot OUT and buffer 1, as the harness reads them
        StemStep step = StemStep.create(new StepInfo("stem", StepKind.STEM, g.macs(h, w)), 0, StepHarness.BOTH, h, w,
                in, k, s, g.padding(), out, f.weights(), f.bias(), act);
        assertEquals(MatrixLibrary.preferred() == MatrixLibrary.ONEDNN, step != null, "oneDNN runs the stem");
        if (step != null) {
            float[] got = StepHarness.run(step, new float[in * h * w], x, null, null, out * t.oh() * t.ow(), threads);
            float[] expected = StepHarness.apply(act, t.reference());
            assertClose("oneDNN stem", StepHarness.channelsLast(expected, out, t.oh(), t.ow()), got);
        }
        t.weights().close();
    }

    @ParameterizedTest(name = "{0}x{1} {2}->{3} {4} residual={5}, {6} threads")
    @CsvSource({
            "9, 7, 5, 12, RELU6, false, 1", "13, 11, 16, 40, HARD_SWISH, false, 3", "5, 3, 300, 7, RELU, true, 2",
            "3, 3, 40, 96, IDENTITY, true, 2", "1, 2, 24, 50, HARD_SWISH, false, 2", "56, 40, 24, 144, RELU6, false, 2",
            "28, 28, 144, 24, IDENTITY, true, 3", "7, 9, 96, 16, RELU, true, 1"})
    void oneDnnPointwiseMatchesTheNaiveConvolution(int h, int w, int in, int out, Activation act, boolean residual,
                                                   int threads) {
        Random rnd = new Random(h * 11 + in * 7 + out);
        float[] x = StepHarness.random(rnd, in * h * w);
        ConvGeometry g = ConvGeometry.pointwise(in, out);
        Case t = conv(rnd, g, h, w, true, x);
        float[] res = residual ? StepHarness.random(rnd, out * h * w) : null;
        Folding.Folded f = Folding.fold(t.conv(), t.bn(), t.weights());
        // input in buffer 0, residual in slot RES, output to slot OUT and buffer 1, as the harness reads them
        PointwiseStep step = PointwiseStep.create(new StepInfo("pw", StepKind.POINTWISE, g.macs(h, w)), 0,
                residual ? StepHarness.RES : -1, false, StepHarness.BOTH, h, w, in, out, f.weights(), f.bias(), act);
        assertEquals(MatrixLibrary.preferred() == MatrixLibrary.ONEDNN, step != null, "oneDNN runs the layer");
        if (step != null) {
            float[] expected = StepHarness.apply(act, t.reference());
            if (res != null) {
                for (int i = 0; i < expected.length; i++) {
                    expected[i] += res[i];
                }
            }
            float[] got = StepHarness.run(step, StepHarness.channelsLast(x, in, h, w),
                    res == null ? null : StepHarness.channelsLast(res, out, h, w), null, out * h * w, threads);
            assertClose("oneDNN pointwise", StepHarness.channelsLast(expected, out, h, w), got);
        }
        t.weights().close();
    }

    @ParameterizedTest(name = "{0} pixels, {1} channels, rd {2}, out {3}, {4} threads")
    @CsvSource({"49, 16, 8, 24, 1", "196, 72, 24, 40, 2", "3, 960, 240, 160, 2", "1, 40, 16, 8, 1"})
    void squeezeExciteGatesFoldedIntoTheNextPointwiseMatchScalingTheTensor(int pixels, int c, int rd, int out,
                                                                          int threads) {
        Random rnd = new Random(pixels + c);
        float[] x = StepHarness.random(rnd, c * pixels); // channel-planar, 1 x pixels map
        float[] wr = StepHarness.random(rnd, rd * c);
        float[] br = StepHarness.random(rnd, rd);
        float[] we = StepHarness.random(rnd, c * rd);
        float[] be = StepHarness.random(rnd, c);
        SqueezeExciteStep se = new SqueezeExciteStep(new StepInfo("se", StepKind.REST, 0), StepHarness.IN, pixels, c, rd,
                wr, br, we, be);
        float[] gates = new float[c];
        Workspace.Sizes sizes = new Workspace.Sizes();
        sizes.atLeast(3, c * pixels);
        se.reserve(sizes);
        try (Workspace ws = new Workspace(sizes, threads); WorkerPool pool = new WorkerPool(threads, 0)) {
            System.arraycopy(StepHarness.channelsLast(x, c, 1, pixels), 0, ws.tensors[StepHarness.IN], 0, x.length);
            se.run(ws, pool);
            System.arraycopy(ws.gates, 0, gates, 0, c);
        }
        float[] scaled = NaiveOps.squeezeExcite(x, c, pixels, wr, br, rd, we, be);
        ConvGeometry g = ConvGeometry.pointwise(c, out);
        Case t = conv(rnd, g, 1, pixels, false, scaled);
        Folding.Folded f = Folding.fold(t.conv(), t.bn(), t.weights());
        GemmStep pw = new GemmStep(new StepInfo("pw", StepKind.POINTWISE, 0), GemmStep.Source.NATIVE, StepHarness.IN, 0,
                -1, StepHarness.BOTH, 1, pixels, c, 1, 1, 0, out, f.weights(), f.bias(), Activation.IDENTITY, true);
        float[] got = StepHarness.run(pw, StepHarness.channelsLast(x, c, 1, pixels), null, gates, out * pixels, threads);
        assertClose("se + pointwise", StepHarness.channelsLast(t.reference(), out, 1, pixels), got);
        t.weights().close();
    }

    @ParameterizedTest(name = "{0}x{1}, {2} channels, rd {3}, out {4}, residual={5}, {6} threads")
    @CsvSource({"7, 7, 96, 24, 96, false, 2", "14, 14, 480, 120, 112, true, 2", "2, 3, 40, 16, 8, false, 3",
            "5, 1, 72, 24, 40, true, 1"})
    void squeezeExciteGatesScaleTheInputOfOneDnnPointwise(int h, int w, int c, int rd, int out, boolean residual,
                                                         int threads) {
        int pixels = h * w;
        Random rnd = new Random(pixels * 3 + c);
        float[] x = StepHarness.random(rnd, c * pixels); // channel-planar [c][h][w]
        float[] wr = StepHarness.random(rnd, rd * c);
        float[] br = StepHarness.random(rnd, rd);
        float[] we = StepHarness.random(rnd, c * rd);
        float[] be = StepHarness.random(rnd, c);
        float[] gates = new float[c];
        SqueezeExciteStep se = new SqueezeExciteStep(new StepInfo("se", StepKind.REST, 0), StepHarness.IN, pixels, c, rd,
                wr, br, we, be);
        Workspace.Sizes sizes = new Workspace.Sizes();
        sizes.atLeast(3, c * pixels);
        se.reserve(sizes);
        try (Workspace ws = new Workspace(sizes, 1); WorkerPool pool = new WorkerPool(1, 0)) {
            System.arraycopy(StepHarness.channelsLast(x, c, h, w), 0, ws.tensors[StepHarness.IN], 0, x.length);
            se.run(ws, pool);
            System.arraycopy(ws.gates, 0, gates, 0, c);
        }
        float[] scaled = NaiveOps.squeezeExcite(x, c, pixels, wr, br, rd, we, be);
        ConvGeometry g = ConvGeometry.pointwise(c, out);
        Case t = conv(rnd, g, h, w, true, scaled);
        float[] res = residual ? StepHarness.random(rnd, out * pixels) : null;
        Folding.Folded f = Folding.fold(t.conv(), t.bn(), t.weights());
        PointwiseStep pw = PointwiseStep.create(new StepInfo("pw", StepKind.POINTWISE, g.macs(h, w)), 0,
                residual ? StepHarness.RES : -1, true, StepHarness.BOTH, h, w, c, out, f.weights(), f.bias(),
                Activation.HARD_SWISH);
        assertEquals(MatrixLibrary.preferred() == MatrixLibrary.ONEDNN, pw != null, "oneDNN runs the layer");
        if (pw != null) {
            float[] expected = StepHarness.apply(Activation.HARD_SWISH, t.reference());
            if (res != null) {
                for (int i = 0; i < expected.length; i++) {
                    expected[i] += res[i];
                }
            }
            float[] got = StepHarness.run(pw, StepHarness.channelsLast(x, c, h, w),
                    res == null ? null : StepHarness.channelsLast(res, out, h, w), gates, out * pixels, threads);
            assertClose("se + oneDNN pointwise", StepHarness.channelsLast(expected, out, h, w), got);
        }
        t.weights().close();
    }

    @ParameterizedTest(name = "{0} pixels, {1} channels")
    @CsvSource({"49, 1024", "3, 7", "12544, 32", "50, 960"})
    void globalPoolMatchesTheNaiveMean(int pixels, int c) {
        Random rnd = new Random(pixels * c);
        float[] x = StepHarness.random(rnd, c * pixels);
        PoolStep step = new PoolStep(new StepInfo("pool", StepKind.REST, 0), StepHarness.IN, StepHarness.BOTH, pixels, c);
        float[] got = StepHarness.run(step, StepHarness.channelsLast(x, c, 1, pixels), null, null, c, 1);
        assertClose("pool", NaiveOps.globalAvgPool(x, 1, c, pixels), got);
    }

    @Test
    void classifierAsOnePixelGemmMatchesTheNaiveLinearLayer() {
        Random rnd = new Random(5);
        int in = 1280;
        int out = 1000;
        float[] x = StepHarness.random(rnd, in);
        float[] weight = StepHarness.random(rnd, out * in);
        float[] bias = StepHarness.random(rnd, out);
        GemmStep step = new GemmStep(new StepInfo("classifier", StepKind.REST, 0), GemmStep.Source.NATIVE, -1, 0, -1,
                StepHarness.BOTH, 1, 1, in, 1, 1, 0, out, Folding.transpose(weight, out, in), bias, Activation.IDENTITY,
                false);
        float[] got = StepHarness.run(step, x, null, null, out, 2);
        assertClose("linear", NaiveOps.linear(x, 1, in, weight, bias, out), got);
    }

    @Test
    void layoutChangeMovesEachValueToItsHandWorkedPlace() {
        // C=2, H=1, W=3: planar [a0 a1 a2 | b0 b1 b2] → channels-last [a0 b0 a1 b1 a2 b2]
        float[] chw = {1, 2, 3, 10, 20, 30};
        float[] hwc = new float[6];
        Layouts.toChannelsLast(chw, 2, 1, 3, hwc);
        assertArrayEquals(new float[] {1, 10, 2, 20, 3, 30}, hwc);
        float[] back = new float[6];
        Layouts.toChannelPlanar(hwc, 2, 1, 3, back);
        assertArrayEquals(chw, back);
    }
}
