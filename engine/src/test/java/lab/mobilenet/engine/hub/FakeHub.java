package lab.mobilenet.engine.hub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback stand-in for the hub and its file server. {@code /<repo>/resolve/<rev>/model.safetensors}
 * answers like huggingface.co for an LFS file (302 with X-Repo-Commit, X-Linked-Etag, X-Linked-Size and a
 * Location on the file server); {@code /files/<sha>} serves the bytes, well or badly as {@link #mode} says.
 */
public final class FakeHub implements AutoCloseable {

    /** How the file server misbehaves. */
    enum Mode { GOOD, TRUNCATED, WRONG_BYTES, DROP_HALFWAY, NOT_FOUND, SERVER_ERROR, UNAUTHORIZED, FILE_SERVER_ERROR }

    public static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    final byte[] file;
    final String sha;
    final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();

    volatile Mode mode = Mode.GOOD;
    volatile boolean honourRange = true;
    volatile boolean absoluteRedirect;
    /** Host name used in an absolute redirect ("localhost" is another host than the endpoint's 127.0.0.1). */
    volatile String redirectHost = "127.0.0.1";
    /** The hub's Location points at /hop/, which redirects once more to the file. */
    volatile boolean fileServerRedirects;
    /** Sleep between 8 KiB chunks of a body, so that concurrent or cancelled downloads overlap. */
    public volatile long chunkDelayMillis;
    /** Stop sending (without closing) after this many bytes, to test the read timeout; -1 = never. */
    volatile long stallAfter = -1;

    final AtomicInteger heads = new AtomicInteger();
    public final AtomicInteger bodies = new AtomicInteger();
    final List<String> ranges = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final List<String> fileAuthorizations = new CopyOnWriteArrayList<>();
    final List<String> paths = Collections.synchronizedList(new java.util.ArrayList<>());

    /** Files put per repository ({@link #put}); any other repository gets {@link #file}, or 404 without one. */
    private final Map<String, byte[]> byRepo = new ConcurrentHashMap<>();
    private final Map<String, byte[]> bySha = new ConcurrentHashMap<>();

    /** A hub that serves nothing until files are {@link #put}: unknown repositories answer 404. */
    public FakeHub() throws IOException {
        this(null);
    }

    /** A hub that serves {@code file} (may be null) as every repository's model.safetensors. */
    public FakeHub(byte[] file) throws IOException {
        this.file = file;
        this.sha = file == null ? null : sha256(file);
        if (file != null) {
            bySha.put(sha, file);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A small but real safetensors file: one F32 tensor of {@code n} values 0, 1, 2, ... */
    static byte[] safetensors(int n) {
        byte[] header = ("{\"w\":{\"dtype\":\"F32\",\"shape\":[" + n + "],\"data_offsets\":[0," + 4 * n + "]}}")
                .getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + header.length + 4 * n).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(header.length).put(header);
        for (int i = 0; i < n; i++) {
            b.putFloat(i);
        }
        return b.array();
    }

    /** Serves {@code bytes} as {@code repo}'s model.safetensors at every revision. */
    public FakeHub put(String repo, byte[] bytes) {
        byRepo.put(repo, bytes);
        bySha.put(sha256(bytes), bytes);
        return this;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            paths.add(ex.getRequestMethod() + " " + path);
            int resolve = path.indexOf("/resolve/");
            byte[] repoFile = resolve > 0 ? byRepo.getOrDefault(path.substring(1, resolve), file) : null;
            if (repoFile != null) {
                resolve(ex, repoFile);
            } else if (path.startsWith("/hop/") && bySha.containsKey(path.substring(5))) {
                ex.getResponseHeaders().add("Location", "/files/" + path.substring(5));
                ex.sendResponseHeaders(307, -1);
            } else if (path.startsWith("/files/") && bySha.containsKey(path.substring(7))) {
                serve(ex, bySha.get(path.substring(7)));
            } else {
                ex.sendResponseHeaders(404, -1);
            }
        }
    }

    private void resolve(HttpExchange ex, byte[] file) throws IOException {
        String sha = sha256(file);
        heads.incrementAndGet();
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        authorizations.add(auth == null ? "" : auth);
        switch (mode) {
            case NOT_FOUND -> {
                ex.getResponseHeaders().add("X-Error-Code", "EntryNotFound");
                ex.sendResponseHeaders(404, -1);
                return;
            }
            case SERVER_ERROR -> {
                ex.sendResponseHeaders(500, -1);
                return;
            }
            case UNAUTHORIZED -> {
                ex.sendResponseHeaders(401, -1);
                return;
            }
            default -> { }
        }
        var h = ex.getResponseHeaders();
        h.add("X-Repo-Commit", COMMIT);
        h.add("X-Linked-Etag", "\"" + sha + "\"");
        h.add("X-Linked-Size", Long.toString(file.length));
        h.add("ETag", "\"0000000000000000000000000000000000000000\""); // the pointer's, not the file's
        String location = (fileServerRedirects ? "/hop/" : "/files/") + sha;
        h.add("Location", absoluteRedirect ? "http://" + redirectHost + ":" + server.getAddress().getPort() + location
                : location);
        ex.sendResponseHeaders(302, -1);
    }

    private void serve(HttpExchange ex, byte[] file) throws IOException {
        if (!ex.getRequestMethod().equals("GET")) {
            ex.sendResponseHeaders(405, -1);
            return;
        }
        bodies.incrementAndGet();
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        fileAuthorizations.add(auth == null ? "" : auth);
        String range = ex.getRequestHeaders().getFirst("Range");
        ranges.add(range == null ? "" : range);
        if (mode == Mode.FILE_SERVER_ERROR) {
            ex.sendResponseHeaders(503, -1);
            return;
        }
        byte[] body = file;
        if (mode == Mode.WRONG_BYTES) {
            body = file.clone();
            body[body.length - 1] ^= 1;
        }
        int from = 0;
        if (range != null && honourRange && range.startsWith("bytes=") && range.endsWith("-")) {
            from = Integer.parseInt(range.substring(6, range.length() - 1));
            ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
        }
        int end = mode == Mode.TRUNCATED ? body.length / 2 : body.length;
        int length = Math.max(0, end - from);
        ex.sendResponseHeaders(from > 0 ? 206 : 200, length);
        OutputStream out = ex.getResponseBody();
        int stopAt = mode == Mode.DROP_HALFWAY ? from + length / 2 : end;
        for (int i = from; i < stopAt; i += 8192) {
            if (stallAfter >= 0 && i >= stallAfter) {
                sleep(60_000); // stalls until the test's server is stopped
            }
            out.write(body, i, Math.min(8192, stopAt - i));
            out.flush();
            sleep(chunkDelayMillis);
        }
        // DROP_HALFWAY: closing with bytes missing makes the server drop the connection
    }

    private static void sleep(long ms) {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
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
