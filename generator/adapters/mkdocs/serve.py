"""The live-reloading preview (`planpub serve`): MkDocs' server, with the plugin building
the whole site, working copies included, on every change."""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.exceptions import MkDocsException


class ServeError(Exception):
    pass


def serve(config_file: Path, addr: str) -> None:
    try:
        mkdocs_serve(config_file=str(config_file), livereload=True, watch_theme=True, dev_addr=addr)
    except MkDocsException as exc:
        raise ServeError(str(exc)) from None
