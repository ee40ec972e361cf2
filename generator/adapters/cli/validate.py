"""planpub validate: check all content and list every problem at once."""

from __future__ import annotations

from pathlib import Path

from generator.adapters.cli.common import load_or_report
from generator.i18n import msg


def add_arguments(parser) -> None:
    parser.add_argument("--content", default="content", type=Path, help=msg("cli_help.validate.content"))


def run(args) -> int:
    result = load_or_report(args.content)
    if result is None:
        return 1
    plans = result.site.plans
    versions = sum(len(p.snapshot_versions) for p in plans)
    initiatives = sum(len(c.initiatives) for p in plans for c in p.snapshots.values())
    print(msg("cli.valid", plans=len(plans), versions=versions, initiatives=initiatives))
    return 0
