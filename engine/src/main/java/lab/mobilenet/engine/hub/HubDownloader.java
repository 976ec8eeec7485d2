package lab.mobilenet.engine.hub;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.mobilenet.engine.runtime.CancellationToken;

/**
 * Downloads a {@code model.safetensors} from the hub (or a mirror) into the {@link HubCache}, the way
 * {@code huggingface_hub} does: metadata from the hub's first answer ({@link HubHttp}), then, holding the blob's
 * lock, the bytes into {@code blobs/<sha>.<id>.incomplete} (resuming a partial file with an HTTP Range request),
 * checked against the announced size and SHA-256 and the pinned hash, and only then renamed into place.
 *
 * <p>What can be left behind by a failure: at most one {@code .incomplete} file, which the next attempt resumes
 * (after a dropped connection) or which is deleted (wrong bytes). Nothing in {@code blobs/<sha>},
 * {@code snapshots/} or {@code refs/} is ever written before the check passes.
 */
public final class HubDownloader {

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hub-download-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final HubConfig config;
    private final HubCache cache;
    private final HubHttp http;

    public HubDownloader(HubConfig config) {
        this.config = config;
        this.cache = new HubCache(config.cache());
        this.http = new HubHttp(config);
    }

    public HubCache cache() {
        return cache;
    }

    public HubConfig config() {
        return config;
    }

    /**
     * The cached file of {@code source}, downloading it first when it is not cached (or when its revision is a
     * branch that may have moved). Offline ({@code HF_HUB_OFFLINE}) it only looks in the cache; when the hub
     * cannot be reached and the revision is cached, the cached file is returned, as the hub library does.
     *
     * @param listener hears progress on this thread (a cached file reports nothing)
     * @param cancel   checked while downloading; a cancelled download keeps its partial file for resuming
     */
    public CachedFile download(HubSource source, DownloadProgress.Listener listener, CancellationToken cancel)
            throws HubException {
        Optional<CachedFile> cached = cache.find(source);
        if (config.offline()) {
            return cached.orElseThrow(() -> new HubException(HubException.Kind.OFFLINE, source
                    + " is not in the cache " + cache.root() + " and HF_HUB_OFFLINE is set: unset it to download, "
                    + "or import the file"));
        }
        if (cached.isPresent() && HubSource.isCommit(source.revision())) {
            return cached.get(); // a commit never changes: no need to ask
        }
        RemoteFile remote;
        try {
            remote = http.metadata(source);
        } catch (HubException e) {
            if (e.kind() == HubException.Kind.CONNECTION && cached.isPresent()) {
                return cached.get();
            }
            throw e;
        }
        if (source.pinnedSha256() != null && remote.etagIsSha256() && !remote.etag().equals(source.pinnedSha256())) {
            throw new HubException(HubException.Kind.CHECKSUM, source + ": the server announces SHA-256 "
                    + remote.etag() + " but this program expects " + source.pinnedSha256()
                    + "; a different file (check HF_ENDPOINT), nothing downloaded");
        }
        try (BlobLock lock = BlobLock.acquire(cache.lockFile(source, remote.etag()))) {
            if (!Files.isRegularFile(cache.blob(source, remote.etag()))) { // another process may have finished it
                fetchBlob(source, remote, listener, cancel);
            }
            return cache.link(source, remote.commit(), remote.etag());
        } catch (HubException e) {
            throw e;
        } catch (IOException e) {
            throw HubException.local(source + ": cannot write the cache " + cache.root(), e);
        }
    }

