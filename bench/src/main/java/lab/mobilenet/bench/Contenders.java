package lab.mobilenet.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import lab.mobilenet.engine.checkpoint.CheckpointBinder;
import lab.mobilenet.engine.fast.FastPlan;
import lab.mobilenet.engine.model.ModelName;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.runtime.SeededWeights;
import lab.mobilenet.engine.runtime.Weights;

/**
 * One network, ready on both runtimes with the same thread count and the same input: the engine's fast
 * path, and an ONNX Runtime session of the file {@code tools/export_onnx.py} wrote (all graph
 * optimisations, sequential execution, {@code threads} intra-op threads). Where the ONNX file was made
 * from a real checkpoint, the engine loads the same one, so the two must agree on the logits.
 */
final class Contenders implements AutoCloseable {

    static final int SIZE = 224;

    final String model;
    final int threads;
    final boolean sameWeights;
    private final Weights weights;
    private final FastPlan plan;
    private final Path onnx;
    private OrtSession session;
    private final OnnxTensor input;
    private final float[] image;

    Contenders(String model, int threads, Path onnxDir, Path weightsDir) throws Exception {
        this.model = model;
        this.threads = threads;
        Network net = ModelName.parse(model, null).build();
        Path onnx = onnxDir.resolve(model + ".onnx");
        if (!Files.exists(onnx)) {
            throw new IOException(onnx + " not found: run /usr/bin/python3 tools/export_onnx.py first");
        }
        String source = Files.readString(onnxDir.resolve(model + ".source")).strip();
        Path checkpoint = weightsDir.resolve(source);
        sameWeights = source.endsWith(".safetensors") && Files.exists(checkpoint);
        weights = sameWeights ? CheckpointBinder.load(net, checkpoint) : SeededWeights.create(net, 1);
        plan = FastPlan.compile(net, weights, SIZE, SIZE, threads);
        image = new float[3 * SIZE * SIZE];
        Random rnd = new Random(7);
        for (int i = 0; i < image.length; i++) {
            image[i] = (float) rnd.nextGaussian();
        }
        this.onnx = onnx;
        openOrt();
        input = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), FloatBuffer.wrap(image),
                new long[] {1, 3, SIZE, SIZE});
    }

    /** Opens the ONNX Runtime session (if it is closed). */
    void openOrt() throws OrtException {
        if (session != null) {
            return;
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (Boolean.getBoolean("ort.noSpin")) { // ORT's idle workers stop spinning (see OrtComparison)
                options.addConfigEntry("session.intra_op.allow_spinning", "0");
            }
            session = OrtEnvironment.getEnvironment().createSession(onnx.toString(), options);
        }
    }

    /** Closes the session, and with it ONNX Runtime's intra-op workers (idle, they spin: see OrtComparison). */
    void closeOrt() throws OrtException {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    /** Work that may throw, for {@link #onLargeStack}. */
    interface Job {
        void run() throws Exception;
    }

    /**
     * Runs {@code job} on a thread with a 16 MB stack and waits. ONNX Runtime's native initialisation
     * crashed the JVM (SIGSEGV, no hs_err file) on the launcher's 1 MB main-thread stack here whenever
     * ND4J's jars were on the class path too; with a larger stack it does not.
     */
    static void onLargeStack(Job job) throws Exception {
        Exception[] failure = new Exception[1];
        Thread t = new Thread(null, () -> {
            try {
                job.run();
            } catch (Exception e) {
                failure[0] = e;
            }
        }, "comparison", 16L << 20);
        t.start();
        t.join();
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    float[] engine() {
        return plan.logits(image);
    }

    float[] ort() throws OrtException {
        try (OrtSession.Result r = session.run(Map.of("input", input))) {
            return ((float[][]) r.get(0).getValue())[0];
        }
    }

    /** Largest |engine − ORT| over the largest |ORT| logit. */
    double disagreement() throws OrtException {
        float[] a = engine();
        float[] b = ort();
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < b.length; i++) {
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(b[i]));
        }
        return diff / scale;
    }

    @Override
    public void close() throws OrtException {
        input.close();
        closeOrt();
        plan.close();
        weights.close();
    }

}
