package lab.mobilenet.lessons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import lab.mobilenet.engine.op.ConvGeometry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConvTraceTest {

    /** in, out, k, stride, padding, groups, h, w, bias */
    static Stream<Arguments> geometries() {
        return Stream.of(
                Arguments.of(3, 4, 3, 1, 1, 1, 9, 11, false),     // standard 3×3
                Arguments.of(3, 5, 3, 2, 1, 1, 12, 9, true),      // standard 3×3 stride 2, bias
                Arguments.of(2, 3, 5, 1, 2, 1, 8, 7, false),      // standard 5×5
                Arguments.of(3, 2, 5, 2, 2, 1, 11, 13, false),    // standard 5×5 stride 2
                Arguments.of(4, 4, 3, 1, 1, 4, 10, 8, false),     // depthwise 3×3
                Arguments.of(3, 3, 3, 2, 1, 3, 13, 10, true),     // depthwise stride 2
                Arguments.of(4, 4, 5, 2, 2, 4, 12, 12, false),    // depthwise 5×5 stride 2
                Arguments.of(6, 4, 1, 1, 0, 1, 7, 9, false),      // pointwise
                Arguments.of(8, 6, 3, 1, 1, 2, 7, 6, true),       // grouped
                Arguments.of(6, 6, 3, 2, 0, 3, 9, 10, false));    // grouped, stride 2, no padding
    }

    @ParameterizedTest(name = "[{index}] in={0} out={1} k={2} s={3} p={4} g={5} {6}x{7} bias={8}")
    @MethodSource("geometries")
    void steppingEveryMacToTheEndReproducesTheEngineConvolution(int in, int out, int k, int s, int p, int groups,
                                                               int h, int w, boolean bias) {
        ConvGeometry g = new ConvGeometry(in, out, k, s, p, groups);
        Planes image = Fixtures.image(in * 31L + h, in, h, w);
        KernelBank bank = Fixtures.randomBank(out * 17L + k, g, bias);
        ConvTrace trace = ConvTrace.of(image, bank);

        float[] stepped = new float[out * g.outSize(h) * g.outSize(w)];
        boolean[] written = new boolean[stepped.length];
        for (long t = 0; t < trace.totalMacs(); t++) {
            Step st = trace.step(t);
            if (st.lastOfCell()) {
                int cell = (st.outChannel() * g.outSize(h) + st.outY()) * g.outSize(w) + st.outX();
                assertFalse(written[cell], "cell written twice");
                written[cell] = true;
                stepped[cell] = st.runningSum();
            }
        }
        float[] exact = Fixtures.naiveConv(image, bank.weights(), bank.bias(), g);
        assertArrayEquals(exact, stepped, 0f, "bit-exact against the double-accumulated loop");
        assertArrayEquals(exact, trace.output(trace.totalMacs()).values(), 0f);
        assertArrayEquals(exact, trace.result().toArray(), 0f);
        float[] engine = Fixtures.engineConv(image, bank.weights(), bank.bias(), g);
        assertArrayEquals(engine, stepped, 1e-5f, "within float rounding of the engine's ND4J convolution");
    }

    @ParameterizedTest(name = "[{index}] in={0} out={1} k={2} s={3} p={4} g={5} {6}x{7} bias={8}")
    @MethodSource("geometries")
    void finalCountersEqualTheTextbookFormulas(int in, int out, int k, int s, int p, int groups, int h, int w,
                                               boolean bias) {
        ConvGeometry g = new ConvGeometry(in, out, k, s, p, groups);
        ConvTrace trace = ConvTrace.of(Fixtures.image(1, in, h, w), Fixtures.randomBank(2, g, bias));
        int oh = (h + 2 * p - k) / s + 1;
        int ow = (w + 2 * p - k) / s + 1;
        long macs = (long) k * k * (in / groups) * out * oh * ow;
        long weights = (long) k * k * (in / groups) * out;
        long params = weights + (bias ? out : 0);

        Counters c = trace.counters(trace.totalMacs());
        assertEquals(macs, trace.totalMacs());
        assertEquals(macs, c.macsDone());
        assertEquals(2 * macs, c.flops());
        assertEquals(params, c.params());
        assertEquals((long) out * oh * ow, c.outputsDone());
        assertEquals(4L * out * oh * ow, c.bytesWritten());
        assertEquals(8 * macs + (bias ? 4L * out * oh * ow : 0), c.bytesRead());
        assertEquals(4 * ((long) in * h * w + params + (long) out * oh * ow), c.compulsoryBytes());
        assertEquals(trace.step(trace.totalMacs() - 1).counters(), c);
    }

    @ParameterizedTest(name = "[{index}] in={0} out={1} k={2} s={3} p={4} g={5} {6}x{7} bias={8}")
    @MethodSource("geometries")
    void nextThenPreviousReturnsToTheSameBoundaryForEveryGranularity(int in, int out, int k, int s, int p,
                                                                    int groups, int h, int w, boolean bias) {
        ConvGeometry g = new ConvGeometry(in, out, k, s, p, groups);
        ConvTrace trace = ConvTrace.of(Fixtures.image(3, in, h, w), Fixtures.randomBank(4, g, bias));
        for (Granularity gr : Granularity.values()) {
            long pos = 0;
            int steps = 0;
            while (pos < trace.totalMacs()) {
                long nxt = trace.next(pos, gr);
                assertTrue(nxt > pos, gr + " must advance from " + pos);
                assertEquals(pos, trace.previous(nxt, gr), gr + " back from " + nxt);
                pos = nxt;
                steps++;
            }
            long units = switch (gr) {
                case MAC -> trace.totalMacs();
                case PIXEL -> (long) out * g.outSize(h) * g.outSize(w);
                case ROW -> (long) out * g.outSize(h);
                case CHANNEL -> out;
                case LAYER -> 1;
            };
            assertEquals(units, steps, gr + " steps to the end");
            assertEquals(trace.totalMacs(), trace.next(trace.totalMacs(), gr));
            assertEquals(0, trace.previous(0, gr));
        }
    }

    @Test
    void onePixelIsMTimesKSquaredMacsForStandardAndKSquaredForDepthwise() {
        Planes image = Fixtures.image(5, 3, 10, 10);
        ConvTrace standard = ConvTrace.of(image, Fixtures.randomBank(6, ConvGeometry.standard(3, 8, 3, 1), false));
        ConvTrace depthwise = ConvTrace.of(image, Fixtures.randomBank(7, ConvGeometry.depthwise(3, 3, 1), false));
        ConvTrace pointwise = ConvTrace.of(image, Fixtures.randomBank(8, ConvGeometry.pointwise(3, 8), false));
        assertEquals(3 * 9, standard.next(0, Granularity.PIXEL));
        assertEquals(9, depthwise.next(0, Granularity.PIXEL));
        assertEquals(3, pointwise.next(0, Granularity.PIXEL));
        assertEquals(3 * 9 * 10, standard.next(0, Granularity.ROW));
        assertEquals(3 * 9 * 100, standard.next(0, Granularity.CHANNEL));
        // from mid-pixel, PIXEL goes to the end of the current pixel and back to its start
        assertEquals(27, standard.next(5, Granularity.PIXEL));
        assertEquals(0, standard.previous(5, Granularity.PIXEL));
        assertEquals(27, standard.previous(40, Granularity.PIXEL));
    }

    @Test
    void stepIndicesDecodeToTheLoopOrderChannelRowColumnThenTap() {
        // 2 input channels, 3×3 kernel, 4×5 image, padding 1 → 2 outputs of 4×5; 18 MACs per pixel
        ConvGeometry g = new ConvGeometry(2, 2, 3, 1, 1, 1);
        ConvTrace trace = ConvTrace.of(Fixtures.image(9, 2, 4, 5), Fixtures.randomBank(10, g, false));
        Step first = trace.step(0);
        assertEquals(0, first.outChannel());
        assertEquals(-1, first.inY());
        assertEquals(-1, first.inX());
        assertTrue(first.padding());
        assertEquals(0f, first.input());
        Step s = trace.step(((1L * 4 + 2) * 5 + 3) * 18 + 9 + 4); // o=1, y=2, x=3, ci=1, i=1, j=1 (centre)
        assertEquals(1, s.outChannel());
        assertEquals(2, s.outY());
        assertEquals(3, s.outX());
        assertEquals(1, s.inChannel());
        assertEquals(1, s.kernelRow());
        assertEquals(1, s.kernelCol());
        assertEquals(2, s.inY());
        assertEquals(3, s.inX());
        assertFalse(s.padding());
        assertEquals(trace.input().get(1, 2, 3), s.input());
        assertEquals(trace.bank().weight(1, 1, 1, 1), s.weight());
        assertEquals(s.input() * s.weight(), s.product());
    }

    @Test
    void partialOutputHoldsFinalValuesForDoneCellsAndTheRunningSumForTheCurrentOne() {
        ConvGeometry g = ConvGeometry.standard(3, 4, 3, 2);
        ConvTrace trace = ConvTrace.of(Fixtures.image(11, 3, 9, 9), Fixtures.randomBank(12, g, true));
        float[] fin = trace.result().toArray();
        long pos = 7 * 27 + 10; // 7 cells done, 10 taps into the 8th
        OutputMap m = trace.output(pos);
        assertEquals(7, m.cellsDone());
        assertEquals(7, m.runningCell());
        float[] v = m.values();
        for (int i = 0; i < 7; i++) {
            assertEquals(fin[i], v[i], 0f);
        }
        double running = trace.bank().bias(0);
        for (long t = 7 * 27; t < pos; t++) {
            running += (double) trace.step(t).input() * trace.step(t).weight();
        }
        assertEquals((float) running, v[7], 0f);
        assertEquals(trace.step(pos - 1).runningSum(), v[7], 0f);
        for (int i = 8; i < v.length; i++) {
            assertEquals(0f, v[i], 0f);
        }
        // 9×9, stride 2, padding 1 → 5×5 outputs: cell 6 is (0, 1, 1)
        assertEquals(OutputMap.CellState.DONE, m.state(0, 1, 1));
        assertEquals(OutputMap.CellState.RUNNING, m.state(0, 1, 2));
        assertEquals(OutputMap.CellState.PENDING, m.state(0, 1, 3));
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float f : fin) {
            min = Math.min(min, f);
            max = Math.max(max, f);
        }
        assertEquals(min, m.min(), 0f);
        assertEquals(max, m.max(), 0f);
        assertEquals(-1, trace.output(8 * 27).runningCell());
    }

    @Test
    void cellDetailListsTheWindowWeightsAndProductsOfOneOutputValue() {
        ConvGeometry g = new ConvGeometry(2, 3, 3, 1, 1, 1);
        ConvTrace trace = ConvTrace.of(Fixtures.image(13, 2, 5, 5), Fixtures.randomBank(14, g, false));
        CellDetail d = trace.cell(2, 0, 4); // top-right corner: row -1 and column 5 are padding
        assertEquals(18, d.taps());
        assertEquals(-1, d.inY0());
        assertEquals(3, d.inX0());
        boolean[] pad = d.padding();
        for (int t = 0; t < 18; t++) {
            int i = (t / 3) % 3;
            int j = t % 3;
            assertEquals(i == 0 || j == 2, pad[t], "tap " + t);
            Step s = trace.step(trace.cellIndex(2, 0, 4) * 18 + t);
            assertEquals(s.input(), d.inputs()[t]);
            assertEquals(s.weight(), d.weights()[t]);
            assertEquals(s.product(), d.products()[t]);
        }
        assertEquals(trace.result().get(2, 0, 4), d.value());
        assertEquals(trace.positionAfter(2, 0, 4), (trace.cellIndex(2, 0, 4) + 1) * 18);
    }
}
