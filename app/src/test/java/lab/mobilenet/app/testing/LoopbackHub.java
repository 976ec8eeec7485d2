package lab.mobilenet.app.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback stand-in for huggingface.co for the app's tests: {@code /<repo>/resolve/<rev>/model.safetensors}
 * answers 302 with the hub's headers (X-Repo-Commit, X-Linked-Etag, X-Linked-Size) and a Location on
 * {@code /files/<sha>}, which serves the bytes (optionally slowly, 8 KiB at a time). Unknown repositories: 404.
 */
public final class LoopbackHub implements AutoCloseable {

    public static final String COMMIT = "89abcdef0123456789abcdef0123456789abcdef";

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Map<String, byte[]> byRepo = new ConcurrentHashMap<>();
    private final Map<String, byte[]> bySha = new ConcurrentHashMap<>();
    public final AtomicInteger bodies = new AtomicInteger();
    public volatile long chunkDelayMillis;

    public LoopbackHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves {@code bytes} as {@code repo}'s model.safetensors at every revision. */
    public LoopbackHub put(String repo, byte[] bytes) {
        byRepo.put(repo, bytes);
        bySha.put(sha256(bytes), bytes);
        return this;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            int resolve = path.indexOf("/resolve/");
            if (resolve > 0) {
                byte[] b = byRepo.get(path.substring(1, resolve));
                if (b == null) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                String sha = sha256(b);
                ex.getResponseHeaders().add("X-Repo-Commit", COMMIT);
                ex.getResponseHeaders().add("X-Linked-Etag", "\"" + sha + "\"");
                ex.getResponseHeaders().add("X-Linked-Size", Integer.toString(b.length));
                ex.getResponseHeaders().add("Location", "/files/" + sha);
                ex.sendResponseHeaders(302, -1);
                return;
            }
            byte[] b = path.startsWith("/files/") ? bySha.get(path.substring(7)) : null;
            if (b == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            bodies.incrementAndGet();
            ex.sendResponseHeaders(200, b.length);
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < b.length; i += 8192) {
                out.write(b, i, Math.min(8192, b.length - i));
                if (chunkDelayMillis > 0) {
                    out.flush();
                    Thread.sleep(chunkDelayMillis);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
