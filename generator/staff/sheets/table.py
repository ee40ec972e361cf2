"""A sheet as a table of cells, and reading its cells with problems named by sheet, row
and column (pure, no file I/O: staff/tableio.py reads and writes the files)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Iterator

from generator.i18n import msg
from generator.model import fiscal
from generator.model.plan import Text

BULLET = "・"   # marks bullet items in a cell, so a one-item list and a paragraph stay distinct
# A paragraph that would read as bullet items (every line starts with 「・」) is written after
# a backslash, and so is one that starts with a backslash: the round trip stays exact.
PARAGRAPH_MARK = "\\"


@dataclass
class Table:
    name: str
    header: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    dropdowns: dict[str, str] = field(default_factory=dict)   # header → column name in the choices sheet
    wide: set[str] = field(default_factory=set)               # headers of prose columns (shown wider)
    hidden: bool = False                                      # a sheet staff do not see (the export record)
    merged: list[str] = field(default_factory=list)           # merged cell ranges as read ("B3:B4")


@dataclass(frozen=True)
class CellProblem:
    sheet: str
    row: int          # 1-based, as Excel shows it (header is row 1)
    column: str       # header text
    message: str
    note: bool = False   # a value read after normalising it (said, not refused)


class PercentCell(float):
    """A number from a cell Excel shows as a percentage: 80.1% is stored as 0.801."""


# Signs people type for a negative number in Japanese documents (▲50 = −50).
NEGATIVE_MARKS = ("▲", "△", "-", "−")


def cell_text(value: Text | None) -> str | None:
    """A prose value in one cell: bullet items one per line, each starting with 「・」."""
    if not value:
        return None
    if value.is_list:
        return "\n".join(BULLET + item for item in value.items)
    paragraph = value.items[0]
    if paragraph.startswith(PARAGRAPH_MARK) or _reads_as_bullets(paragraph.split("\n")):
        return PARAGRAPH_MARK + paragraph
    return paragraph


def _reads_as_bullets(lines: list[str]) -> bool:
    return all(line.startswith(BULLET) for line in lines)


def text_from_cell(value: Any) -> Text | None:
    if value is None:
        return None
    text = str(value).replace("\r\n", "\n").strip("\n")
    if not text.strip():
        return None
    if text.startswith(PARAGRAPH_MARK):
        return Text((text[len(PARAGRAPH_MARK):],), False)
    lines = text.split("\n")
    if _reads_as_bullets(lines):
        return Text(tuple(line[len(BULLET):] for line in lines), True)
    return Text((text,), False)


def lines(value: Any) -> list[str]:
    """Entries of a cell that holds one per line."""
    if value is None:
        return []
    return [line.strip() for line in str(value).replace("\r\n", "\n").split("\n") if line.strip()]


def error(key: str, **params) -> str:
    return msg(f"workbook.errors.{key}", **params)


class SheetReader:
    """Reads rows of one table by header name and records problems with sheet/row/column."""

    def __init__(self, table: Table, problems: list[CellProblem]):
        self.table = table
        self.problems = problems
        self.index = {name: i for i, name in enumerate(table.header) if name}

    def rows(self) -> Iterator[tuple[int, list]]:
        """(Excel row number, cells) of every row that is not empty."""
        for number, row in enumerate(self.table.rows, start=2):
            if any(v not in (None, "") for v in row):
                yield number, row

    def require_columns(self, names: list[str]) -> bool:
        missing = [name for name in names if name not in self.index]
        for name in missing:
            self.problems.append(CellProblem(self.table.name, 1, name, error("missing_column", name=name)))
        return not missing

    def get(self, row, name):
        i = self.index.get(name)
        if i is None or i >= len(row):
            return None
        value = row[i]
        if isinstance(value, str) and not value.strip():
            return None
        return value

    def problem(self, row_number: int, column: str, message: str) -> None:
        self.problems.append(CellProblem(self.table.name, row_number, column, message))

    def note(self, row_number: int, column: str, message: str) -> None:
        self.problems.append(CellProblem(self.table.name, row_number, column, message, note=True))

    def label(self, number, row, name) -> str | None:
        """A one-line value (a title, a name): a line break is refused, not joined."""
        value = self.get(row, name)
        if value is None:
            return None
        text = str(value).strip()
        if "\n" in text or "\r" in text:
            self.problem(number, name, error("line_break", value=text.replace("\r", "").replace("\n", "⏎")))
        return text

    def text(self, row, name) -> str | None:
        value = self.get(row, name)
        return None if value is None else str(value).strip()

    def prose(self, row, name) -> Text | None:
        return text_from_cell(self.get(row, name))

    def integer(self, number, row, name, required=False) -> int | None:
        value = self.get(row, name)
        if value is None:
            if required:
                self.problem(number, name, error("required"))
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, str):
            typed = value
            value = _fiscal_year(value)
            if value is None:
                self.problem(number, name, error("not_integer", value=typed))
                return None
            if str(value) != typed:
                self.note(number, name, error("read_as", value=typed, read=value))
        if not isinstance(value, int) or isinstance(value, bool):
            self.problem(number, name, error("not_integer", value=value))
            return None
        return value

    def number(self, number, row, name, percent: bool = False) -> int | float | None:
        """A number; `percent`: the column holds percentages, so a percent-formatted cell
        (80.1% stored as 0.801) and 「50%」 typed as text both mean the number of percent."""
        value = self.get(row, name)
        if value is None:
            return None
        if isinstance(value, PercentCell):
            if not percent:
                self.problem(number, name, error("percent_cell", value=f"{float(value) * 100:g}%"))
                return None
            value = round(float(value) * 100, 10)
        elif isinstance(value, str):
            typed = value
            value = _typed_number(value, percent)
            if value is None:
                key = "percent_text" if "%" in unicodedata.normalize("NFKC", typed) and not percent \
                    else "not_number_text"
                self.problem(number, name, error(key, value=typed.strip()))
                return None
            if _normalised(typed):
                self.note(number, name, error("read_as", value=typed.strip(), read=_plain(value)))
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(number, name, error("not_number", value=value))
            return None
        return value

    def date(self, number, row, name) -> str | None:
        value = self.get(row, name)
        if value is None:
            return None
        if hasattr(value, "isoformat"):
            return value.date().isoformat() if hasattr(value, "date") else value.isoformat()
        text = str(value).strip()
        stated = fiscal.read_date(text)   # 2024-03-31, 2024-03, 2024, 令和6年3月 … as stated
        if stated is None:
            self.problem(number, name, error("not_date", value=text))
            return None
        return stated


def as_cell(value: Any) -> Any:
    """A cell a kind of field wrote (model/kinds.py `sheet_cells`, `year_cells`): prose as
    `cell_text`, anything else as it is."""
    return cell_text(value) if isinstance(value, Text) else value


class RowCells:
    """One row of a sheet as a kind of field reads its value (model/kinds.py `Cells`): the
    cells by column name, read as SheetReader reads them; a problem names its cell.
    `vocabularies`: the entries each vocabulary (and "statuses") allows."""

    def __init__(self, sheet: SheetReader, number: int, row, vocabularies: dict):
        self.sheet, self.number, self.row, self.vocabularies = sheet, number, row, vocabularies
        self.header = sheet.table.header

    def text(self, name):
        return self.sheet.text(self.row, name)

    def label(self, name):
        return self.sheet.label(self.number, self.row, name)

    def prose(self, name):
        return self.sheet.prose(self.row, name)

    def integer(self, name):
        return self.sheet.integer(self.number, self.row, name)

    def date(self, name):
        return self.sheet.date(self.number, self.row, name)

    def lines(self, name):
        return lines(self.sheet.get(self.row, name))

    def known(self, vocabulary) -> set | list:
        return self.vocabularies.get(vocabulary, set())

    def problem(self, name: str, code: str, **params) -> None:
        self.sheet.problem(self.number, name, error(code, **params))


def _plain(value) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _normalised(typed: str) -> bool:
    """Whether reading a typed number changed more than its commas and spaces: worth a note."""
    plain = typed.strip().replace(",", "")
    return unicodedata.normalize("NFKC", plain) != plain or plain[:1] in NEGATIVE_MARKS[:2] or "%" in plain


def _typed_number(text: str, percent: bool) -> int | float | None:
    """A number as people type it: full-width digits (１２３), 1,234, ▲50 (negative), and
    「50%」 in a percent column. None when it is not one."""
    value = unicodedata.normalize("NFKC", text).strip().replace(",", "")
    sign = 1
    if value[:1] in NEGATIVE_MARKS:
        sign, value = -1, value[1:].strip()
    if percent and value.endswith("%"):
        value = value[:-1].strip()
    if not re.fullmatch(r"\d+(\.\d+)?", value):
        return None
    return sign * (int(value) if value.isdigit() else float(value))


def _fiscal_year(text: str) -> int | None:
    """An integer typed as text, full-width digits included; 令和7年度 / R7 / 2025年度 as 2025."""
    value = unicodedata.normalize("NFKC", text).strip()
    return int(value) if value.isdigit() else fiscal.read_fiscal_year(value)


def column(key: str) -> str:
    """A fixed column header (workbook.columns.<key>)."""
    return msg(f"workbook.columns.{key}")


def sheet_name(key: str) -> str:
    return msg(f"workbook.sheets.{key}")
