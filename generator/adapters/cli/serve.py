"""planpub serve: preview the site with live reload while editing content/ or theme/."""

from __future__ import annotations

import sys
from pathlib import Path
from generator.adapters.mkdocs.logs import quiet_mkdocs
from generator.adapters.mkdocs.serve import ServeError, serve
from generator.i18n import msg


def add_arguments(parser) -> None:
    parser.add_argument("--config", default="mkdocs.yml", type=Path, help=msg("cli_help.serve.config"))
    parser.add_argument("--addr", default="127.0.0.1:8000", help=msg("cli_help.serve.addr"))


def run(args) -> int:
    if not args.config.is_file():
        print(msg("cli.config_missing", path=args.config), file=sys.stderr)
        return 1
    quiet_mkdocs()
    print(msg("cli.serving", addr=args.addr), flush=True)
    try:
        serve(args.config, args.addr)
    except ServeError as exc:
        print(msg("cli.serve_failed", error=exc), file=sys.stderr)
        return 1
    return 0
