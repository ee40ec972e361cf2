"""`planpub import` (adapters/cli/import_.py): a workbook read back into the working copy
only when all of it is valid, the changes shown first, written only when confirmed;
problems by sheet, row and column."""

from __future__ import annotations

from openpyxl import load_workbook

from generator.adapters.cli.import_ import report_cells
from generator.staff.sheets.table import CellProblem

from tests.conftest import run_cli, tree_digest


def _export(content, tmp_path):
    path = tmp_path / "sample.xlsx"
    assert run_cli("export", "sample", "--xlsx", str(path), "--content", str(content)).returncode == 0
    return path


def test_an_unchanged_workbook_writes_nothing(basic_content, tmp_path):
    path = _export(basic_content, tmp_path)
    before = tree_digest(basic_content)
    result = run_cli("import", "sample", "--xlsx", str(path), "--content", str(basic_content), "--yes")
    assert result.returncode == 0 and tree_digest(basic_content) == before


def test_a_change_is_shown_and_written_only_when_confirmed(basic_content, tmp_path):
    path = _export(basic_content, tmp_path)
    workbook = load_workbook(path)
    sheet = workbook["取組"]
    header = [c.value for c in sheet[1]]
    sheet.cell(row=2, column=header.index("取組名") + 1, value="オンライン申請（改）")
    workbook.save(path)
    before = tree_digest(basic_content)
    unconfirmed = run_cli("import", "sample", "--xlsx", str(path), "--content", str(basic_content))
    assert unconfirmed.returncode == 1 and "--yes" in unconfirmed.stderr and tree_digest(basic_content) == before
    assert "オンライン申請（改）" in unconfirmed.stdout
    done = run_cli("import", "sample", "--xlsx", str(path), "--content", str(basic_content), "--yes")
    assert done.returncode == 0
    assert "オンライン申請（改）" in (basic_content / "plans/sample/working/initiatives/online.yml").read_text(encoding="utf-8")


def test_cell_problems_are_listed_by_sheet_row_and_column(capsys):
    report_cells([CellProblem("KPI", 3, "値", "数値ではありません"), CellProblem("取組", 2, "", "行が足りません")])
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "シート「KPI」 3行目 列「値」: 数値ではありません"     # sorted by sheet name, then row
    assert lines[1] == "シート「取組」 2行目: 行が足りません" and lines[-1].startswith("2件")
