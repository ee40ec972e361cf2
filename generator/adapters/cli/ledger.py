"""planpub ledger: write the first ledger of published 版 for plans frozen before ledgers."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from generator.adapters.cli.common import report
from generator.i18n import msg
from generator.load.ledger import frozen_dirs, ledger_path
from generator.load.problems import Problems
from generator.load.published import published_plans, read_record, record_path
from generator.staff.ledger import current_entries, staged_record, write_ledger
from generator.validate import load_valid_site


def add_arguments(parser) -> None:
    parser.add_argument("plan", nargs="*", help=msg("cli_help.ledger.plan"))
    parser.add_argument("--content", default="content", type=Path, help=msg("cli_help.ledger.content"))


def run(args) -> int:
    if not args.content.is_dir():
        print(msg("cli.content_missing", path=args.content), file=sys.stderr)
        return 1
    # Only content that validates is recorded: the ledger vouches for what is there now.
    result = load_valid_site(args.content)
    if result.problems or result.site is None:
        report(result.problems)
        print(msg("ledger.invalid_content", count=len(result.problems)), file=sys.stderr)
        return 1
    known = {loaded.plan.id: loaded.directory for loaded in result.plans}
    unknown = [plan for plan in args.plan if plan not in known]
    if unknown:
        print(msg("release.no_plan", plan=", ".join(unknown)), file=sys.stderr)
        return 1
    for plan_id in args.plan or sorted(known):
        plan_dir = known[plan_id]
        if ledger_path(plan_dir).exists():
            print(msg("ledger.exists", plan=plan_id, path=ledger_path(plan_dir)))
        elif not frozen_dirs(plan_dir):
            print(msg("ledger.nothing", plan=plan_id))
        else:
            entries = current_entries(plan_dir)
            print(msg("ledger.written", path=write_ledger(plan_dir, entries), count=len(entries)))
    # The record of plans with published 版, one level up: a plan folder deleted with its
    # ledger is noticed too. Plans are only ever added here.
    listed = [plan for plan, _ in read_record(args.content, Problems()) or []]
    plans = sorted(set(listed) | set(published_plans(args.content)))
    if plans != sorted(listed) or (plans and not record_path(args.content).exists()):
        os.replace(staged_record(args.content, plans), record_path(args.content))
        print(msg("ledger.record_written", path=record_path(args.content), count=len(plans)))
    return 0
