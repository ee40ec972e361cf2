"""A local static server and Debian's Chromium via Playwright, with axe-core: for the
browser tests and `planpub check`."""

from __future__ import annotations

import functools
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path

from generator.quality.tools import MissingTool

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@contextmanager
def serve_directory(root: Path, prefix: str = "", headers: dict[str, str] | None = None):
    """Serve `root` on 127.0.0.1 (optionally under a path prefix, with extra response
    headers); yields the base URL. A missing file gets the site's 404.html with status 404,
    as a configured web server does."""
    directory = str(root)
    not_found = Path(root) / "404.html"

    class Handler(_QuietHandler):
        def end_headers(self):
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            super().end_headers()

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
        raise MissingTool("chromium", "chromium")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


# The accessibility rules checked: WCAG 2.2 A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_script() -> Path:
    try:
        import axe_playwright_python
    except ImportError:
        raise MissingTool("axe-core (axe-playwright-python)", "pip_check") from None
    return Path(axe_playwright_python.__file__).parent / "axe.min.js"


@functools.lru_cache(maxsize=1)
def _axe_source() -> str:
    return axe_script().read_text(encoding="utf-8")


def add_axe(page) -> None:
    """Load axe-core into `page` with each document, before the page's own scripts (by the
    debugging protocol, so a Content-Security-Policy does not refuse it): it is then parsed
    while the page loads, not when axe_violations runs."""
    page.add_init_script(_axe_source())


def axe_violations(page) -> list[dict]:
    """axe-core's WCAG violations on an open Playwright page: rule, help, first nodes.
    axe is evaluated by the browser's debugging protocol, not added as a script tag: a page
    served with the documented Content-Security-Policy refuses inline scripts, rightly."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(_axe_source())
    # Only violations are collected: gathering the nodes that pass takes axe as long again.
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
                           " resultTypes: ['violations']})", WCAG_TAGS)
    return [{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:3]}
            for v in result["violations"]]


def sync_playwright():
    try:
        from playwright.sync_api import sync_playwright as start
    except ImportError:
        raise MissingTool("playwright", "pip_check") from None
    return start()
