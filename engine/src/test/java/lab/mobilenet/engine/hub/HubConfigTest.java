package lab.mobilenet.engine.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The environment variables, read as huggingface_hub reads them, and the names users type. */
class HubConfigTest {

    private static final Path HOME = Path.of("/home/u");

    @Test
    void defaultsAreTheHubAndTheUsersCache() {
        HubConfig c = HubConfig.fromEnvironment(Map.of(), HOME);
        assertEquals(URI.create("https://huggingface.co"), c.endpoint());
        assertEquals(Path.of("/home/u/.cache/huggingface/hub"), c.cache());
        assertNull(c.token());
        assertFalse(c.offline());
        assertEquals(Duration.ofSeconds(10), c.connectTimeout());
        assertEquals(URI.create("https://huggingface.co/timm/mobilenetv2_100.ra_in1k/resolve/main/model.safetensors"),
                c.resolveUrl(HubSource.forModel("mobilenetv2_100").orElseThrow()));
    }

    @Test
    void variablesOverrideInTheHubLibrarysOrder() {
        HubConfig c = HubConfig.fromEnvironment(Map.of("HF_ENDPOINT", "https://hf-mirror.example/", "HF_HOME", "/x",
                "HF_TOKEN", "hf_t", "HF_HUB_OFFLINE", "yes", "HF_HUB_DOWNLOAD_TIMEOUT", "2.5"), HOME);
        assertEquals(URI.create("https://hf-mirror.example"), c.endpoint(), "trailing slash dropped");
        assertEquals(Path.of("/x/hub"), c.cache());
        assertEquals("hf_t", c.token());
        assertTrue(c.offline());
        assertEquals(Duration.ofMillis(2500), c.readTimeout());
        assertEquals(Path.of("/y"), HubConfig.cacheFolder(Map.of("HF_HOME", "/x", "HF_HUB_CACHE", "/y"), HOME));
        assertEquals(Path.of("/home/u/c"), HubConfig.cacheFolder(Map.of("HF_HUB_CACHE", "~/c"), HOME));
        assertFalse(HubConfig.fromEnvironment(Map.of("HF_HUB_OFFLINE", "0"), HOME).offline());
        assertThrows(IllegalArgumentException.class, () -> HubConfig.fromEnvironment(Map.of("HF_ENDPOINT", "ftp://x"), HOME));
    }

    @Test
    void namesAreKnownNetworksOrRepositoriesWithARevision() {
        HubSource v2 = HubSource.parse("mobilenetv2_100");
        assertEquals("timm/mobilenetv2_100.ra_in1k", v2.repo());
        assertEquals("main", v2.revision());
        assertEquals("55ea4fb3a96010b933710ebf44fc965b070d5cd054d3f35e44f2d1320b4a714e", v2.pinnedSha256());
        assertEquals("models--timm--mobilenetv2_100.ra_in1k", v2.cacheFolderName());

        HubSource alt = HubSource.parse("timm/mobilenetv3_large_100.ra4_e3600_r224_in1k@v1.0");
        assertEquals("mobilenetv3_large_100", alt.model());
        assertEquals("v1.0", alt.revision());
        assertNull(alt.pinnedSha256());
        assertNull(HubSource.parse("timm/mobilenetv2_100.ra_in1k@0123456789abcdef0123456789abcdef01234567").pinnedSha256(),
                "the pin is for the default revision only");
        assertEquals(v2.pinnedSha256(), HubSource.parse("timm/mobilenetv2_100.ra_in1k").pinnedSha256());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HubSource.parse("resnet50"));
        assertTrue(e.getMessage().contains("mobilenetv3_small_100"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HubSource.parse("timm/x@../../etc"));
        assertThrows(IllegalArgumentException.class, () -> HubSource.parse("a/b/c"));
    }

    @Test
    void etagsLoseTheirQuotes() {
        assertEquals("abc", HubHttp.unquote("\"abc\""));
        assertEquals("abc", HubHttp.unquote("W/\"ABC\""));
        assertEquals("abc", HubHttp.unquote("abc"));
    }
}
