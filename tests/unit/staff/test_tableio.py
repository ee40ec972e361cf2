"""Workbook and CSV files (staff/tableio.py): tables written and read back as staff's
tools keep them; a file that is not a workbook is a clear error."""

from __future__ import annotations

import pytest

from generator.staff.sheets.table import Table
from generator.staff.tableio import TableFileError, read_csv, read_xlsx, write_csv, write_xlsx

TABLES = [Table("取組", ["取組ID", "取組名", "開始年度"], [["online", "オンライン申請", 2024], ["x", "改行\nあり", None]]),
          Table("選択肢", ["担当課"], [["市民課"]])]


def _values(tables):
    return {name: (t.header, [[None if v in ("", None) else str(v) for v in row] for row in t.rows])
            for name, t in tables.items()}


def test_a_workbook_round_trips(tmp_path):
    path = tmp_path / "plan.xlsx"
    write_xlsx(TABLES, path)
    read = read_xlsx(path)
    assert list(read) == ["取組", "選択肢"]
    assert _values(read)["取組"] == (["取組ID", "取組名", "開始年度"], [["online", "オンライン申請", "2024"], ["x", "改行\nあり", None]])


def test_csv_files_round_trip(tmp_path):
    written = write_csv(TABLES, tmp_path / "csv")
    assert len(written) == 2
    assert _values(read_csv(tmp_path / "csv"))["取組"][1][0] == ["online", "オンライン申請", "2024"]


def test_a_file_that_is_not_a_workbook_is_a_clear_error(tmp_path):
    (tmp_path / "broken.xlsx").write_text("not a workbook", encoding="utf-8")
    with pytest.raises(TableFileError):
        read_xlsx(tmp_path / "broken.xlsx")
