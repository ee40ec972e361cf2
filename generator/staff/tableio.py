"""Read and write `sheets.Table`s as an Excel workbook (openpyxl), as CSV files, and read
them from LibreOffice's own format, .ods (staff/odsio.py).

Every value is written as text, never as a formula: 「=」「+」「-」「@」 at the start of a
cell would otherwise be taken as one (and an unchanged export → import would lose the
value). In CSV, where a spreadsheet decides by the first character alone, such a value is
written after an apostrophe (the usual neutralisation, see `neutralise`) and read back
without it, so the round trip is exact."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from generator.model.cells import neutralise, restore
from generator.staff.odsio import OdsError, read_ods
from generator.staff.sheets.table import PercentCell, Table, sheet_name
from generator.i18n import msg

HEADER_FILL = PatternFill("solid", fgColor="DDE3F0")
VALIDATED_ROWS = 1000  # dropdowns cover this many rows, so staff can add initiatives


class TableFileError(Exception):
    """The file cannot be read as a workbook / CSV folder; the message says why."""


def write_xlsx(tables: list[Table], path: Path) -> None:
    workbook = Workbook()
    workbook.remove(workbook.active)
    choices = next((t for t in tables if t.name == sheet_name("choices")), None)
    for table in tables:
        sheet = workbook.create_sheet(table.name)
        sheet.append(table.header)
        for row in table.rows:
            sheet.append(row)
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":   # text that starts with 「=」 is text, not a formula
                    cell.data_type = "s"
        if table.hidden:
            sheet.sheet_state = "hidden"
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if isinstance(cell.value, str):
                    cell.number_format = "@"  # text: Excel must not turn 2024-03-31 or 1.10 into something else
        for index, name in enumerate(table.header, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = 40 if name in table.wide else 16
        sheet.freeze_panes = "C2" if table is not choices else "A2"
        if choices is not None:
            for header, choice_column in table.dropdowns.items():
                if header not in table.header or choice_column not in choices.header:
                    continue
                letter = get_column_letter(choices.header.index(choice_column) + 1)
                count = sum(1 for row in choices.rows if row[choices.header.index(choice_column)] is not None)
                if count == 0:
                    continue
                validation = DataValidation(type="list", formula1=f"='{choices.name}'!${letter}$2:${letter}${count + 1}",
                                            allow_blank=True, showErrorMessage=True,
                                            errorTitle=msg("cli.dropdown_error_title"), error=msg("cli.dropdown_error"))
                column = get_column_letter(table.header.index(header) + 1)
                validation.add(f"{column}2:{column}{VALIDATED_ROWS}")
                sheet.add_data_validation(validation)
    workbook.save(path)


ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


def read_workbook(path: Path) -> dict[str, Table]:
    """An .xlsx workbook or an .ods spreadsheet (told apart by their contents, whatever the name)."""
    if not path.is_file():
        raise TableFileError(msg("cli.no_workbook", path=path))
    try:
        with zipfile.ZipFile(path) as archive:
            is_ods = "mimetype" in archive.namelist() and archive.read("mimetype").strip() == ODS_MIMETYPE
    except (zipfile.BadZipFile, OSError) as exc:
        raise TableFileError(_not_a_workbook(path, exc)) from None
    if is_ods:
        try:
            return read_ods(path)
        except OdsError as exc:
            raise TableFileError(str(exc)) from None
    return read_xlsx(path)


def _not_a_workbook(path: Path, error) -> str:
    if path.suffix.lower() == ".xls":
        return msg("cli.old_xls", path=path)
    return msg("cli.not_xlsx", path=path, error=error)


def read_xlsx(path: Path) -> dict[str, Table]:
    try:
        # Not read-only: merged cells and hidden sheets are only known to a fully loaded book.
        workbook = load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, TypeError, InvalidFileException) as exc:
        raise TableFileError(_not_a_workbook(path, exc)) from None
    tables = {}
    for sheet in workbook.worksheets:
        rows = [[_cell_value(cell) for cell in row] for row in sheet.iter_rows()]
        header = [str(v).strip() if v is not None else "" for v in (rows[0] if rows else [])]
        tables[sheet.title] = Table(sheet.title, header, rows[1:], hidden=sheet.sheet_state != "visible",
                                    merged=[str(r) for r in sheet.merged_cells.ranges])
    workbook.close()
    return tables


def _cell_value(cell):
    """The cell's value; a number shown as a percentage is marked, since 80.1% is stored
    as 0.801 and only the column can say which the staff meant."""
    value = getattr(cell, "value", None)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in (cell.number_format or ""):
        return PercentCell(value)
    return value


def write_csv(tables: list[Table], directory: Path) -> list[Path]:
    """One CSV per sheet, UTF-8 with BOM and CRLF so Excel opens it correctly."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for table in tables:
        path = directory / f"{table.name}.csv"
        with open(path, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow(table.header)
            for row in table.rows:
                writer.writerow(["" if v is None else neutralise(v) for v in row])
        written.append(path)
    return written


def read_csv(directory: Path) -> dict[str, Table]:
    if not directory.is_dir():
        raise TableFileError(msg("cli.no_csv_folder", path=directory))
    tables = {}
    for path in sorted(directory.glob("*.csv")):
        try:
            with open(path, encoding="utf-8-sig", newline="") as handle:
                rows = list(csv.reader(handle))
        except UnicodeDecodeError:
            raise TableFileError(msg("cli.csv_not_utf8", name=path.name)) from None
        header = [h.strip() for h in rows[0]] if rows else []
        data = [[None if v == "" else restore(v) for v in row] for row in rows[1:]]
        tables[path.stem] = Table(path.stem, header, data)
    return tables
