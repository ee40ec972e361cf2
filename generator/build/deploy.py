"""Facts a web administrator needs to serve site/: the security headers it works under and
how long each file may be cached.

'wasm-unsafe-eval' lets the Pagefind search run its WebAssembly; nothing inline is allowed.
Kept in code (not only in the README) so the tests enforce exactly what the README
documents: the browser tests run under this policy, and the deployment test
(tests/test_deploy_servers.py) serves the site with the README's own nginx and Apache
configuration and checks every response against these values.
"""

from __future__ import annotations

import re

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'self'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}

# A file whose name changes whenever its bytes do never needs to be asked for again;
# everything else is revalidated on every use (a cheap 304 when unchanged), so a new 版
# and new styles show at once and old and new files are never mixed.
CACHE_FOREVER = "public, max-age=31536000, immutable"
CACHE_REVALIDATE = "no-cache"
# The content-hashed names: planpub's styles and scripts (render/assets.py:
# planpub.3f2a9c1e.css), mkdocs-material's (bundle.a5f9d56c.min.js) and Pagefind's index
# chunks (fragment/ja_1035b94.pf_fragment). The README's server rules use this pattern.
CONTENT_HASHED = re.compile(r"\.[0-9a-f]{8}(\.min)?\.(css|js)$|\.pf_(fragment|index|filter|meta)$")


def cache_control(path: str) -> str:
    """The Cache-Control a file of the site should be served with."""
    return CACHE_FOREVER if CONTENT_HASHED.search(path) else CACHE_REVALIDATE
