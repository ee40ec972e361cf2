#!/usr/bin/env python3
"""A static server for measurements that compresses like a real one (gzip for text).

    python3 bench/serve_gzip.py SITE_DIR PORT
"""

import functools
import gzip
import http.server
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from generator.pages import urls  # noqa: E402  (the site's addresses; needs nothing installed)

TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    def send_head(self):
        path = self.translate_path(self.path)
        if "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        ctype = self.guess_type(path)
        try:
            if path.endswith("/") or not ctype.startswith(TEXT_TYPES):
                raise IsADirectoryError
            with open(path, "rb") as handle:
                body = gzip.compress(handle.read(), mtime=0)
        except (IsADirectoryError, OSError):
            return super().send_head()
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        import io
        return io.BytesIO(body)

    def send_error(self, code, message=None, explain=None):
        # A missing address gets the site's 404 page, as a configured web server does.
        page = Path(self.directory) / urls.NOT_FOUND
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    site, port = sys.argv[1], int(sys.argv[2])
    http.server.ThreadingHTTPServer(("127.0.0.1", port),
                                    functools.partial(GzipHandler, directory=site)).serve_forever()
