"""A plan's working copy as sheets laid out like a 個別業務一覧, and back (pure, no file I/O).

Sheets, one module each: 取組 (initiatives.py), スケジュール・進捗 (schedule.py), 複数年度の活動
(activities.py), KPI and KPIの値 (kpis.py), テーマの項目名 (themes.py, a theme's own labels; only
for a plan with themes), 選択肢 (choices.py, the dropdown lists). Which
columns they have comes from the field registry; their names from the locale catalogue.
Cells holding several items put one item per line; bullet items start with 「・」 so a
one-item list and a plain paragraph stay distinguishable (that keeps the round trip exact).
"""

from __future__ import annotations

from generator.i18n import msg
from generator.model.plan import Initiative, Kpi, PlanContent
from generator.model.plan import Theme
from generator.staff.sheets import activities, choices, initiatives, kpis, schedule, themes
from generator.staff.sheets.headers import check_headers
from generator.model.kinds import kind_of
from generator.staff.sheets.table import CellProblem, Table, column, error, sheet_name

SHEET_KEYS = ("initiatives", "schedule", "activities", "kpis", "kpi_values")


def to_tables(content: PlanContent, statuses: list[str]) -> list[Table]:
    kpi_table, value_table = kpis.write(content)
    theme_table = themes.write(content)
    return [initiatives.write(content), schedule.write(content), activities.write(content), kpi_table, value_table,
            *([theme_table] if theme_table else []), choices.write(content, statuses)]


def themes_from_tables(tables: dict[str, Table], base: PlanContent) -> tuple[list[Theme], list[CellProblem]]:
    """The plan's themes with their own labels as the テーマの項目名 sheet states them (the
    headers of every sheet are checked by from_tables)."""
    problems: list[CellProblem] = []
    return themes.read(tables.get(sheet_name(themes.KEY)), base, problems), problems


def from_tables(tables: dict[str, Table], base: PlanContent, statuses: list[str],
                notes: list[CellProblem] | None = None, extra_sheets: tuple[str, ...] = ()) -> tuple[list[Initiative], list[Kpi], list[CellProblem]]:
    """Initiatives and plan-level KPIs from the sheets, checked against the plan's
    vocabularies. Values read after normalising them (全角 digits, 令和7年度, ▲50) are
    said in `notes`."""
    missing = [sheet_name(key) for key in SHEET_KEYS if sheet_name(key) not in tables]
    if missing:
        # A renamed sheet is one of those the workbook has that this plan's export never makes.
        known = {t.name for t in to_tables(base, statuses)} | set(extra_sheets)
        strangers = msg("workbook.choice_separator").join(name for name in tables if name not in known)
        return [], [], [CellProblem(name, 1, "", error("missing_sheet_renamed", name=name, found=strangers)
                                    if strangers else error("missing_sheet", name=name)) for name in missing]
    problems: list[CellProblem] = []
    check_headers(tables, to_tables(base, statuses), base, problems)
    found = initiatives.read(tables[sheet_name("initiatives")], base, problems)
    schedule.read(tables[sheet_name("schedule")], found, base, statuses, problems)
    activities.read(tables[sheet_name("activities")], found, base.fields, problems)
    plan_kpis = kpis.read(tables[sheet_name("kpis")], tables[sheet_name("kpi_values")], found, problems)
    _check_stated_empty(tables[sheet_name("initiatives")], found, base, problems)
    # Sub-items (rows with a parent) are in their initiative's `items` already.
    top = [i for i in found.values() if i.parent_id is None]
    if [i.id for i in top if i.id in {b.id for b in base.initiatives}] != \
            [b.id for b in base.initiatives if b.id in found]:
        problems.append(CellProblem(sheet_name("initiatives"), 1, "", error("order_kept"), note=True))
    top, plan_kpis = in_plan_order(top, plan_kpis, base)
    if notes is not None:
        notes += [p for p in problems if p.note]
    return top, plan_kpis, [p for p in problems if not p.note]


def _check_stated_empty(table: Table, found: dict[str, Initiative], base: PlanContent,
                        problems: list[CellProblem]) -> None:
    """A field listed in 資料で空欄の項目 (the document shows it empty: `schedule: {}`) that has
    values on its sheet says two things at once: the person is asked which is meant."""
    header = column("stated_empty")
    if header not in table.header or column("id") not in table.header:
        return
    at = table.header.index(column("id"))
    rows = {str(row[at]).strip(): number for number, row in enumerate(table.rows, start=2)
            if len(row) > at and row[at] is not None}
    for initiative in found.values():
        for key in sorted(initiative.stated_empty):
            field = base.fields[key] if key in base.fields else None
            if field is None or kind_of(field.kind).record(field.value(initiative)) in (None, [], {}, ""):
                continue
            problems.append(CellProblem(table.name, rows.get(initiative.id, 1), header,
                                        error("stated_empty_has_values", field=field.table_label)))


def in_plan_order(top: list[Initiative], plan_kpis: list[Kpi], base: PlanContent) -> tuple[list[Initiative], list[Kpi]]:
    """The order of rows never changes the plan (sorting a sheet is how people look at it):
    initiatives, sub-items and KPIs keep the plan's order, and new ones follow in row order;
    a list without ids (activities, reference figures) keeps the plan's order when only its
    order differs — any other change to it is a change and is shown as one."""
    before = {i.id: i for top_level in base.initiatives for i in top_level.walk()}
    for initiative in (i for t in top for i in t.walk()):
        was = before.get(initiative.id)
        if was is None:
            continue
        initiative.items = _by_ids(initiative.items, was.items)
        for position, item in enumerate(initiative.items, start=1):
            local = item.id[len(initiative.id) + 1:]
            item.stated_id = None if local == str(position) else local
        initiative.kpis = _by_ids(initiative.kpis, was.kpis)
        for field in activities.sheet_fields(base.fields):
            rows = field.value(initiative)
            rows[:] = _same_items(rows, field.value(was))
        for kpi in initiative.kpis:
            old = next((k for k in was.kpis if k.id == kpi.id), None)
            if old is not None:
                kpi.references = _same_items(kpi.references, old.references)
    return _by_ids(top, base.initiatives), _by_ids(plan_kpis, [k for k in base.kpis if k.initiative_id is None])


def _by_ids(items: list, order: list) -> list:
    position = {item.id: index for index, item in enumerate(order)}
    return sorted(items, key=lambda item: (item.id not in position, position.get(item.id, 0)))   # stable: new ones in row order


def _same_items(items: list, order: list) -> list:
    if len(items) == len(order) and all(items.count(x) == order.count(x) for x in order):
        return list(order)
    return items
