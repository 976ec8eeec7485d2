package lab.mobilenet.engine.fast;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import lab.mobilenet.engine.model.Activation;
import lab.mobilenet.engine.op.NaiveOps;
import lab.mobilenet.engine.runtime.Weights;
import org.nd4j.linalg.factory.Nd4j;

/** Builds single fast steps on hand-made tensors and runs them, for the kernel tests. */
final class StepHarness {

    static final int IN = 0;
    static final int OUT = 1;
    static final int RES = 2;
    /** Steps under test write both: heap slot OUT and native buffer 1. */
    static final Output BOTH = new Output(OUT, 1);

    private StepHarness() {
    }

    static float[] random(Random rnd, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextFloat() * 2 - 1;
        }
        return v;
    }

    /** Batch-norm statistics far from the identity, so that folding is exercised. */
    static Map<String, float[]> batchNorm(Random rnd, int c) {
        Map<String, float[]> m = new HashMap<>();
        float[] var = new float[c];
        for (int i = 0; i < c; i++) {
            var[i] = 0.2f + 2 * rnd.nextFloat();
        }
        m.put("gamma", random(rnd, c));
        m.put("beta", random(rnd, c));
        m.put("mean", random(rnd, c));
        m.put("var", var);
        return m;
    }

    static Weights weights(Map<String, float[]> values, Map<String, long[]> shapes) {
        Map<String, org.nd4j.linalg.api.ndarray.INDArray> t = new HashMap<>();
        values.forEach((k, v) -> t.put(k, Nd4j.create(v, shapes.get(k), 'c')));
        return new Weights(t, false, "test");
    }

    /** Runs {@code step} with {@code input} (channels-last) in slot IN and {@code residual} in slot RES. */
    static float[] run(Step step, float[] input, float[] residual, float[] gates, int outFloats, int threads) {
        return run(step, input, null, residual, gates, outFloats, threads);
    }

    /** @param planar the caller's image, for a stem that reads it directly */
    static float[] run(Step step, float[] input, float[] planar, float[] residual, float[] gates, int outFloats,
                       int threads) {
        Workspace.Sizes sizes = new Workspace.Sizes();
        int floats = Math.max(Math.max(input.length, outFloats), residual == null ? 0 : residual.length);
        sizes.atLeast(3, floats);
        if (gates != null) {
            sizes.vectorFloats = gates.length;
        }
        sizes.nativeIn = input.length;
        step.reserve(sizes);
        try (Workspace ws = new Workspace(sizes, threads); WorkerPool pool = new WorkerPool(threads, 0)) {
            System.arraycopy(input, 0, ws.tensors[IN], 0, input.length);
            ws.nativeIn[0].put(input, 0, input.length); // where a 1x1 convolution's producer would have put it
            ws.input = planar;
            if (residual != null) {
                System.arraycopy(residual, 0, ws.tensors[RES], 0, residual.length);
            }
            if (gates != null) {
                System.arraycopy(gates, 0, ws.gates, 0, gates.length);
            }
            step.run(ws, pool);
            float[] out = new float[outFloats];
            System.arraycopy(ws.tensors[OUT], 0, out, 0, outFloats);
            float[] copy = new float[outFloats];
            ws.nativeIn[1].get(copy, 0, outFloats);
            if (!java.util.Arrays.equals(out, copy)) {
                throw new AssertionError("the native copy of the output differs from the heap copy");
            }
            return out;
        } finally {
            step.close();
        }
    }

    static float[] channelsLast(float[] chw, int c, int h, int w) {
        float[] hwc = new float[chw.length];
        Layouts.toChannelsLast(chw, c, h, w, hwc);
        return hwc;
    }

    static float[] apply(Activation act, float[] v) {
        float[] r = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            float x = v[i];
            r[i] = switch (act) {
                case IDENTITY -> x;
                case RELU -> NaiveOps.relu(x);
                case RELU6 -> NaiveOps.relu6(x);
                case HARD_SWISH -> NaiveOps.hardSwish(x);
                case HARD_SIGMOID -> NaiveOps.hardSigmoid(x);
            };
        }
        return r;
    }
}
