"""Facts a web administrator needs to serve site/: the security headers it works under.

Kept in code (not only in the README) so the browser tests enforce exactly the policy
the README documents; a test checks the two agree.
"""

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'self'"
)
