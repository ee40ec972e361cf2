"""planpub export: the plan's working copy as an Excel workbook (or CSV files) for staff."""

from __future__ import annotations

import sys
from pathlib import Path

from generator.staff.tableio import write_csv, write_xlsx
from generator.staff.export_record import record_table
from generator.staff.sheets import to_tables
from generator.adapters.cli.common import add_workbook_arguments, load_or_report, working_plan
from generator.i18n import msg


def add_arguments(parser) -> None:
    add_workbook_arguments(parser, msg("cli_help.export.xlsx"), msg("cli_help.export.csv"))


def run(args) -> int:
    result = load_or_report(args.content)
    if result is None:
        return 1
    plan = working_plan(result, args.plan)
    if plan is None:
        return 1
    statuses = [s.name for s in (plan.working.statuses or result.site.statuses)]
    working = next(loaded.working.directory for loaded in result.plans if loaded.plan.id == args.plan)
    # What it was made from (hidden): the import refuses to undo what changed since.
    tables = [*to_tables(plan.working, statuses), record_table(args.plan, working, plan.working)]
    if args.xlsx:
        write_xlsx(tables, args.xlsx)
        print(msg("cli.exported", path=args.xlsx, count=len(plan.working.initiatives)))
    else:
        for path in write_csv(tables, args.csv):
            print(msg("cli.written", path=path))
    return 0
