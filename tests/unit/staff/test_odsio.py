"""LibreOffice's own format (staff/odsio.py): an .ods file read like a workbook — its
sheets, hidden ones marked, merged cells named, repeated cells expanded; a file that is not
one refused with the fix."""

from __future__ import annotations

import pytest
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P

from generator.staff.odsio import OdsError, read_ods


def _cell(value=None, **attributes):
    cell = TableCell(**attributes)
    if value is not None:
        cell.addElement(P(text=str(value)))
    return cell


def _write(path):
    document = OpenDocumentSpreadsheet()
    sheet = Table(name="取組")
    for values in (["取組ID", "取組名", "担当課1"], ["online", "オンライン申請", "市民課"]):
        row = TableRow()
        for value in values:
            row.addElement(_cell(value, valuetype="string"))
        sheet.addElement(row)
    repeated = TableRow()
    repeated.addElement(_cell("x", valuetype="string"))
    repeated.addElement(_cell("同じ", valuetype="string", numbercolumnsrepeated=2))
    sheet.addElement(repeated)
    merged = TableRow()
    merged.addElement(_cell("m", valuetype="string", numbercolumnsspanned=2))
    sheet.addElement(merged)
    document.spreadsheet.addElement(sheet)
    document.save(str(path))


def test_sheets_rows_and_repeated_cells(tmp_path):
    path = tmp_path / "plan.ods"
    _write(path)
    tables = read_ods(path)
    table = tables["取組"]
    assert table.header == ["取組ID", "取組名", "担当課1"]
    assert table.rows[0][:3] == ["online", "オンライン申請", "市民課"]
    assert table.rows[1][:3] == ["x", "同じ", "同じ"]
    assert table.merged                      # the merged cells are named (staff are told to unmerge)


def test_a_file_that_is_not_ods_is_refused_with_the_reason(tmp_path):
    (tmp_path / "broken.ods").write_text("not a spreadsheet", encoding="utf-8")
    with pytest.raises(OdsError) as refused:
        read_ods(tmp_path / "broken.ods")
    assert "broken.ods" in str(refused.value)
