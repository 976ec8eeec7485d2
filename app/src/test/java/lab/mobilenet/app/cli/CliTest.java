package lab.mobilenet.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import lab.mobilenet.engine.io.Npy;
import lab.mobilenet.engine.model.ModelName;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.runtime.NetworkRunner;
import lab.mobilenet.engine.runtime.SeededWeights;
import lab.mobilenet.engine.runtime.Weights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CliTest {

    private static final Path PHOTOS = Path.of("../assets/images");
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Empty weight folders, offline: the tests never see the user's own cache or the network. */
    @TempDir
    Path store;

    private int run(String... args) {
        return Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), java.util.Map.of("HOME", store.toString(),
                "HF_HUB_CACHE", store.resolve("hub").toString(), "MOBILENET_LAB_WEIGHTS", store.resolve("app").toString(),
                "HF_HUB_OFFLINE", "1"), args);
    }

    @Test
    void summaryJsonHasTheDocumentedFieldsAndTimmsParameterCount() throws Exception {
        assertEquals(0, run("summary", "--model", "mobilenetv1_100", "--format", "json"));
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertEquals("mobilenetv1_100", j.get("model").asText());
        assertEquals(1.0, j.get("width").asDouble());
        assertEquals(224, j.get("resolution").asInt());
        assertEquals(4_231_976, j.get("params").asLong());
        assertEquals(568.7, Math.round(j.get("macs").asLong() / 1e5) / 10.0);
        JsonNode first = j.get("layers").get(0);
        assertEquals("conv_stem", first.get("name").asText());
        assertEquals("[1,3,224,224]", first.get("inputShape").toString());
        assertEquals("[1,32,112,112]", first.get("outputShape").toString());
        assertEquals(3L * 3 * 3 * 32 * 112 * 112, first.get("macs").asLong());
        assertEquals("conv3x3", first.get("type").asText());
        assertEquals(3 * 3 * 3 * 32, first.get("params").asLong());
        assertEquals(4L * 3 * 3 * 3 * 32, first.get("weightBytes").asLong());
        // reads the 3x224x224 input, writes the 32x112x112 output, 4 bytes each
        assertEquals(4L * (3 * 224 * 224 + 32 * 112 * 112), first.get("activationBytes").asLong());
        assertEquals(4L * 3 * 224 * 224, first.get("activationBytesRead").asLong());
    }

    @Test
    void timmAliasAndWidthOptionAgree() throws Exception {
        assertEquals(0, run("summary", "-m", "mobilenetv2", "--width", "1.4", "-f", "json"));
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertEquals("mobilenetv2_140", j.get("model").asText());
    }

    @Test
    void unknownModelIsBadUsageWithOneLineAndNoStackTrace() {
        assertEquals(2, run("summary", "--model", "resnet50"));
        String e = err.toString();
        assertTrue(e.startsWith("error: unknown model 'resnet50'"), e);
        assertFalse(e.contains("at lab."), e);
    }

    @Test
    void missingOptionIsBadUsage() {
        assertEquals(2, run("summary"));
        assertTrue(err.toString().startsWith("error: Missing required option"), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
    }

    @Test
    void aCorruptImageFailsOnItsOwnWhileTheOthersAreClassified(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("broken.jpg");
        Files.write(bad, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2, 3});
        int status = run("classify", "-m", "mobilenetv3_small_050", "--untrained", "--format", "json", "--top", "3",
                PHOTOS.resolve("chelsea.png").toString(), bad.toString());
        assertEquals(2, status);
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertEquals(2, j.size());
        JsonNode ok = j.get(0);
        assertTrue(ok.get("untrained").asBoolean());
        assertEquals(3, ok.get("top").size());
        assertTrue(ok.get("top").get(0).get("probability").asDouble() >= ok.get("top").get(1).get("probability").asDouble());
        assertTrue(ok.get("millis").asDouble() > 0);
        assertTrue(j.get(1).has("error"));
        assertFalse(j.get(1).has("top"));
        String e = err.toString();
        assertTrue(e.startsWith("error: " + bad + ": "), e);
        assertEquals(1, e.lines().count(), e);
    }

    @Test
    void inputTensorAndDumpLogitsGiveTheRawLogitsOfTheNetwork(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in.npy");
        Path logits = tmp.resolve("logits.npy");
        float[] x = new float[3 * 64 * 64];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(i * 0.01);
        }
        Npy.write(in, new long[] {1, 3, 64, 64}, x);
        assertEquals(0, run("classify", "-m", "mobilenetv3_small", "--untrained", "--input-tensor", in.toString(),
                "--dump-logits", logits.toString()));
        Npy.NpyArray dumped = Npy.read(logits);
        assertArrayEquals(new long[] {1, 1000}, dumped.shape());
        Network net = ModelName.parse("mobilenetv3_small", null).build();
        try (Weights w = SeededWeights.create(net, WeightsLoading.SEED);
             INDArray t = Nd4j.create(x, new long[] {1, 3, 64, 64}, 'c');
             INDArray expected = new NetworkRunner(net, w).run(t)) {
            // classify runs the fast path; the inspection path is the independent reference (parity tolerance)
            float[] e = expected.dup().data().asFloat();
            float scale = 0;
            for (float v : e) {
                scale = Math.max(scale, Math.abs(v));
            }
            assertArrayEquals(e, dumped.data(), 1e-4f * scale);
        }
        assertTrue(out.toString().contains("UNTRAINED"), out.toString());
    }

    @Test
    void aCheckpointThatDoesNotFitIsBadInput(@TempDir Path tmp) throws Exception {
        Path notSafetensors = tmp.resolve("model.safetensors");
        Files.writeString(notSafetensors, "this is not a checkpoint");
        assertEquals(2, run("classify", "-m", "mobilenetv2", "--weights", notSafetensors.toString(),
                PHOTOS.resolve("coffee.png").toString()));
        assertTrue(err.toString().startsWith("error: "), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
    }

    @Test
    void benchReportsMedianMinimumAndTimeShares() throws Exception {
        assertEquals(0, run("bench", "-m", "mobilenetv3_small_050", "--resolution", "96", "--warmup", "1", "--warmup-seconds", "0",
                "--runs", "3", "--threads", "1", "--format", "json"));
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertTrue(j.get("medianMillis").asDouble() >= j.get("minMillis").asDouble());
        assertTrue(j.get("minMillis").asDouble() > 0);
        double share = 0;
        for (JsonNode l : j.get("layers")) {
            share += l.get("share").asDouble();
        }
        assertEquals(1.0, share, 1e-6);
    }

    @Test
    void exportWritesAnAnimatedGifOfTheRequestedFrames(@TempDir Path tmp) throws Exception {
        Path gif = tmp.resolve("standard.gif");
        assertEquals(0, run("export", "--lesson", "depthwise", "--image", PHOTOS.resolve("coffee.png").toString(),
                "--frames", "3", "--out", gif.toString()));
        try (javax.imageio.stream.ImageInputStream in = javax.imageio.ImageIO.createImageInputStream(gif.toFile())) {
            javax.imageio.ImageReader reader = javax.imageio.ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(3, reader.getNumImages(true));
        }
    }

    @Test
    void exportOfAnUnknownLessonIsBadUsage(@TempDir Path tmp) {
        assertEquals(2, run("export", "--lesson", "nope", "--image", PHOTOS.resolve("coffee.png").toString(),
                "--out", tmp.resolve("x.png").toString()));
        assertTrue(err.toString().startsWith("error: "), err.toString());
        assertFalse(Files.exists(tmp.resolve("x.png")));
    }
}
