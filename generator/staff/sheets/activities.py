"""The 複数年度の活動 sheet: one row per activity (a span of fiscal years) of an initiative."""

from __future__ import annotations

import re

from generator.i18n import msg
from generator.model.fields import Field, FieldSet
from generator.model.kinds import kind_of
from generator.model.plan import Activity, Initiative, PlanContent
from generator.staff.sheets.table import CellProblem, SheetReader, Table, column, error, lines, sheet_name

COLUMNS = ("id", "activity", "start", "end", "done", "cells")


def sheet_fields(fields: FieldSet) -> list[Field]:
    """The fields whose kind keeps its rows on this sheet (model/kinds.py `own_sheet`)."""
    return [f for f in fields if kind_of(f.kind).own_sheet == "activities"]


def write(content: PlanContent) -> Table:
    table = Table(sheet_name("activities"), [column(key) for key in COLUMNS])
    for initiative in (item for top in content.initiatives for item in top.walk()):
        for field in sheet_fields(content.fields):
            for activity in field.value(initiative):
                end = msg("workbook.open_end") if activity.ongoing else \
                    msg("workbook.end_unstated") if activity.end_unstated else activity.end
                cells = "\n".join(f"{fy}: {text}" for fy, text in sorted(activity.cells.items())) or None
                table.rows.append([initiative.id, activity.name, activity.start, end, activity.done, cells])
    return table


def open_ends() -> set[str]:
    """How staff write an open end in the 終了年度 column (the export writes the first)."""
    return {msg("workbook.open_end"), *msg("workbook.open_end_words").split()}


def read(table: Table, initiatives: dict[str, Initiative], fields: FieldSet, problems: list[CellProblem]) -> None:
    sheet = SheetReader(table, problems)
    target_fields = sheet_fields(fields)
    id_column, name_column, start_column, end_column, done_column, cells_column = (column(key) for key in COLUMNS)
    for number, row in sheet.rows():
        iid = sheet.text(row, id_column)
        initiative = initiatives.get(iid or "")
        if initiative is None:
            sheet.problem(number, id_column, error("unknown_initiative", value=iid, sheet=sheet_name("initiatives")))
            continue
        name = sheet.text(row, name_column)
        done = sheet.integer(number, row, done_column)
        # 済 items have only the year they were done; the others a start and an end, or 「～」.
        ongoing = done is None and sheet.text(row, end_column) in open_ends()
        unstated = done is None and sheet.text(row, end_column) == msg("workbook.end_unstated")
        start = None if done is not None else sheet.integer(number, row, start_column, required=True)
        end = None if done is not None or ongoing or unstated else \
            sheet.integer(number, row, end_column, required=True)
        if not name:
            sheet.problem(number, name_column, error("no_activity_name"))
        complete = done is not None or (start is not None and (ongoing or unstated or end is not None))
        cells = _cells(sheet, number, row, cells_column)
        if name and complete and target_fields:
            target_fields[0].value(initiative).append(Activity(name, start, end, ongoing, done, unstated, cells))


def _cells(sheet: SheetReader, number: int, row, name: str) -> dict[int, str]:
    """「2025: 導入・運用」 lines: text in later cells of the same row. An older workbook has no column."""
    found = {}
    separators = re.compile(r"\s*[" + re.escape(msg("workbook.label_separators")) + r"]\s*")
    for line in lines(sheet.get(row, name)):
        parts = separators.split(line, maxsplit=1)
        if len(parts) == 2 and parts[0].isdigit() and len(parts[0]) == 4 and parts[1]:
            found[int(parts[0])] = parts[1]
        else:
            sheet.problem(number, name, error("bad_cell_line", value=line))
    return found
