"""Facts a web administrator needs to serve site/: the security headers it works under.

'wasm-unsafe-eval' lets the Pagefind search run its WebAssembly; nothing inline is allowed.
Kept in code (not only in the README) so the browser tests enforce exactly the policy
the README documents; a test checks the two agree.
"""

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'self'"
)
