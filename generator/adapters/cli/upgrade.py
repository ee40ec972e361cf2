"""planpub upgrade: declare the current content format in a plan's working copy."""

from __future__ import annotations

import sys
from pathlib import Path

from generator.adapters.cli.common import report
from generator.i18n import msg
from generator.staff.upgrade import UpgradeRefused, stated_format, upgrade_working
from generator.validate import load_valid_site


def add_arguments(parser) -> None:
    parser.add_argument("plan", help=msg("cli_help.common.plan"))
    parser.add_argument("--content", default="content", type=Path, help=msg("cli_help.common.content"))


def run(args) -> int:
    # The working copy is read as text, not validated first: a copy that already uses keys of
    # the newer format is exactly what needs upgrading (validate says so, and sends staff here).
    plan_dir = args.content / "plans" / args.plan
    plan_file = plan_dir / "working" / "plan.yml"
    if not plan_file.is_file():
        print(msg("cli.no_working", plan=args.plan), file=sys.stderr)
        return 1
    try:
        path = upgrade_working(plan_dir, stated_format(plan_file.read_text(encoding="utf-8")))
    except UpgradeRefused as refusal:
        print(str(refusal), file=sys.stderr)
        return 1
    except (OSError, UnicodeDecodeError) as error:
        print(msg("upgrade.unreadable", path=plan_file, error=error), file=sys.stderr)
        return 1
    print(msg("upgrade.done", path=path))
    checked = load_valid_site(args.content)
    if checked.problems:   # problems of their own, not of the format: listed, with how to fix each
        report(checked.problems)
        return 1
    return 0
