"""Read an .ods spreadsheet (LibreOffice's own format) into `sheets.Table`s, as read_xlsx
reads a workbook: cell values with their types, a percentage marked, merged ranges and
hidden sheets known. odfpy parses the file (with defusedxml); what a cell means is
decided here, as pandas' ODF reader does on top of the same library."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from xml.parsers.expat import ExpatError

from odf import opendocument, teletype
from odf.namespaces import TABLENS, TEXTNS
from odf.style import Style, TableProperties
from odf.table import Table as OdsTable

from generator.i18n import msg
from generator.staff.sheets.table import PercentCell, Table
from openpyxl.utils import get_column_letter

# An empty row or cell repeated this often is the rest of the sheet, never data.
MAX_REPEAT = 10_000


class OdsError(Exception):
    """The file cannot be read as .ods; the message says why and what to do."""


def read_ods(path: Path) -> dict[str, Table]:
    try:
        document = opendocument.load(str(path))
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, ExpatError) as exc:
        raise OdsError(msg("cli.not_ods", path=path, error=exc)) from None
    hidden_styles = {style.getAttribute("name") for style in document.automaticstyles.getElementsByType(Style)
                     if any(p.getAttribute("display") == "false" for p in style.getElementsByType(TableProperties))}
    tables = {}
    for sheet in document.spreadsheet.getElementsByType(OdsTable):
        name = sheet.getAttribute("name")
        rows, merged = _rows(sheet)
        header = [str(v).strip() if v is not None else "" for v in (rows[0] if rows else [])]
        tables[name] = Table(name, header, rows[1:], hidden=sheet.getAttribute("stylename") in hidden_styles,
                             merged=merged)
    return tables


def _rows(sheet) -> tuple[list[list], list[str]]:
    rows: list[list] = []
    merged: list[str] = []
    pending_empty = 0
    for row in _row_elements(sheet):
        cells, spans = _cells(row, len(rows) + pending_empty)
        repeat = int(row.getAttribute("numberrowsrepeated") or 1)
        if not any(v is not None for v in cells):
            pending_empty += min(repeat, MAX_REPEAT)   # kept only if data follows
            continue
        rows += [[] for _ in range(pending_empty)]
        pending_empty = 0
        rows += [list(cells) for _ in range(min(repeat, MAX_REPEAT))]
        merged += spans
    return rows, merged


def _row_elements(node):
    """table:table-row elements in order, also inside header-rows and row groups."""
    for child in node.childNodes:
        if child.qname == (TABLENS, "table-row"):
            yield child
        elif child.qname in ((TABLENS, "table-header-rows"), (TABLENS, "table-row-group"), (TABLENS, "table-rows")):
            yield from _row_elements(child)


def _cells(row, row_index: int) -> tuple[list, list[str]]:
    values: list = []
    spans: list[str] = []
    pending_empty = 0
    for cell in row.childNodes:
        if cell.qname not in ((TABLENS, "table-cell"), (TABLENS, "covered-table-cell")):
            continue
        repeat = int(cell.getAttribute("numbercolumnsrepeated") or 1)
        value = _value(cell) if cell.qname == (TABLENS, "table-cell") else None
        columns = int(cell.getAttribute("numbercolumnsspanned") or 1) if cell.qname[1] == "table-cell" else 1
        rows = int(cell.getAttribute("numberrowsspanned") or 1) if cell.qname[1] == "table-cell" else 1
        if columns > 1 or rows > 1:
            first = len(values) + pending_empty
            spans.append(f"{get_column_letter(first + 1)}{row_index + 1}:"
                         f"{get_column_letter(first + columns)}{row_index + rows}")
        if value is None:
            pending_empty += min(repeat, MAX_REPEAT)
            continue
        values += [None] * pending_empty + [value] * min(repeat, MAX_REPEAT)
        pending_empty = 0
    return values, spans


def _value(cell):
    kind = cell.getAttribute("valuetype")
    if kind in ("float", "currency"):
        number = float(cell.getAttribute("value"))
        return int(number) if number.is_integer() and "." not in cell.getAttribute("value") else number
    if kind == "percentage":
        return PercentCell(float(cell.getAttribute("value")))
    if kind == "boolean":
        return cell.getAttribute("booleanvalue") == "true"
    if kind == "date":
        text = cell.getAttribute("datevalue")
        return dt.datetime.fromisoformat(text) if "T" in text else dt.date.fromisoformat(text)
    paragraphs = [_text(p) for p in cell.childNodes if p.qname == (TEXTNS, "p")]
    if not paragraphs:
        return None
    return "\n".join(paragraphs)


def _text(paragraph) -> str:
    """A paragraph's text with its spaces (text:s), tabs and line breaks as written."""
    return teletype.extractText(paragraph)
