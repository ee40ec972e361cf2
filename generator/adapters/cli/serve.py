"""planpub serve: preview the site with live reload while editing content/ or theme/.

A port another program already uses is not an error: the next free one is taken, and
the preview says which address it is on."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

from generator.adapters.cli.build import PREVIEW_ADDRESS, find_config, preview_address
from generator.adapters.mkdocs.settings import SettingsError, read_settings
from generator.pages.urls import working_base
from generator.adapters.cli.oserrors import explain
from generator.adapters.mkdocs.logs import quiet_mkdocs
from generator.adapters.mkdocs.serve import ServeError, serve
from generator.i18n import msg

PORTS_TRIED = 20


def add_arguments(parser) -> None:
    parser.add_argument("--config", default="mkdocs.yml", type=Path, help=msg("cli_help.serve.config"))
    parser.add_argument("--content", default=None, type=Path, help=msg("cli_help.serve.content"))
    parser.add_argument("--addr", default=PREVIEW_ADDRESS, help=msg("cli_help.serve.addr"))


def run(args) -> int:
    found = find_config(args.config, args.content)
    if found is None:
        return 1
    config = found[0]
    host, _, port_text = args.addr.rpartition(":")
    if not port_text.isdigit() or not host:
        print(msg("cli.bad_addr", addr=args.addr), file=sys.stderr)
        return 2
    wanted = int(port_text)
    port = free_port(host, wanted)
    if port is None:
        print(msg("cli.ports_busy", host=host, first=wanted, last=wanted + PORTS_TRIED - 1), file=sys.stderr)
        return 1
    if port != wanted:
        print(msg("cli.port_busy", port=wanted, free=port), flush=True)
    quiet_mkdocs()
    addr = f"{host}:{port}"
    try:
        settings = read_settings(config)
        site_url, content = settings.site_url, args.content or settings.content_dir
    except SettingsError:
        site_url, content = "", args.content   # MkDocs says what is wrong with the file when it starts
    print(msg("cli.serving", url=preview_address(site_url, "", addr)), flush=True)
    plans = content / "plans" if content is not None and (content / "plans").is_dir() else None
    for plan in sorted(p.name for p in plans.iterdir() if (p / "working").is_dir()) if plans else []:
        print(msg("cli.serving_working", plan=plan, url=preview_address(site_url, working_base(plan), addr)))
    try:
        serve(config, addr, args.content.resolve() if args.content else None)
    except ServeError as exc:
        print(msg("cli.serve_failed", error=exc), file=sys.stderr)
        return 1
    except OSError as exc:
        print(msg("cli.serve_failed", error=explain(exc)), file=sys.stderr)
        return 1
    return 0


def free_port(host: str, first: int) -> int | None:
    """`first`, or the next port on `host` nothing listens on."""
    for port in range(first, first + PORTS_TRIED):
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            try:
                probe.bind((host, port))
            except OSError:
                continue
            return port
    return None
