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
    """Serve `root` on 127.0.0.1 (optionally under a path prefix); yields the base URL."""
    directory = str(root)

    class Handler(_QuietHandler):
        def translate_path(self, path):
            if prefix and path.startswith(prefix):
                path = path[len(prefix):] or "/"
            elif prefix:
                path = "/__outside_prefix__"
            return super().translate_path(path)

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
