"""Every header of a sheet must be one the sheet reads: an edited header would otherwise
drop its whole column silently. Known headers are those an export of the plan has, plus
the columns staff may add (another numbered 担当課, another fiscal year)."""

from __future__ import annotations

import re

from generator.i18n import msg
from generator.model.fields import SheetLayout
from generator.model.plan import PlanContent
from generator.staff.sheets.initiatives import numbered, sheet_fields
from generator.staff.sheets.schedule import year_columns, year_fields
from generator.staff.sheets.table import CellProblem, Table, error, sheet_name

from openpyxl.utils import get_column_letter


def check_headers(tables: dict[str, Table], exported: list[Table], base: PlanContent,
                  problems: list[CellProblem]) -> None:
    """A problem for each header (named by its cell, e.g. D1) no reader would use."""
    for expected in exported:
        table = tables.get(expected.name)
        if table is None or expected.name == sheet_name("choices"):
            continue
        _check_repeated(table, problems)
        _check_merged(table, problems)
        known = set(expected.header) | _added_columns(table, base)
        for index, header in enumerate(table.header, start=1):
            if header and header not in known:
                problems.append(CellProblem(table.name, 1, header, error(
                    "unknown_header", cell=f"{get_column_letter(index)}1", value=header,
                    expected=msg("workbook.choice_separator").join(h for h in expected.header if h))))


def _check_repeated(table: Table, problems: list[CellProblem]) -> None:
    """A header that appears twice (a column copied next to itself): only one of the two
    could be read, and what was typed in the other would vanish."""
    first: dict[str, int] = {}
    for index, header in enumerate(table.header, start=1):
        if not header:
            continue
        if header in first:
            problems.append(CellProblem(table.name, 1, header, error(
                "repeated_header", value=header, first=f"{get_column_letter(first[header])}1",
                second=f"{get_column_letter(index)}1")))
        else:
            first[header] = index


def _check_merged(table: Table, problems: list[CellProblem]) -> None:
    """Merged cells hold one value for several rows or columns: the others read as empty."""
    for cells in table.merged:
        row = int("".join(c for c in cells.split(":")[0] if c.isdigit()) or 1)
        problems.append(CellProblem(table.name, row, "", error("merged_cells", cells=cells)))


def _added_columns(table: Table, base: PlanContent) -> set[str]:
    if table.name == sheet_name("initiatives"):
        found = set()
        for field in sheet_fields(base.fields):
            if field.sheet is SheetLayout.NUMBERED:
                prefix, _, suffix = numbered(field, "\0").partition("\0")
                pattern = re.compile(re.escape(prefix) + r"\d+" + re.escape(suffix))
                found |= {h for h in table.header if h and pattern.fullmatch(h)}
        return found
    if table.name == sheet_name("schedule"):
        return set(year_columns(table, year_fields(base.fields)).values())
    return set()
