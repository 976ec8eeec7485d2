package lab.mobilenet.engine.hub;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Optional;

/**
 * The hub's HTTP protocol: one {@code HEAD} that reads the file's metadata from the hub's own answer (not the
 * file server's), without following the redirect to the file server automatically; and the mapping of every
 * failure status to a {@link HubException} with one line that says what to do.
 */
final class HubHttp {

    private static final int MAX_HOPS = 5;

    private final HubConfig config;
    private HttpClient client;

    HubHttp(HubConfig config) {
        this.config = config;
    }

    /**
     * Built on the first request, not with the downloader: building one sets up TLS (about half a second of a
     * cold start), and the app creates its downloader while it builds the window.
     */
    synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER) // the first redirect carries the hub's headers
                    .connectTimeout(config.connectTimeout())
                    .build();
        }
        return client;
    }

    /** A request with the user agent and, for the hub's own host only, the token. */
    HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("User-Agent", "mobilenet-lab/0.1 (java)");
        if (config.token() != null && sameHost(uri, config.endpoint())) {
            b.header("Authorization", "Bearer " + config.token()); // never sent on to another host (the file server)
        }
        return b;
    }

    /** Asks the hub what {@code source}'s file is: commit, hash, size, and where to download it from. */
    RemoteFile metadata(HubSource source) throws HubException {
        URI url = config.resolveUrl(source);
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            HttpRequest req = request(url).method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .timeout(config.connectTimeout()).build();
            HttpResponse<Void> r = send(req, HttpResponse.BodyHandlers.discarding(), source);
            int code = r.statusCode();
            Optional<String> location = r.headers().firstValue("Location");
            String linkedEtag = unquote(r.headers().firstValue("X-Linked-Etag").orElse(null));
            String commit = r.headers().firstValue("X-Repo-Commit").orElse(null);
            if (code >= 300 && code < 400) {
                if (location.isEmpty()) {
                    throw new HubException(HubException.Kind.PROTOCOL, source + ": redirect " + code + " without a Location");
                }
                URI next = url.resolve(location.get());
                if (linkedEtag != null) {
                    return remote(source, commit, linkedEtag, size(r, "X-Linked-Size"), next);
                }
                if (URI.create(location.get()).isAbsolute() && !sameHost(next, url)) {
                    throw new HubException(HubException.Kind.PROTOCOL, source + ": " + url.getHost()
                            + " redirects to " + next.getHost() + " without the hub's X-Linked-Etag header: not a hub or mirror?");
                }
                url = next; // a renamed repository: the hub redirects relatively, follow it
                continue;
            }
            if (code == 200) {
                String etag = linkedEtag != null ? linkedEtag : unquote(r.headers().firstValue("ETag").orElse(null));
                long size = linkedEtag != null ? size(r, "X-Linked-Size") : size(r, "Content-Length");
                return remote(source, commit, etag, size, url);
            }
            throw failure(source, code, r.headers().firstValue("X-Error-Code").orElse(null));
        }
        throw new HubException(HubException.Kind.PROTOCOL, source + ": more than " + MAX_HOPS + " redirects");
    }

    private static RemoteFile remote(HubSource s, String commit, String etag, long size, URI download) throws HubException {
        if (commit == null || !commit.matches("[0-9a-f]{40}")) {
            throw new HubException(HubException.Kind.PROTOCOL, s + ": the server sent no X-Repo-Commit header: not a hub or mirror?");
        }
        if (etag == null || !etag.matches("[0-9a-f]{40}|[0-9a-f]{64}")) {
            throw new HubException(HubException.Kind.PROTOCOL, s + ": the server sent no usable ETag for the file");
        }
        return new RemoteFile(commit, etag, size, download);
    }

    /** Sends, turning network failures into {@link HubException.Kind#CONNECTION}. */
    <T> HttpResponse<T> send(HttpRequest req, HttpResponse.BodyHandler<T> body, HubSource s) throws HubException {
        try {
            return client().send(req, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubException(HubException.Kind.CANCELLED, s + ": interrupted", e);
        } catch (HttpTimeoutException e) {
            throw new HubException(HubException.Kind.CONNECTION, s + ": " + req.uri().getHost()
                    + " did not answer within " + config.connectTimeout().toSeconds() + " s; try again, or a mirror (HF_ENDPOINT)", e);
        } catch (ConnectException | UnresolvedAddressException e) {
            throw new HubException(HubException.Kind.CONNECTION, s + ": cannot reach " + req.uri().getHost()
                    + " (no network? behind a firewall, set HF_ENDPOINT to a mirror; HF_HUB_OFFLINE=1 uses cached files only)", e);
        } catch (IOException e) {
            throw new HubException(HubException.Kind.CONNECTION, s + ": connection to " + req.uri().getHost()
                    + " failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    /** The exception for a status that is not a good answer. */
    HubException failure(HubSource s, int code, String hubError) {
        String why = hubError == null ? "" : " (" + hubError + ")";
        if (code == 401 || code == 403) {
            return new HubException(HubException.Kind.UNAUTHORIZED, s + ": refused, HTTP " + code + why
                    + (config.token() == null ? "; a gated or private repository needs HF_TOKEN" : "; HF_TOKEN was not accepted"));
        }
        if (code == 404) {
            return new HubException(HubException.Kind.NOT_FOUND, s + ": not found on " + config.endpoint().getHost()
                    + ", HTTP 404" + why + "; check the repository and revision");
        }
        if (code == 429) {
            return new HubException(HubException.Kind.SERVER, s + ": too many requests (HTTP 429); wait a minute and try again");
        }
        return new HubException(HubException.Kind.SERVER, s + ": " + config.endpoint().getHost() + " answered HTTP "
                + code + why + (code >= 500 ? "; the server has a problem, try again later" : ""));
    }

    private static long size(HttpResponse<?> r, String header) {
        try {
            return r.headers().firstValue(header).map(String::trim).map(Long::parseLong).orElse(-1L);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code "abc"} and {@code W/"abc"} → {@code abc}, lower case. */
    static String unquote(String etag) {
        if (etag == null) {
            return null;
        }
        String e = etag.trim();
        if (e.startsWith("W/")) {
            e = e.substring(2);
        }
        if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")) {
            e = e.substring(1, e.length() - 1);
        }
        return e.toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean sameHost(URI a, URI b) {
        return a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort()
                && java.util.Objects.equals(a.getScheme(), b.getScheme());
    }
}
