package lab.mobilenet.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import lab.mobilenet.engine.hub.FakeHub;
import lab.mobilenet.app.ui.weights.TinySafetensors;
import lab.mobilenet.engine.hub.DownloadProgress;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.NetworkBuilder;
import lab.mobilenet.engine.runtime.SeededWeights;
import lab.mobilenet.engine.runtime.Weights;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/** {@code weights list/download/verify/import} and classify's use of stored weights, against a loopback hub. */
class WeightsCliTest {

    private static final String V3S_REPO = "timm/mobilenetv3_small_100.lamb_in1k";
    private static byte[] v3Small;

    @TempDir
    Path dir;

    private FakeHub hub;
    private final Map<String, String> env = new HashMap<>();
    private StringWriter out;
    private StringWriter err;

    /** A checkpoint with every key and shape of MobileNetV3-Small 1.0 (seeded values). */
    @BeforeAll
    static void checkpoint(@TempDir Path tmp) throws IOException {
        Weights w = SeededWeights.create(NetworkBuilder.build(Architecture.MOBILENET_V3_SMALL, 1.0), 7);
        Path f = tmp.resolve("v3s.safetensors");
        TinySafetensors.write(f, w.tensors());
        v3Small = Files.readAllBytes(f);
    }

    @BeforeEach
    void start() throws IOException {
        hub = new FakeHub().put(V3S_REPO, v3Small);
        env.put("HOME", dir.toString());
        env.put("HF_HUB_CACHE", dir.resolve("hub").toString());
        env.put("MOBILENET_LAB_WEIGHTS", dir.resolve("app").toString());
        env.put("HF_ENDPOINT", hub.endpoint().toString());
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), env, args);
    }

    private void assertOneErrorLine(String... words) {
        String e = err.toString();
        assertTrue(e.startsWith("error: "), e);
        assertEquals(1, e.lines().count(), e);
        for (String w : words) {
            assertTrue(e.contains(w), "'" + w + "' in: " + e);
        }
    }

    private Path snapshot() {
        return dir.resolve("hub/models--timm--mobilenetv3_small_100.lamb_in1k/snapshots/" + FakeHub.COMMIT
                + "/model.safetensors");
    }

    @Test
    void downloadThenListThenClassifyWithoutWeightsUsesTheDownloadedFile() throws IOException {
        assertEquals(0, run("weights", "download", "mobilenetv3_small_100"));
        assertTrue(Files.isSymbolicLink(snapshot()));
        String sha = FakeHub.sha256(v3Small);
        assertTrue(out.toString().contains(sha), out.toString());
        assertEquals("", err.toString(), "quiet when stderr is not a terminal");

        assertEquals(0, run("weights", "list"));
        String list = out.toString();
        assertTrue(list.contains("mobilenetv3_small_100  present"), list);
        assertTrue(list.contains(snapshot().toString()), list);
        assertTrue(list.contains("sha256 " + sha), list);
        assertTrue(list.contains(V3S_REPO + "@main (commit " + FakeHub.COMMIT + ")"), list);
        assertTrue(list.contains("mobilenetv2_100        missing"), list);
        assertTrue(list.contains("sha256 55ea4fb3a96010b933710ebf44fc965b070d5cd054d3f35e44f2d1320b4a714e (expected)"), list);

        assertEquals(0, run("classify", "-m", "mobilenetv3_small_100", "../assets/images/coffee.png"));
        assertEquals("weights: " + snapshot() + System.lineSeparator(), err.toString());
        assertFalse(out.toString().contains("UNTRAINED"), out.toString());
    }

    @Test
    void classifyWithNothingStoredSaysHowToGetWeights() {
        assertEquals(2, run("classify", "-m", "mobilenetv3_small_100", "../assets/images/coffee.png"));
        assertOneErrorLine("weights download mobilenetv3_small_100", "--untrained");
        assertEquals(2, run("classify", "-m", "mobilenetv3_small_050", "../assets/images/coffee.png"));
        assertOneErrorLine("no hub source", "--weights FILE");
        assertEquals(2, run("classify", "-m", "mobilenetv3_small", "--untrained", "--weights", "x.safetensors",
                "../assets/images/coffee.png"));
        assertOneErrorLine("exclude each other");
    }

    @Test
    void benchWithNothingStoredTimesTheUntrainedNetworkAndSaysSo() {
        assertEquals(0, run("bench", "-m", "mobilenetv3_small_100", "--resolution", "64", "--warmup", "0", "--warmup-seconds", "0", "--runs", "1",
                "--format", "json"));
        assertTrue(err.toString().startsWith("note: no weights for mobilenetv3_small_100"), err.toString());
        assertTrue(out.toString().contains("\"untrained\" : true") || out.toString().contains("\"untrained\": true"),
                out.toString());
    }

    @Test
    void failuresAreOneErrorLineAndExitTwo() {
        assertEquals(2, run("weights", "download", "resnet50"));
        assertOneErrorLine("unknown network 'resnet50'");
        assertEquals(2, run("weights", "download", "timm/not_there.x"));
        assertOneErrorLine("HTTP 404");
        env.put("HF_HUB_OFFLINE", "1");
        assertEquals(2, run("weights", "download", "mobilenetv3_small_100"));
        assertOneErrorLine("HF_HUB_OFFLINE");
        assertEquals(0, hub.bodies.get());
    }

    @Test
    void downloadingEveryNetworkReportsEachFailureAndKeepsTheOthers() {
        assertEquals(2, run("weights", "download"));
        assertEquals(3, err.toString().lines().count(), err.toString()); // v1, v2, v3-large are not on this hub
        assertTrue(err.toString().lines().allMatch(l -> l.startsWith("error: ") && l.contains("HTTP 404")), err.toString());
        assertTrue(out.toString().startsWith("mobilenetv3_small_100: "), out.toString());
        assertTrue(Files.isRegularFile(snapshot()));
    }

    @Test
    void verifyRehashesAndBindsAndCatchesACorruptedBlob() throws IOException {
        assertEquals(0, run("weights", "download", "mobilenetv3_small_100"));
        assertEquals(0, run("weights", "verify"));
        assertTrue(out.toString().contains("mobilenetv3_small_100: ok"), out.toString());
        assertTrue(out.toString().contains("mobilenetv2_100: missing"), out.toString());

        Path blob = snapshot().toRealPath();
        byte[] b = Files.readAllBytes(blob);
        b[b.length - 1] ^= 1;
        Files.write(blob, b);
        assertEquals(2, run("weights", "verify"));
        assertOneErrorLine("SHA-256", "weights download mobilenetv3_small_100");
    }

    @Test
    void importStoresAFittingFileAndRefusesOthers() throws IOException {
        Path f = dir.resolve("mine.safetensors");
        Files.write(f, v3Small);
        assertEquals(0, run("weights", "import", f.toString()));
        Path kept = dir.resolve("app/mobilenetv3_small_100.safetensors");
        assertTrue(out.toString().contains("mobilenetv3_small_100, stored as " + kept), out.toString());
        assertEquals(FakeHub.sha256(v3Small), FakeHub.sha256(Files.readAllBytes(kept)));
        assertEquals(0, run("weights", "list"));
        assertTrue(out.toString().contains("imported"), out.toString());
        assertEquals(0, run("weights", "verify"));
        assertTrue(out.toString().contains("(no announced hash to compare), binds to mobilenetv3_small_100"), out.toString());

        Path other = dir.resolve("other.safetensors");
        TinySafetensors.write(other, Map.of("classifier.weight", Nd4j.zeros(2, 3)));
        assertEquals(2, run("weights", "import", other.toString()));
        assertOneErrorLine("fits none of the four networks");
        assertEquals(2, run("weights", "import", dir.resolve("nope.safetensors").toString()));
        assertOneErrorLine("no such file");
    }

    @Test
    void theProgressBarShowsBytesPercentAndRate() {
        assertEquals("v2 [############............]  50%  5.0 MB / 10.0 MB  2.0 MB/s",
                TextProgressBar.render("v2", new DownloadProgress(5_000_000, 10_000_000, 2_000_000)));
        assertEquals("v2  512 B  0 B/s", TextProgressBar.render("v2", new DownloadProgress(512, -1, 0)));
    }

    @Test
    void exportOfTheInvertedResidualLessonUsesStoredV2Weights() throws IOException {
        Path untrainedPng = dir.resolve("untrained.png");
        Path trainedPng = dir.resolve("trained.png");
        assertEquals(0, run("export", "--lesson", "inverted-residual", "--image", "../assets/images/coffee.png",
                "--out", untrainedPng.toString()));
        assertTrue(err.toString().startsWith("note: no weights for mobilenetv2_100"), err.toString());

        Weights w = SeededWeights.create(NetworkBuilder.build(Architecture.MOBILENET_V2, 1.0), 11);
        Files.createDirectories(dir.resolve("app"));
        Path v2 = dir.resolve("app/mobilenetv2_100.safetensors");
        TinySafetensors.write(v2, w.tensors());
        assertEquals(0, run("export", "--lesson", "inverted-residual", "--image", "../assets/images/coffee.png",
                "--out", trainedPng.toString()));
        assertEquals("weights: " + v2 + System.lineSeparator(), err.toString());
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(untrainedPng), Files.readAllBytes(trainedPng)),
                "other weights, other feature maps");

        assertEquals(0, run("export", "--lesson", "standard", "--image", "../assets/images/coffee.png",
                "--out", dir.resolve("std.png").toString()));
        assertEquals("", err.toString(), "lesson 1 needs no network");
    }

    @Test
    void aFullRepositoryAtARevisionDownloadsWithABarWhenAskedAndListsAsJson() throws Exception {
        assertEquals(0, run("weights", "download", "--progress", V3S_REPO + "@main"));
        assertTrue(err.toString().contains("mobilenetv3_small_100 [########################] 100%"), err.toString());
        assertTrue(out.toString().startsWith("mobilenetv3_small_100: " + snapshot()), out.toString());

        assertEquals(0, run("weights", "list", "--format", "json"));
        var rows = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertEquals(5, rows.size(), "the four MobileNets and Xception");
        assertEquals("legacy_xception", rows.get(4).get("network").asText());
        assertFalse(rows.get(4).get("present").asBoolean());
        var v3s = rows.get(3);
        assertEquals("mobilenetv3_small_100", v3s.get("network").asText());
        assertTrue(v3s.get("present").asBoolean());
        assertEquals(v3Small.length, v3s.get("size").asLong());
        assertEquals(FakeHub.sha256(v3Small), v3s.get("sha256").asText());
        assertFalse(rows.get(0).get("present").asBoolean());
    }
}
