"""The live-reloading preview (`planpub serve`): MkDocs' server, with the plugin building
the whole site, working copies included, on every change."""

from __future__ import annotations

import ipaddress
from pathlib import Path

from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.exceptions import MkDocsException

from generator.adapters.mkdocs import batches


class ServeError(Exception):
    pass


def serve(config_file: Path, addr: str, content_dir: Path | None = None) -> None:
    """Serve until interrupted; `content_dir` in place of the settings' content folder."""
    batches.content_override = content_dir
    try:
        mkdocs_serve(config_file=str(config_file), livereload=True, watch_theme=True, dev_addr=addr)
    except MkDocsException as exc:
        raise ServeError(str(exc)) from None


LOOPBACK_NAMES = {"localhost"}


def host_allowed(host_header: str, bound: str, port: int) -> bool:
    """Whether a request's Host names this preview: the address it listens on (or, on a
    loopback address, localhost), with its port. A page on another site that points its
    own name at this machine (DNS rebinding) sends its own name, and is refused: the preview
    shows the unpublished working copy."""
    name, _, given_port = host_header.strip().lower().rpartition(":") if not host_header.strip().endswith("]") \
        else (host_header.strip().lower(), "", "")
    if not name or (given_port and not given_port.isdigit()):
        name, given_port = host_header.strip().lower(), ""
    if (int(given_port) if given_port else 80) != port:
        return False
    name = name.strip("[]")
    bound = bound.strip("[]").lower()
    if name == bound:
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        address = None
    try:
        listening = ipaddress.ip_address(bound)
    except ValueError:
        listening = None
    if listening is not None and listening.is_unspecified:   # 0.0.0.0: any of this machine's addresses
        return address is not None or name in LOOPBACK_NAMES
    if listening is not None and listening.is_loopback:
        return name in LOOPBACK_NAMES or (address is not None and address.is_loopback)
    return False


def guard_hosts(server, refusal: bytes) -> None:
    """Answer only requests whose Host is this preview's own address (see `host_allowed`)."""
    app = server.get_app()
    bound, port = server.server_address[:2]

    def application(environ, start_response):
        if not host_allowed(environ.get("HTTP_HOST", ""), str(bound), int(port)):
            start_response("403 Forbidden", [("Content-Type", "text/plain; charset=utf-8")])
            return [refusal]
        return app(environ, start_response)

    server.set_app(application)
