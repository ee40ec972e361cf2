"""Map a content problem found after an import back to the sheet, row and column it came from."""

from __future__ import annotations

import re

from generator.i18n import msg
from generator.model.fields import SheetLayout
from generator.model.kinds import kind_of
from generator.staff.sheets import initiatives, schedule
from generator.staff.sheets import themes as themes_sheet
from generator.staff.sheets.table import CellProblem, column, sheet_name


def row_of(tables, sheet: str, header: str, value: str) -> int:
    table = tables.get(sheet)
    if table is None or header not in table.header:
        return 1
    index = table.header.index(header)
    for number, row in enumerate(table.rows, start=2):
        if index < len(row) and row[index] is not None and str(row[index]).strip() == value:
            return number
    return 1


def locate_problem(problem, plan_id: str, tables, content) -> CellProblem:
    message = msg("workbook.errors.with_hint", message=problem.message, hint=problem.hint) if problem.hint \
        else problem.message
    plan_file = re.search(rf"plans/{re.escape(plan_id)}/(working/plan\.yml)$", problem.file)
    if plan_file:
        return _in_plan_file(problem, plan_file.group(1), message, tables, content)
    match = re.search(rf"plans/{re.escape(plan_id)}/working/initiatives/([^/]+)\.yml$", problem.file)
    if not match:
        return CellProblem(problem.file, problem.line or 0, problem.field, message)
    initiative_id = match.group(1)
    head, *rest = (problem.field or "").replace("[", ".").replace("]", "").split(".") or [""]
    field = content.fields[head] if head in content.fields else None
    if field is not None and kind_of(field.kind).own_sheet == "kpis" and rest:
        initiative = next((i for i in content.initiatives if i.id == initiative_id), None)
        index = int(rest[0]) if rest[0].isdigit() else 0
        kpi = initiative.kpis[index] if initiative and index < len(initiative.kpis) else None
        if kpi is not None and len(rest) > 2 and rest[1] in ("targets", "actuals"):
            values = sheet_name("kpi_values")
            return CellProblem(values, row_of(tables, values, column("kpi_id"), kpi.id), column("value"), message)
        if kpi is not None:
            kpis = sheet_name("kpis")
            return CellProblem(kpis, row_of(tables, kpis, column("kpi_id"), kpi.id), "", message)
    if field is not None and schedule.parts(field) and rest and rest[0].isdigit():
        sheet = sheet_name("schedule")
        name = schedule.parts(field)[0][1]   # the value itself, or a progress entry's status
        return CellProblem(sheet, row_of(tables, sheet, column("id"), initiative_id),
                           schedule.header(int(rest[0]), name), message)
    sheet = sheet_name("initiatives")
    if field is None:
        header = head
    elif field.sheet is SheetLayout.NUMBERED and rest and rest[0].isdigit():
        header = initiatives.numbered(field, int(rest[0]) + 1)
    else:
        header = field.table_label
    return CellProblem(sheet, row_of(tables, sheet, column("id"), initiative_id), header, message)


def _in_plan_file(problem, relative: str, message: str, tables, content) -> CellProblem:
    """A problem of plan.yml: a theme's own label on its row of the テーマの項目名 sheet; anything
    else by the file as staff know it (working/plan.yml), never the scratch copy checked."""
    path = re.fullmatch(r"themes((?:\[\d+\](?:\.children)?)+?)\.labels(\..*)?", problem.field or "")
    if path:
        theme, themes = None, content.themes
        for index in (int(i) for i in re.findall(r"\[(\d+)\]", path.group(1))):
            if theme is not None:
                themes = theme.children
            theme = themes[index] if index < len(themes) else None
            if theme is None:
                break
        if theme is not None:
            sheet = sheet_name(themes_sheet.KEY)
            return CellProblem(sheet, row_of(tables, sheet, column("theme_id"), theme.id), column("theme_labels"),
                               message)
    return CellProblem(relative, problem.line or 0, problem.field, message)
