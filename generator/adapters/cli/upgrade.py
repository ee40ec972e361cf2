"""planpub upgrade: declare the current content format in a plan's working copy."""

from __future__ import annotations

import sys
from pathlib import Path

from generator.adapters.cli.common import load_or_report, report
from generator.i18n import msg
from generator.staff.upgrade import UpgradeRefused, upgrade_working
from generator.validate import load_valid_site


def add_arguments(parser) -> None:
    parser.add_argument("plan", help=msg("cli_help.common.plan"))
    parser.add_argument("--content", default="content", type=Path, help=msg("cli_help.common.content"))


def run(args) -> int:
    result = load_or_report(args.content)
    if result is None:
        return 1
    plan = next((p for p in result.site.plans if p.id == args.plan), None)
    if plan is None or plan.working is None:
        print(msg("cli.no_working", plan=args.plan), file=sys.stderr)
        return 1
    try:
        path = upgrade_working(args.content / "plans" / args.plan, plan.working.format)
    except UpgradeRefused as refusal:
        print(str(refusal), file=sys.stderr)
        return 1
    checked = load_valid_site(args.content)
    if checked.problems:   # cannot happen for an additive format; say so rather than hide it
        report(checked.problems)
        return 1
    print(msg("upgrade.done", path=path))
    return 0
