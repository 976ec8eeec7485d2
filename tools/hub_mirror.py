#!/usr/bin/env python3
"""A local stand-in for the Hugging Face hub, for trying `weights download` without the internet.

Serves every `<model>*.safetensors` in DIR (model = mobilenetv1_100, mobilenetv2_100, mobilenetv3_large_100 or
mobilenetv3_small_100) the way huggingface.co serves an LFS file:

  HEAD/GET /timm/<model>.<tag>/resolve/<rev>/model.safetensors
      -> 302, X-Repo-Commit, X-Linked-Etag (the file's SHA-256), X-Linked-Size, Location: http://HOST/files/<sha256>
  GET /files/<sha256>  -> the bytes (honours `Range: bytes=N-`)

Usage: python3 tools/hub_mirror.py DIR [PORT]   then   HF_ENDPOINT=http://127.0.0.1:PORT java -jar ... weights download
Loopback only. Any tag and revision is accepted; the commit is derived from the file's hash.
"""
import hashlib
import http.server
import os
import re
import sys

MODELS = ("mobilenetv1_100", "mobilenetv2_100", "mobilenetv3_large_100", "mobilenetv3_small_100")


def index(folder):
    files = {}
    for name in sorted(os.listdir(folder)):
        for m in MODELS:
            if name.startswith(m) and name.endswith(".safetensors") and m not in files:
                path = os.path.join(folder, name)
                h = hashlib.sha256()
                with open(path, "rb") as f:
                    for chunk in iter(lambda: f.read(1 << 20), b""):
                        h.update(chunk)
                files[m] = (path, h.hexdigest(), os.path.getsize(path))
    return files


class Handler(http.server.BaseHTTPRequestHandler):
    files = {}

    def resolve(self):
        m = re.fullmatch(r"/timm/([a-z0-9_]+)(\.[A-Za-z0-9_.-]+)?/resolve/[^/]+/model\.safetensors", self.path)
        entry = self.files.get(m.group(1)) if m else None
        if entry is None:
            self.send_response(404)
            self.send_header("X-Error-Code", "EntryNotFound")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        _, sha, size = entry
        self.send_response(302)
        self.send_header("X-Repo-Commit", sha[:40])
        self.send_header("X-Linked-Etag", '"%s"' % sha)
        self.send_header("X-Linked-Size", str(size))
        # absolute, as the hub's redirect to its file server: huggingface_hub follows only relative ones itself
        self.send_header("Location", "http://%s/files/%s" % (self.headers.get("Host", "127.0.0.1"), sha))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self):
        self.do_GET(head=True)

    def do_GET(self, head=False):
        if "/resolve/" in self.path:
            self.resolve()
            return
        by_sha = {sha: (path, size) for path, sha, size in self.files.values()}
        entry = by_sha.get(self.path[len("/files/"):]) if self.path.startswith("/files/") else None
        if entry is None:
            self.send_error(404)
            return
        path, size = entry
        sha = self.path[len("/files/"):]
        start = 0
        rng = self.headers.get("Range")
        if rng and re.fullmatch(r"bytes=\d+-", rng):
            start = min(int(rng[6:-1]), size)
            self.send_response(206)
            self.send_header("Content-Range", "bytes %d-%d/%d" % (start, size - 1, size))
        else:
            self.send_response(200)
        self.send_header("Content-Length", str(size - start))
        # huggingface_hub follows a redirect that stays on the same host and reads the metadata here
        self.send_header("X-Repo-Commit", sha[:40])
        self.send_header("X-Linked-Etag", '"%s"' % sha)
        self.send_header("X-Linked-Size", str(size))
        self.end_headers()
        if head:
            return
        with open(path, "rb") as f:
            f.seek(start)
            for chunk in iter(lambda: f.read(1 << 16), b""):
                self.wfile.write(chunk)


def main():
    folder = sys.argv[1]
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 8765
    Handler.files = index(folder)
    for m, (path, sha, size) in Handler.files.items():
        print("%s: %s (%d bytes, sha256 %s)" % (m, path, size, sha), flush=True)
    http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


if __name__ == "__main__":
    main()
