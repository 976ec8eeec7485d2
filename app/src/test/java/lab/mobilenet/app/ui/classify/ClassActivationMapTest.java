package lab.mobilenet.app.ui.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import lab.mobilenet.engine.classify.Classification;
import lab.mobilenet.engine.classify.Classifier;
import lab.mobilenet.engine.classify.PretrainedConfigs;
import lab.mobilenet.engine.image.Preprocessor;
import lab.mobilenet.engine.image.RgbImage;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.runtime.ActivationSnapshot;
import lab.mobilenet.engine.runtime.CancellationToken;
import lab.mobilenet.engine.runtime.EnginePath;
import lab.mobilenet.engine.runtime.SeededWeights;
import lab.mobilenet.engine.runtime.Weights;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The class activation map CAM_k(y, x) = Σ_c w[k, c] · F_c(y, x): on a case worked by hand, and on the real last
 * feature maps of V1 and V2 against the definition written as a plain loop, and against the identity that makes
 * it exact: the class's logit is the map's mean plus the class's bias.
 */
class ClassActivationMapTest {

    @Test
    void twoChannelsOnATwoByTwoMapWorkedByHand() {
        // F_0 = [1 2; 3 4], F_1 = [0 -1; 2 5], w = (2, -3)
        // CAM = 2·F_0 − 3·F_1 = [2 7; 0 -7]
        float[] f = {1, 2, 3, 4, 0, -1, 2, 5};
        HeatMap cam = ClassActivationMap.of(f, 2, 2, 2, new float[] {2, -3});
        assertArrayEquals(new float[] {2, 7, 0, -7}, cam.values());
        assertEquals(2, cam.width());
        assertEquals(2, cam.height());
    }

    @Test
    void aNonSquareMapKeepsRowsAndColumnsApart() {
        // one channel, 1 row × 3 columns, w = 0.5 → half of each value, in the same places
        HeatMap cam = ClassActivationMap.of(new float[] {2, 4, 6}, 1, 1, 3, new float[] {0.5f});
        assertEquals(3, cam.width());
        assertEquals(1, cam.height());
        assertArrayEquals(new float[] {1, 2, 3}, cam.values());
    }

    @Test
    void mismatchedSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClassActivationMap.of(new float[5], 2, 1, 2, new float[2]));
        assertThrows(IllegalArgumentException.class, () -> ClassActivationMap.of(new float[4], 2, 1, 2, new float[3]));
    }

    private static RgbImage noise(int w, int h, long seed) {
        byte[] px = new byte[3 * w * h];
        new Random(seed).nextBytes(px);
        return RgbImage.of(w, h, px);
    }

    @ParameterizedTest
    @EnumSource(value = Architecture.class, names = {"MOBILENET_V1", "MOBILENET_V2"})
    void onTheRealLastFeatureMapsItEqualsTheDefinitionAndItsMeanPlusBiasIsTheLogit(Architecture arch) {
        EngineClassifyBackend backend = new EngineClassifyBackend();
        Network net = backend.network(arch);
        Weights weights = SeededWeights.create(net, 7);
        RgbImage crop = noise(224, 224, 3);
        EngineClassifyBackend.Run run = backend.run(arch, weights, crop, CancellationToken.NEVER);
        ActivationSnapshot f = run.features();
        long[] s = f.shape();
        assertEquals(7, s[2], "the last feature maps of a 224 input are 7 × 7");
        int channels = (int) s[1];
        int plane = (int) (s[2] * s[3]);
        int k = run.classification().top().get(0).index();
        HeatMap cam = EngineClassifyBackend.cam(f, weights, k);

        INDArray w = weights.get("classifier.weight");
        float bias = weights.get("classifier.bias").getFloat(k);
        double mean = 0;
        for (int i = 0; i < plane; i++) {
            double naive = 0;
            for (int c = 0; c < channels; c++) {
                naive += w.getDouble(k, c) * f.value(c * plane + i);
            }
            assertEquals(naive, cam.values()[i], 1e-4 * Math.max(1, Math.abs(naive)), "cell " + i);
            mean += cam.values()[i];
        }
        mean /= plane;
        float logit = run.classification().logits()[k];
        assertEquals(logit, mean + bias, 1e-3 * Math.max(1, Math.abs(logit)),
                "global average pool then linear: logit = mean of the CAM + bias");
    }

    @Test
    void listeningForTheFeatureMapsLeavesTheAnswerUnchanged() {
        EngineClassifyBackend backend = new EngineClassifyBackend();
        Architecture arch = Architecture.MOBILENET_V2;
        Network net = backend.network(arch);
        Weights weights = SeededWeights.create(net, 11);
        RgbImage crop = noise(224, 224, 5);
        float[] tensor = Preprocessor.normalize(crop, PretrainedConfigs.forArchitecture(arch));
        long[] shape = {1, 3, 224, 224};
        Classification plain = new Classifier(net, weights, EnginePath.INSPECTION).classify(tensor, shape, 5,
                CancellationToken.NEVER);
        ClassifyBackend.Outcome page = backend.classify(arch, weights, crop, CancellationToken.NEVER);
        assertEquals(plain.top(), page.top(), "same classes, same probabilities, bit for bit");
        // the command line runs the fast path: the same classes, probabilities within float rounding
        try (Classifier cli = new Classifier(net, weights, EnginePath.FAST)) {
            Classification fast = cli.classify(tensor, shape, 5, CancellationToken.NEVER);
            for (int i = 0; i < 5; i++) {
                assertEquals(fast.top().get(i).index(), page.top().get(i).index(), "rank " + i);
                assertEquals(fast.top().get(i).probability(), page.top().get(i).probability(), 1e-5, "rank " + i);
            }
        }
    }
}
