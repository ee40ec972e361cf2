"""Map a content problem found after an import back to the sheet, row and column it came from."""

from __future__ import annotations

import re

from generator.model import fiscal
from generator.staff.workbook import (SHEET_INITIATIVES, SHEET_KPI_VALUES, SHEET_KPIS, SHEET_SCHEDULE, TEXT_HEADERS, YEAR_PARTS,
                        CellProblem)

FIELD_COLUMNS = {"number": "番号", "title": "取組名", "theme": "主なテーマ", "related_themes": "関連するテーマ",
                 "visions": "ビジョン", **TEXT_HEADERS}


def _row_of(tables, sheet: str, column: str, value: str) -> int:
    table = tables.get(sheet)
    if table is None or column not in table.header:
        return 1
    index = table.header.index(column)
    for number, row in enumerate(table.rows, start=2):
        if index < len(row) and row[index] is not None and str(row[index]).strip() == value:
            return number
    return 1


def locate_problem(problem, plan_id: str, tables, content) -> CellProblem:
    message = problem.message + (f"（{problem.hint}）" if problem.hint else "")
    match = re.search(rf"plans/{re.escape(plan_id)}/working/initiatives/([^/]+)\.yml$", problem.file)
    if match:
        initiative_id = match.group(1)
        head, *rest = (problem.field or "").replace("[", ".").replace("]", "").split(".") or [""]
        if head == "kpis" and rest:
            initiative = next((i for i in content.initiatives if i.id == initiative_id), None)
            index = int(rest[0]) if rest[0].isdigit() else 0
            kpi = initiative.kpis[index] if initiative and index < len(initiative.kpis) else None
            if kpi is not None and len(rest) > 2 and rest[1] in ("targets", "actuals"):
                return CellProblem(SHEET_KPI_VALUES, _row_of(tables, SHEET_KPI_VALUES, "KPI ID", kpi.id), "数値", message)
            if kpi is not None:
                return CellProblem(SHEET_KPIS, _row_of(tables, SHEET_KPIS, "KPI ID", kpi.id), "", message)
        if head in ("schedule", "annual_goals", "progress") and rest and rest[0].isdigit():
            part = {"schedule": "schedule", "annual_goals": "annual_goals"}.get(head, "status")
            label = dict(YEAR_PARTS)[part]
            return CellProblem(SHEET_SCHEDULE, _row_of(tables, SHEET_SCHEDULE, "取組ID", initiative_id),
                               f"{fiscal.fy_label(int(rest[0]))} {label}", message)
        row = _row_of(tables, SHEET_INITIATIVES, "取組ID", initiative_id)
        return CellProblem(SHEET_INITIATIVES, row, FIELD_COLUMNS.get(head, head), message)
    return CellProblem(problem.file, problem.line or 0, problem.field, message)
