"""planpub import: read an edited workbook (or CSV files) back into the working copy.

Nothing is written unless the whole workbook is valid: problems are listed by sheet,
row and column, including those found by the normal content checks afterwards.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from generator.validate import load_valid_site
from generator.staff.serialize import write_content
from generator.staff.tableio import TableFileError, read_csv, read_xlsx
from generator.staff.sheets import from_tables
from generator.staff.sheets.table import CellProblem
from generator.adapters.cli.common import add_workbook_arguments, load_or_report, working_plan
from generator.staff.import_mapping import locate_problem
from generator.i18n import msg


def add_arguments(parser) -> None:
    add_workbook_arguments(parser, msg("cli_help.import.xlsx"), msg("cli_help.import.csv"))


def report_cells(problems: list[CellProblem]) -> None:
    for p in sorted(problems, key=lambda p: (p.sheet, p.row, p.column)):
        column = msg("cli.cell_column", column=p.column) if p.column else ""
        print(msg("cli.cell_problem", sheet=p.sheet, row=p.row, column=column, message=p.message), file=sys.stderr)
    print(msg("cli.import_problems_total", count=len(problems)), file=sys.stderr)


def run(args) -> int:
    content_root = args.content.resolve()
    result = load_or_report(args.content)
    if result is None:
        return 1
    plan = working_plan(result, args.plan)
    if plan is None:
        return 1
    print(msg("cli.reading"), flush=True)
    try:
        tables = read_xlsx(args.xlsx) if args.xlsx else read_csv(args.csv)
    except TableFileError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    statuses = [s.name for s in (plan.working.statuses or result.site.statuses)]
    initiatives, plan_kpis, problems = from_tables(tables, plan.working, statuses)
    if problems:
        report_cells(problems)
        return 1
    new_content = replace(plan.working, initiatives=initiatives, kpis=plan_kpis)

    # Check the result exactly as `validate` would, in a scratch copy of the content.
    print(msg("cli.checking_short"), flush=True)
    scratch = Path(tempfile.mkdtemp(prefix="planpub-import-"))
    try:
        scratch_root = scratch / "content"
        shutil.copytree(content_root, scratch_root)
        scratch_working = scratch_root / "plans" / args.plan / "working"
        _write_working(new_content, scratch_working, scratch_root)
        checked = load_valid_site(scratch_root)
        if checked.problems:
            cells = [locate_problem(p, args.plan, tables, new_content) for p in checked.problems]
            report_cells(cells)
            return 1
        # All good: swap the new working copy into place.
        working = content_root / "plans" / args.plan / "working"
        staging = Path(tempfile.mkdtemp(prefix=".working-new-", dir=working.parent))
        _write_working(new_content, staging, content_root)
        old = working.with_name(f".working-old-{staging.name[-8:]}")
        working.rename(old)
        staging.rename(working)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(msg("cli.imported", path=working, count=len(initiatives)))
    return 0


def _write_working(content, directory: Path, content_root: Path) -> None:
    if directory.exists():
        for part in ("plan.yml", "initiatives"):
            target = directory / part
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
    write_content(content, directory, content_root)
