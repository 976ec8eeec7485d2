package lab.mobilenet.engine.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCheckpointsTest {

    @TempDir
    Path home;

    private Path hubFile(Path hub, String repo, String rev) throws Exception {
        Path f = hub.resolve(repo).resolve("snapshots").resolve(rev).resolve("model.safetensors");
        Files.createDirectories(f.getParent());
        Files.write(f, new byte[] {1});
        return f;
    }

    @Test
    void followsHuggingFaceCacheConventions() {
        assertEquals(home.resolve(".cache/huggingface/hub"),
                hubOf(LocalCheckpoints.fromEnvironment(Map.of(), home)));
        assertEquals(Path.of("/x/hub"), hubOf(LocalCheckpoints.fromEnvironment(Map.of("HF_HOME", "/x"), home)));
        assertEquals(Path.of("/y"), hubOf(LocalCheckpoints.fromEnvironment(
                Map.of("HF_HOME", "/x", "HF_HUB_CACHE", "/y"), home)));
        assertEquals(home.resolve(".mobilenet-lab/weights"), LocalCheckpoints.fromEnvironment(Map.of(), home).appFolder());
        assertEquals(Path.of("/w"), LocalCheckpoints.fromEnvironment(Map.of("MOBILENET_LAB_WEIGHTS", "/w"), home).appFolder());
    }

    private static Path hubOf(LocalCheckpoints c) {
        return c.hubCache();
    }

    @Test
    void findsTheAppsOwnFileFirstThenTheNewestHubSnapshotOfAnyTag() throws Exception {
        Path hub = home.resolve("hub");
        Path older = hubFile(hub, "models--timm--mobilenetv2_100.ra_in1k", "aaa");
        Path newer = hubFile(hub, "models--timm--mobilenetv2_100.ra_in1k", "bbb");
        Files.setLastModifiedTime(older, FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(newer, FileTime.fromMillis(2_000_000));
        hubFile(hub, "models--timm--mobilenetv2_1000.other", "ccc"); // a different model
        hubFile(hub, "models--timm--mobilenetv3_small_100.lamb_in1k", "ddd");
        LocalCheckpoints local = new LocalCheckpoints(home.resolve("app"), hub);

        assertEquals(List.of(newer, older), local.candidates("mobilenetv2_100"));

        Files.createDirectories(home.resolve("app"));
        Files.write(local.appFile("mobilenetv2_100"), new byte[] {2});
        assertEquals(local.appFile("mobilenetv2_100"), local.find("mobilenetv2_100").orElseThrow());
        assertTrue(local.find("mobilenetv1_100").isEmpty());
    }

    @Test
    void aMissingCacheIsNoError() {
        LocalCheckpoints local = new LocalCheckpoints(home.resolve("none"), home.resolve("nohub"));
        assertTrue(local.candidates("mobilenetv2_100").isEmpty());
    }

    @Test
    void theSnapshotThatTheDefaultTagsMainRefNamesComesBeforeNewerOnes() throws Exception {
        Path hub = home.resolve("hub");
        String main = "0123456789abcdef0123456789abcdef01234567";
        Path referenced = hubFile(hub, "models--timm--mobilenetv2_100.ra_in1k", main);
        Path newer = hubFile(hub, "models--timm--mobilenetv2_100.ra_in1k", "bbb");
        Path otherTag = hubFile(hub, "models--timm--mobilenetv2_100.other_tag", "ccc");
        Files.setLastModifiedTime(referenced, FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(newer, FileTime.fromMillis(2_000_000));
        Files.setLastModifiedTime(otherTag, FileTime.fromMillis(3_000_000));
        Path refs = hub.resolve("models--timm--mobilenetv2_100.ra_in1k/refs");
        Files.createDirectories(refs);
        Files.writeString(refs.resolve("main"), main);
        LocalCheckpoints local = new LocalCheckpoints(home.resolve("app"), hub);
        assertEquals(List.of(referenced, otherTag, newer), local.candidates("mobilenetv2_100"));
    }
}
