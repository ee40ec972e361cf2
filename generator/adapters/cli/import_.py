"""planpub import: read an edited workbook (or CSV files) back into the working copy.

Nothing is written unless the whole workbook is valid: problems are listed by sheet,
row and column, including those found by the normal content checks afterwards. Then the
changes are shown (added, removed, changed, per initiative, as `planpub release` shows
them) and written only once confirmed (`--yes` for scripts). Only files whose data
changed are written, and in them only the changed values: comments, hand-written style
and everything else in the working folder (chapters, figures/) stay as they are.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from generator.adapters.cli.common import add_workbook_arguments, confirmed, load_or_report, working_plan
from generator.adapters.cli.diff import format_diff
from generator.adapters.cli.oserrors import explain
from generator.i18n import msg
from generator.model.diff import diff_contents
from generator.staff.export_record import merge, read_record, sheet_name as record_sheet
from generator.staff.import_mapping import locate_problem, row_of
from generator.staff.sheets import from_tables, themes_from_tables
from generator.staff.sheets.table import CellProblem, column, error, sheet_name
from generator.staff.tableio import TableFileError, read_csv, read_workbook
from generator.staff.working_update import apply_writes, planned_writes
from generator.validate import load_valid_site


def add_arguments(parser) -> None:
    add_workbook_arguments(parser, msg("cli_help.import.xlsx"), msg("cli_help.import.csv"))
    parser.add_argument("--yes", action="store_true", help=msg("cli_help.import.yes"))
    parser.add_argument("--skip-changed", action="store_true", help=msg("cli_help.import.skip_changed"))


def report_cells(problems: list[CellProblem], total: bool = True) -> None:
    for p in sorted(problems, key=lambda p: (p.sheet, p.row, p.column)):
        column = msg("cli.cell_column", column=p.column) if p.column else ""
        key = "cli.cell_note" if p.note else "cli.cell_problem"
        print(msg(key, sheet=p.sheet, row=p.row, column=column, message=p.message), file=sys.stderr)
    if total:
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
        tables = read_workbook(args.xlsx) if args.xlsx else read_csv(args.csv)
    except TableFileError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    statuses = [s.name for s in (plan.working.statuses or result.site.statuses)]
    notes: list[CellProblem] = []
    initiatives, plan_kpis, problems = from_tables(tables, plan.working, statuses, notes,
                                                   extra_sheets=(record_sheet(),))
    plan_themes, theme_problems = themes_from_tables(tables, plan.working)
    problems += theme_problems
    record = read_record(tables)
    if record is None:
        problems.append(CellProblem(record_sheet(), 1, "", error("no_record", sheet=record_sheet())))
    elif record.plan_id != args.plan:
        problems.append(CellProblem(record_sheet(), 1, "", error("other_plan", exported=record.plan_id,
                                                                 plan=args.plan)))
    if problems:
        report_cells(problems)
        return 1
    report_cells(notes, total=False)
    new_content = replace(plan.working, initiatives=initiatives, kpis=plan_kpis, themes=plan_themes)
    working = content_root / "plans" / args.plan / "working"
    writes = planned_writes(plan.working, new_content, working, content_root)
    merged = merge(record, plan.working, new_content, working)
    for conflict in merged.kept:
        report_cells([_conflict_cell(conflict, record, tables, plan.working, new_content, kept=True)], total=False)
    if merged.conflicts:
        report_cells([_conflict_cell(c, record, tables, plan.working, new_content) for c in merged.conflicts],
                     total=False)
        if not args.skip_changed:
            print(msg("cli.import_conflicts", count=len(merged.conflicts), command=_export_command(args)),
                  file=sys.stderr)
            return 1
        print(msg("cli.import_skipped", count=len(merged.conflicts), command=_export_command(args)), file=sys.stderr)
    new_content = merged.content
    writes = planned_writes(plan.working, new_content, working, content_root)
    if not writes:
        print(msg("cli.import_unchanged"))
        return 0
    try:
        if not _checked(content_root, args.plan, writes, tables, new_content):
            return 1
        print(format_diff(diff_contents(plan.working, new_content), msg("cli.import_before"),
                          msg("cli.import_after"), plan.working, new_content))
        if not confirmed(args.yes, "cli.import_needs_yes", "cli.import_confirm"):
            return 1
        apply_writes(working, writes)
    except OSError as exc:
        print(msg("cli.import_failed", error=explain(exc)), file=sys.stderr)
        return 1
    print(msg("cli.imported", path=working, count=len(initiatives), files=len(writes)))
    return 0


def _conflict_cell(conflict, record, tables, old, new, kept: bool = False) -> CellProblem:
    """A file changed since the export, named by its initiative's row on the 取組 sheet:
    refused (changed here too), or `kept` as the colleague left it (a note)."""
    if conflict.initiative_id is None:
        key = "plan_kept_since_export" if kept else "plan_changed_since_export"
        return CellProblem(record_sheet(), 1, "", error(key, exported=record.exported_at), note=kept)
    initiative = next((i for c in (old, new) for i in c.initiatives if i.id == conflict.initiative_id), None)
    title = initiative.title if initiative else conflict.initiative_id
    key = f"{conflict.how}_{'kept' if kept else 'since'}_export"
    sheet = sheet_name("initiatives")
    return CellProblem(sheet, row_of(tables, sheet, column("id"), conflict.initiative_id), column("id"),
                       error(key, title=title, path=f"working/{conflict.path}", exported=record.exported_at),
                       note=kept)


def _export_command(args) -> str:
    target = f"--xlsx {args.xlsx.with_name(args.xlsx.stem + '-new.xlsx')}" if args.xlsx else \
        f"--csv {args.csv.with_name(args.csv.name + '-new')}"
    content = "" if args.content == Path("content") else f" --content {args.content}"
    return f"planpub export {args.plan} {target}{content}"


def _checked(content_root: Path, plan_id: str, writes, tables, new_content) -> bool:
    """The result checked exactly as `validate` would, in a scratch copy of the content."""
    print(msg("cli.checking_short"), flush=True)
    scratch = Path(tempfile.mkdtemp(prefix="planpub-import-"))
    try:
        scratch_root = scratch / "content"
        shutil.copytree(content_root, scratch_root, symlinks=True)
        apply_writes(scratch_root / "plans" / plan_id / "working", writes)
        checked = load_valid_site(scratch_root)
        if checked.problems:
            report_cells([locate_problem(p, plan_id, tables, new_content) for p in checked.problems])
            return False
        return True
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
