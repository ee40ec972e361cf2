"""The スケジュール・進捗 sheet: one row per initiative, columns per fiscal year for every
field whose kind has parts per year (model/kinds.py `year_parts`: prose per year one column;
progress a status, a text and a date), its cells and their reading back from the kind too.

Column headers are 「<fiscal year> <field>」 (「令和6年度（2024年度） 予定・取組事項」), so a
column the staff add for another year is read as that year.
"""

from __future__ import annotations

from generator.i18n import current_language, msg
from generator.model import fiscal
from generator.model.fields import Field, FieldSet
from generator.model.kinds import kind_of
from generator.model.plan import Initiative, PlanContent
from generator.staff.sheets.table import CellProblem, RowCells, SheetReader, Table, as_cell, column, error, sheet_name


def year_fields(fields: FieldSet) -> list[Field]:
    return [f for f in fields if kind_of(f.kind).year_parts(f)]


def parts(field: Field) -> list[tuple[str | None, str]]:
    """(part, its name) of the columns a field has per year (part None: the whole value)."""
    return kind_of(field.kind).year_parts(field)


def header(fy: int, name: str) -> str:
    return msg("workbook.columns.year", year=fiscal.fy_label(fy, current_language()), part=name)


def plan_years(content: PlanContent) -> list[int]:
    """The plan period, and any other year an initiative mentions."""
    years = set(content.period)
    for initiative in (item for top in content.initiatives for item in top.walk()):
        for field in year_fields(content.fields):
            years.update(field.value(initiative))
    return sorted(years)


def write(content: PlanContent) -> Table:
    years, fields = plan_years(content), year_fields(content.fields)
    names = [column("id"), msg("workbook.columns.title_reference", label=content.fields["title"].table_label)]
    dropdowns, wide = {}, set()
    for fy in years:
        for field in fields:
            for part, name in parts(field):
                names.append(header(fy, name))
                if part == "status":
                    dropdowns[header(fy, name)] = msg("workbook.choices.statuses")
                elif part in (None, "text"):
                    wide.add(header(fy, name))
    table = Table(sheet_name("schedule"), names, dropdowns=dropdowns, wide=wide)
    for initiative in (item for top in content.initiatives for item in top.walk()):
        row = [initiative.id, initiative.title]
        for fy in years:
            for field in fields:
                row += [as_cell(cell) for cell in kind_of(field.kind).year_cells(field, field.value(initiative).get(fy))]
        table.rows.append(row)
    return table


def year_columns(table: Table, fields: list[Field]) -> dict[tuple[int, str, str | None], str]:
    """(fiscal year, field key, part) → header, for every column the sheet has."""
    wanted = {(field.key, part): name for field in fields for part, name in parts(field)}
    found = {}
    for text in table.header:
        fy, _, name = _split_header(text)
        if fy is None:
            continue
        for (key, part), expected in wanted.items():
            if name == expected:
                found[(fy, key, part)] = text
    return found


def _split_header(text: str | None) -> tuple[int | None, str, str]:
    """「令和6年度（2024年度） 進捗状況」 → (2024, ..., 進捗状況): the year is the 4-digit 西暦
    in the header's fiscal-year label."""
    if not text:
        return None, "", ""
    label, _, name = text.strip().partition(" ")
    digits = [token for token in fiscal.years_in(label)]
    return (digits[0] if digits else None), label, name.strip()


def read(table: Table, initiatives: dict[str, Initiative], base: PlanContent, statuses: list[str],
         problems: list[CellProblem]) -> None:
    """Adds each row's per-year values to the initiative of its 取組ID."""
    sheet = SheetReader(table, problems)
    id_column = column("id")
    sheet.require_columns([id_column])
    fields = year_fields(base.fields)
    columns = year_columns(table, fields)
    for number, row in sheet.rows():
        iid = sheet.text(row, id_column)
        initiative = initiatives.get(iid or "")
        if initiative is None:
            sheet.problem(number, id_column, error("unknown_initiative", value=iid,
                                                   sheet=sheet_name("initiatives")))
            continue
        cells = RowCells(sheet, number, row, {"statuses": statuses})
        for field in fields:
            target = field.value(initiative)
            years = sorted({fy for fy, key, _ in columns if key == field.key})
            for fy in years:
                value = kind_of(field.kind).year_read(field, cells, {part: name for (year, key, part), name
                                                                     in columns.items() if year == fy and key == field.key})
                if value:
                    target[fy] = value
        for field in fields:
            setattr(initiative, field.key, dict(sorted(field.value(initiative).items())))
