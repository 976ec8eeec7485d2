package lab.mobilenet.engine.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import lab.mobilenet.engine.checkpoint.CheckpointBinder;
import lab.mobilenet.engine.io.Npy;
import lab.mobilenet.engine.model.ModelName;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.runtime.CancellationToken;
import lab.mobilenet.engine.runtime.EnginePath;
import lab.mobilenet.engine.runtime.Weights;
import org.junit.jupiter.api.Test;

class ClassifierPathsTest {

    private static final Path FIXTURE = Path.of("src/test/resources/reference/v3s_050");

    @Test
    void theDefaultFastPathRanksLikeTheInspectionPathAndLikePyTorch() throws Exception {
        Network net = ModelName.parse("mobilenetv3_small", 0.5).build(10);
        Npy.NpyArray input = Npy.read(FIXTURE.resolve("input.npy"));
        float[] torch = Npy.read(FIXTURE.resolve("logits.npy")).data();
        try (Weights w = CheckpointBinder.load(net, FIXTURE.resolve("model.safetensors"));
             Classifier fast = new Classifier(net, w);
             Classifier inspection = new Classifier(net, w, EnginePath.INSPECTION)) {
            assertEquals(EnginePath.FAST, fast.path());
            Classification a = fast.classify(input.data(), input.shape(), 10, CancellationToken.NEVER);
            Classification b = inspection.classify(input.data(), input.shape(), 10, CancellationToken.NEVER);
            float scale = 0;
            for (float v : torch) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < torch.length; i++) {
                assertEquals(torch[i], a.logits()[i], 1e-4f * scale, "fast logit " + i);
                assertEquals(b.logits()[i], a.logits()[i], 1e-4f * scale, "fast vs inspection logit " + i);
            }
            for (int i = 0; i < 10; i++) {
                assertEquals(b.top().get(i).probability(), a.top().get(i).probability(), 1e-4, "probability " + i);
            }
            // a second image size recompiles the plan rather than failing
            float[] small = new float[3 * 64 * 48];
            Classification c = fast.classify(small, new long[] {1, 3, 64, 48}, 3, CancellationToken.NEVER);
            Classification d = inspection.classify(small, new long[] {1, 3, 64, 48}, 3, CancellationToken.NEVER);
            assertEquals(d.top().get(0).index(), c.top().get(0).index());
        }
    }

    @Test
    void aNetworkTheFastPathCannotCompileRunsOnTheInspectionPathAndMatchesPyTorch() throws Exception {
        // Xception's pre-activation blocks have no fused kernel; the classifier must still answer exactly
        Path fixture = Path.of("src/test/resources/reference/xception_0125");
        Network net = ModelName.parse("legacy_xception", 0.125).build(10);
        Npy.NpyArray input = Npy.read(fixture.resolve("input.npy"));
        float[] torch = Npy.read(fixture.resolve("logits.npy")).data();
        try (Weights w = CheckpointBinder.load(net, fixture.resolve("model.safetensors"));
             Classifier fast = new Classifier(net, w)) {
            Classification a = fast.classify(input.data(), input.shape(), 3, CancellationToken.NEVER);
            float scale = 0;
            for (float v : torch) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < torch.length; i++) {
                assertEquals(torch[i], a.logits()[i], 1e-4f * scale, "logit " + i);
            }
        }
    }
}