    /** Holding the blob's lock: the bytes into our own {@code .incomplete}, checked, renamed to the blob. */
    private void fetchBlob(HubSource s, RemoteFile remote, DownloadProgress.Listener listener, CancellationToken cancel)
            throws IOException {
        Files.createDirectories(cache.blobs(s));
        Path mine = cache.blobs(s).resolve(remote.etag() + "." + UUID.randomUUID().toString().substring(0, 8) + ".incomplete");
        adoptPartial(s, remote, mine);
        for (int attempt = 0; ; attempt++) {
            long have = Files.exists(mine) ? Files.size(mine) : 0;
            if (remote.size() >= 0 && have > remote.size()) {
                Files.delete(mine); // longer than the file: not a prefix of it
                have = 0;
            }
            Outcome o = transfer(s, remote, mine, have, listener, cancel);
            if (o == Outcome.RESTART && attempt == 0) {
                Files.deleteIfExists(mine);
                continue;
            }
            break;
        }
        verify(s, remote, mine);
        cache.publish(s, remote.commit(), remote.etag(), mine);
    }

    /** Takes over the largest partial file of this blob (any process's; we hold the lock) and deletes the rest. */
    private void adoptPartial(HubSource s, RemoteFile remote, Path mine) throws IOException {
        List<Path> partials = cache.incompletes(s, remote.etag());
        Optional<Path> best = partials.stream().max(Comparator.comparingLong(HubDownloader::sizeOrZero));
        for (Path p : partials) {
            if (best.isPresent() && p.equals(best.get())) {
                Files.move(p, mine, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(p); // stale: a crashed or cancelled attempt
            }
        }
    }

    private enum Outcome { DONE, RESTART }

    private Outcome transfer(HubSource s, RemoteFile remote, Path part, long have, DownloadProgress.Listener listener,
                             CancellationToken cancel) throws IOException {
        java.net.URI uri = remote.download();
        HttpResponse<InputStream> r;
        int code;
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder b = http.request(uri).GET(); // the token only goes to the hub's own host
            if (have > 0) {
                b.header("Range", "bytes=" + have + "-");
            }
            r = http.send(b.timeout(config.connectTimeout()).build(), HttpResponse.BodyHandlers.ofInputStream(), s);
            code = r.statusCode();
            Optional<String> next = r.headers().firstValue("Location");
            if (code < 300 || code >= 400 || next.isEmpty()) {
                break;
            }
            r.body().close();
            if (hop == 4) {
                throw new HubException(HubException.Kind.PROTOCOL, s + ": the file server redirects more than 5 times");
            }
            uri = uri.resolve(next.get()); // file servers may redirect again (storage, a mirror's CDN)
        }
        boolean append;
        if (code == 206 && have > 0) {
            Matcher m = CONTENT_RANGE.matcher(r.headers().firstValue("Content-Range").orElse(""));
            if (!m.matches() || Long.parseLong(m.group(1)) != have) {
                r.body().close();
                return Outcome.RESTART; // not the range we asked for: start again from zero
            }
            append = true;
        } else if (code == 200) {
            append = false; // the server ignored the range: start again from zero
        } else if (code == 416 && have > 0) {
            r.body().close();
            return Outcome.RESTART;
        } else {
            r.body().close();
            throw http.failure(s, code, r.headers().firstValue("X-Error-Code").orElse(null));
        }
        long total = remote.size() >= 0 ? remote.size()
                : append ? -1 : r.headers().firstValue("Content-Length").map(Long::parseLong).orElse(-1L);
        stream(s, r.body(), part, append ? have : 0, total, listener, cancel);
        return Outcome.DONE;
    }

