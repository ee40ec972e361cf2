"""A plan's working copy as sheets laid out like a 個別業務一覧, and back (pure, no file I/O).

Sheets, one module each: 取組 (initiatives.py), スケジュール・進捗 (schedule.py), 複数年度の活動
(activities.py), KPI and KPIの値 (kpis.py), 選択肢 (choices.py, the dropdown lists). Which
columns they have comes from the field registry; their names from the locale catalogue.
Cells holding several items put one item per line; bullet items start with 「・」 so a
one-item list and a plain paragraph stay distinguishable (that keeps the round trip exact).
"""

from __future__ import annotations

from generator.model.plan import Initiative, Kpi, PlanContent
from generator.staff.sheets import activities, choices, initiatives, kpis, schedule
from generator.staff.sheets.headers import check_headers
from generator.staff.sheets.table import CellProblem, Table, error, sheet_name

SHEET_KEYS = ("initiatives", "schedule", "activities", "kpis", "kpi_values")


def to_tables(content: PlanContent, statuses: list[str]) -> list[Table]:
    kpi_table, value_table = kpis.write(content)
    return [initiatives.write(content), schedule.write(content), activities.write(content), kpi_table, value_table,
            choices.write(content, statuses)]


def from_tables(tables: dict[str, Table], base: PlanContent, statuses: list[str],
                notes: list[CellProblem] | None = None) -> tuple[list[Initiative], list[Kpi], list[CellProblem]]:
    """Initiatives and plan-level KPIs from the sheets, checked against the plan's
    vocabularies. Values read after normalising them (全角 digits, 令和7年度, ▲50) are
    said in `notes`."""
    problems = [CellProblem(sheet_name(key), 1, "", error("missing_sheet", name=sheet_name(key)))
                for key in SHEET_KEYS if sheet_name(key) not in tables]
    if problems:
        return [], [], problems
    check_headers(tables, to_tables(base, statuses), base, problems)
    found = initiatives.read(tables[sheet_name("initiatives")], base, problems)
    schedule.read(tables[sheet_name("schedule")], found, base, statuses, problems)
    activities.read(tables[sheet_name("activities")], found, base.fields, problems)
    plan_kpis = kpis.read(tables[sheet_name("kpis")], tables[sheet_name("kpi_values")], found, problems)
    if notes is not None:
        notes += [p for p in problems if p.note]
    # Sub-items (rows with a parent) are in their initiative's `items` already.
    return [i for i in found.values() if i.parent_id is None], plan_kpis, [p for p in problems if not p.note]
