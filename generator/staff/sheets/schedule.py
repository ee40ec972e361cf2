"""The スケジュール・進捗 sheet: one row per initiative, columns per fiscal year for every
field with SheetLayout.YEARS (prose per year: one column; progress: status, text, date).

Column headers are 「<fiscal year> <field>」 (「令和6年度（2024年度） 予定・取組事項」), so a
column the staff add for another year is read as that year.
"""

from __future__ import annotations

from generator.i18n import current_language, msg
from generator.model import fiscal
from generator.model.fields import Field, FieldSet, Kind, SheetLayout
from generator.model.plan import Initiative, PlanContent, Progress
from generator.staff.sheets.table import CellProblem, SheetReader, Table, cell_text, column, error, sheet_name

PROGRESS_PARTS = ("status", "text", "as_of")


def year_fields(fields: FieldSet) -> list[Field]:
    return [f for f in fields if f.sheet is SheetLayout.YEARS]


def parts(field: Field) -> list[tuple[str | None, str]]:
    """(part, its name) of the columns a field has per year (part None: the whole value)."""
    if field.kind is Kind.PROGRESS:
        return [(part, field.part_label(part)) for part in PROGRESS_PARTS]
    return [(None, field.table_label)]


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
                value = field.value(initiative).get(fy)
                if field.kind is Kind.PROGRESS:
                    progress = value or Progress()
                    row += [progress.status, cell_text(progress.text), progress.as_of]
                else:
                    row.append(cell_text(value))
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
    choices = msg("ui.list_separator").join(statuses)
    for number, row in sheet.rows():
        iid = sheet.text(row, id_column)
        initiative = initiatives.get(iid or "")
        if initiative is None:
            sheet.problem(number, id_column, error("unknown_initiative", value=iid,
                                                   sheet=sheet_name("initiatives")))
            continue
        for field in fields:
            target = field.value(initiative)
            years = sorted({fy for fy, key, _ in columns if key == field.key})
            for fy in years:
                if field.kind is Kind.PROGRESS:
                    status_column = columns.get((fy, field.key, "status"), "")
                    status = sheet.text(row, status_column)
                    if status and status not in statuses:
                        sheet.problem(number, status_column, error("unknown_status", value=status, choices=choices))
                    text = sheet.prose(row, columns.get((fy, field.key, "text"), ""))
                    as_of = sheet.date(number, row, columns.get((fy, field.key, "as_of"), ""))
                    if status or text or as_of:
                        target[fy] = Progress(status, text, as_of)
                else:
                    value = sheet.prose(row, columns[(fy, field.key, None)])
                    if value:
                        target[fy] = value
        for field in fields:
            setattr(initiative, field.key, dict(sorted(field.value(initiative).items())))