    /** Copies the body into {@code part} from {@code start}, watching for cancellation and silence. */
    private void stream(HubSource s, InputStream body, Path part, long start, long total,
                        DownloadProgress.Listener listener, CancellationToken cancel) throws IOException {
        AtomicLong lastByte = new AtomicLong(System.nanoTime());
        AtomicBoolean timedOut = new AtomicBoolean();
        long timeoutNanos = config.readTimeout().toNanos();
        // a blocked read cannot see a flag: the watchdog closes the stream, which ends the read
        ScheduledFuture<?> watchdog = WATCHDOG.scheduleAtFixedRate(() -> {
            boolean silent = System.nanoTime() - lastByte.get() > timeoutNanos;
            if (cancel.isCancelled() || silent) {
                timedOut.set(silent && !cancel.isCancelled());
                closeQuietly(body);
            }
        }, 50, 50, TimeUnit.MILLISECONDS);
        long done = start;
        long began = System.nanoTime();
        long lastReport = 0;
        try (body; FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            if (start == 0) {
                out.truncate(0);
            }
            out.position(start);
            byte[] buf = new byte[1 << 16];
            while (true) {
                if (cancel.isCancelled()) {
                    throw cancelled(s, done, total);
                }
                int n;
                try {
                    n = body.read(buf);
                } catch (IOException e) {
                    if (cancel.isCancelled()) {
                        throw cancelled(s, done, total);
                    }
                    throw new HubException(HubException.Kind.CONNECTION, s + ": "
                            + (timedOut.get() ? "no data for " + config.readTimeout().toSeconds() + " s" : "the connection dropped")
                            + " after " + done + (total >= 0 ? " of " + total : "") + " bytes; run it again to resume", e);
                }
                if (n < 0) {
                    break;
                }
                lastByte.set(System.nanoTime());
                if (total >= 0 && done + n > total) {
                    throw new HubException(HubException.Kind.CHECKSUM, s + ": the server sent more than the announced "
                            + total + " bytes; nothing was kept");
                }
                try {
                    ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                    while (bb.hasRemaining()) {
                        out.write(bb);
                    }
                } catch (IOException e) {
                    throw HubException.local(s + ": cannot write " + part, e);
                }
                done += n;
                long now = System.nanoTime();
                if (now - lastReport > 100_000_000L) {
                    lastReport = now;
                    listener.progress(new DownloadProgress(done, total, rate(done - start, now - began)));
                }
            }
            out.force(true); // on disk before it is renamed into place
        } catch (HubException e) {
            if (e.kind() == HubException.Kind.CHECKSUM) {
                Files.deleteIfExists(part);
            }
            throw e;
        } finally {
            watchdog.cancel(false);
        }
        listener.progress(new DownloadProgress(done, total, rate(done - start, System.nanoTime() - began)));
        if (total >= 0 && done < total) {
            throw new HubException(HubException.Kind.TRUNCATED, s + ": the download ended after " + done + " of "
                    + total + " bytes; run it again to resume");
        }
    }

    /** Size and hashes; on any mismatch the bytes are deleted (they cannot be resumed into a good file). */
    private static void verify(HubSource s, RemoteFile remote, Path part) throws IOException {
        long size = Files.size(part);
        if (remote.size() >= 0 && size != remote.size()) {
            throw new HubException(HubException.Kind.TRUNCATED, s + ": downloaded " + size + " bytes, the hub announced "
                    + remote.size() + "; run it again");
        }
        if (!remote.etagIsSha256() && s.pinnedSha256() == null) {
            return; // a small non-LFS file: git's blob id, nothing more to check it against
        }
        String got = Sha256.of(part);
        String expected = remote.etagIsSha256() ? remote.etag() : s.pinnedSha256();
        if (!got.equals(expected) || (s.pinnedSha256() != null && !got.equals(s.pinnedSha256()))) {
            Files.deleteIfExists(part);
            throw new HubException(HubException.Kind.CHECKSUM, s + ": the downloaded bytes have SHA-256 " + got
                    + ", expected " + (s.pinnedSha256() != null ? s.pinnedSha256() : expected)
                    + "; nothing was kept, try again (or another mirror)");
        }
    }

    private static HubException cancelled(HubSource s, long done, long total) {
        return new HubException(HubException.Kind.CANCELLED, s + ": cancelled after " + done
                + (total >= 0 ? " of " + total : "") + " bytes (the next download resumes)");
    }

    private static double rate(long bytes, long nanos) {
        return nanos <= 0 ? 0 : bytes * 1e9 / nanos;
    }

    private static long sizeOrZero(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException ignored) {
            // the reader sees the stream end and reports why
        }
    }
}
