package lab.mobilenet.engine.hub;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * How to reach the hub and where its files are kept, read from the same environment variables as Python's
 * {@code huggingface_hub}, so both tools share one cache:
 * <ul>
 * <li>{@code HF_ENDPOINT}: the hub or a mirror (default {@code https://huggingface.co});</li>
 * <li>{@code HF_HUB_CACHE}, else {@code HF_HOME/hub}, else {@code ~/.cache/huggingface/hub};</li>
 * <li>{@code HF_TOKEN}: sent as {@code Authorization: Bearer} (gated or private repositories);</li>
 * <li>{@code HF_HUB_OFFLINE=1}: no network at all, cached files only;</li>
 * <li>{@code HF_HUB_ETAG_TIMEOUT} / {@code HF_HUB_DOWNLOAD_TIMEOUT}: seconds to connect and get the headers /
 * without a byte while downloading (10 each, the hub library's defaults).</li>
 * </ul>
 *
 * @param endpoint       base URI without a trailing slash
 * @param cache          the hub cache folder
 * @param token          bearer token or {@code null}
 * @param offline        no network at all
 * @param connectTimeout to connect and to receive response headers
 * @param readTimeout    the longest silence allowed while a body streams
 */
public record HubConfig(URI endpoint, Path cache, String token, boolean offline, Duration connectTimeout,
                        Duration readTimeout) {

    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";

    public HubConfig {
        String e = endpoint.toString();
        if (e.endsWith("/")) {
            endpoint = URI.create(e.substring(0, e.length() - 1));
        }
        if (endpoint.getScheme() == null || !(endpoint.getScheme().equals("http") || endpoint.getScheme().equals("https"))) {
            throw new IllegalArgumentException("HF_ENDPOINT must be an http(s) URL, got '" + e + "'");
        }
    }

    /** Reads the variables above from {@code env}; {@code home} is the user's home folder. */
    public static HubConfig fromEnvironment(Map<String, String> env, Path home) {
        String endpoint = nonBlank(env.get("HF_ENDPOINT"), DEFAULT_ENDPOINT);
        String token = nonBlank(env.get("HF_TOKEN"), null);
        return new HubConfig(URI.create(endpoint), cacheFolder(env, home), token, isTrue(env.get("HF_HUB_OFFLINE")),
                seconds(env.get("HF_HUB_ETAG_TIMEOUT"), 10), seconds(env.get("HF_HUB_DOWNLOAD_TIMEOUT"), 10));
    }

    /** The hub cache folder: {@code HF_HUB_CACHE}, else {@code HF_HOME/hub}, else {@code ~/.cache/huggingface/hub}. */
    public static Path cacheFolder(Map<String, String> env, Path home) {
        String cache = nonBlank(env.get("HF_HUB_CACHE"), null);
        if (cache != null) {
            return expand(cache, home);
        }
        String hfHome = nonBlank(env.get("HF_HOME"), null);
        if (hfHome != null) {
            return expand(hfHome, home).resolve("hub");
        }
        return home.resolve(".cache").resolve("huggingface").resolve("hub");
    }

    /** This configuration with another endpoint (tests point it at a loopback server). */
    public HubConfig withEndpoint(URI e) {
        return new HubConfig(e, cache, token, offline, connectTimeout, readTimeout);
    }

    /** The download URL of {@code model.safetensors} of {@code source}. */
    public URI resolveUrl(HubSource source) {
        return URI.create(endpoint + "/" + source.repo() + "/resolve/" + source.revision() + "/" + HubSource.FILE);
    }

    /** {@code huggingface_hub}'s reading of a boolean variable: 1, ON, YES or TRUE in any case. */
    static boolean isTrue(String v) {
        return v != null && switch (v.trim().toUpperCase(Locale.ROOT)) {
            case "1", "ON", "YES", "TRUE" -> true;
            default -> false;
        };
    }

    private static Duration seconds(String v, int fallback) {
        try {
            double s = v == null ? fallback : Double.parseDouble(v.trim());
            return Duration.ofMillis(Math.max(1, Math.round(s * 1000)));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(fallback);
        }
    }

    private static Path expand(String p, Path home) {
        return p.equals("~") ? home : p.startsWith("~/") ? home.resolve(p.substring(2)) : Path.of(p);
    }

    private static String nonBlank(String v, String fallback) {
        return v == null || v.isBlank() ? fallback : v.trim();
    }
}
