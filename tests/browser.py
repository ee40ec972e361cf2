"""Helpers for browser tests: a local static server and Debian's Chromium via Playwright."""

from __future__ import annotations

import functools
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@contextmanager
def serve_directory(root: Path, prefix: str = ""):
    """Serve `root` on 127.0.0.1 (optionally under a path prefix); yields the base URL.
    A missing file gets the site's 404.html with status 404, as a configured web server does."""
    directory = str(root)
    not_found = Path(root) / "404.html"

    class Handler(_QuietHandler):
        def translate_path(self, path):
            if prefix and path.startswith(prefix):
                path = path[len(prefix):] or "/"
            elif prefix:
                path = "/__outside_prefix__"
            return super().translate_path(path)

        def send_error(self, code, message=None, explain=None):
            if code != 404 or not not_found.is_file() or self.command != "GET":
                return super().send_error(code, message, explain)
            body = not_found.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=directory))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{prefix}/"
    finally:
        server.shutdown()
        server.server_close()


def launch(playwright):
    if not CHROMIUM.exists():
        raise RuntimeError("Debian chromium is required for browser tests: apt-get install chromium")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
