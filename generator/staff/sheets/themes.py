"""The テーマの項目名 sheet: what a theme (a chapter) calls fields where it differs from the rest
of the plan (plan.yml `themes[].labels`, e.g. one chapter's 「目標(令和8年度)」 for the plan's
「指標(KPI)」). One row per theme at every level, in the plan's order; the theme's number and
name are shown for reference only. Themes themselves are edited in plan.yml, not here: a row
whose theme id the plan does not have is refused, and a theme without a row keeps its labels.
A plan without themes has no such sheet."""

from __future__ import annotations

from dataclasses import replace

from generator.model.plan import PlanContent, Theme
from generator.staff.sheets.initiatives import labels_cell, read_labels
from generator.staff.sheets.table import CellProblem, SheetReader, Table, column, error, sheet_name

KEY = "theme_labels"


def write(content: PlanContent) -> Table | None:
    if not content.themes:
        return None
    header = [column("theme_id"), column("theme_reference"), column("theme_labels")]
    rows = [[theme.id, theme.display_name, labels_cell(theme, content)] for theme in content.all_themes()]
    return Table(sheet_name(KEY), header, rows, wide={column("theme_labels")})


def read(table: Table | None, base: PlanContent, problems: list[CellProblem]) -> list[Theme]:
    """The plan's themes with each theme's labels as the sheet states them (the plan's own
    themes unchanged when the workbook has no such sheet: one exported before it existed)."""
    if table is None:
        return base.themes
    sheet = SheetReader(table, problems)
    if not sheet.require_columns([column("theme_id"), column("theme_labels")]):
        return base.themes
    known = {theme.id for theme in base.all_themes()}
    stated: dict[str, dict[str, str]] = {}
    for number, row in sheet.rows():
        theme_id = sheet.get(row, column("theme_id"))
        theme_id = str(theme_id).strip() if theme_id is not None else None
        if theme_id not in known:
            sheet.problem(number, column("theme_id"), error("unknown_theme_row", value=theme_id or ""))
            continue
        if theme_id in stated:
            sheet.problem(number, column("theme_id"), error("repeated_theme_row", value=theme_id))
            continue
        stated[theme_id] = read_labels(sheet, number, row, base.fields, column("theme_labels"),
                                       "bad_theme_label_line")
    return [_with_labels(theme, stated, base) for theme in base.themes]


def _with_labels(theme: Theme, stated: dict[str, dict[str, str]], base: PlanContent) -> Theme:
    """The theme (and its children) with the labels its row states, in the order plan.yml
    has them (new ones after); a label of something that is not a field of this plan (the
    sheet does not show it) is kept as it is."""
    labels = theme.labels
    if theme.id in stated:
        row = stated[theme.id]
        labels = {key: row.get(key, name) for key, name in theme.labels.items() if key in row or key not in base.fields}
        labels.update({key: name for key, name in row.items() if key not in labels})
    return replace(theme, labels=labels, children=[_with_labels(child, stated, base) for child in theme.children])
