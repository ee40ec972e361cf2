"""Bad Excel workbooks and CSV files: each mistake reported by sheet, row and column; nothing written."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from openpyxl import load_workbook

from .conftest import run_cli, tree_digest

PLAN = "sample"


@dataclass
class Bad:
    name: str
    edit: Callable          # (workbook) -> None
    expected: str           # one full line of the report


def _set(sheet_name: str, row: int, column: str, value):
    def edit(workbook):
        sheet = workbook[sheet_name]
        header = [c.value for c in sheet[1]]
        sheet.cell(row=row, column=header.index(column) + 1).value = value  # (value=None would be ignored)
    return edit


def _append(sheet_name: str, values: list):
    def edit(workbook):
        workbook[sheet_name].append(values)
    return edit


def _delete_sheet(name: str):
    def edit(workbook):
        del workbook[name]
    return edit


CASES = [
    Bad("unknown department", _set("取組", 2, "担当課1", "市民科"),
        "シート「取組」 2行目 列「担当課1」: 担当課「市民科」は計画の担当課の一覧にありません（選択肢から選んでください）"),
    Bad("unknown theme", _set("取組", 2, "主なテーマ", "countr"),
        "シート「取組」 2行目 列「主なテーマ」: テーマ「countr」は計画のテーマにありません（選択肢シートを参照）"),
    Bad("unknown vision", _set("取組", 2, "ビジョン", "service-9"),
        "シート「取組」 2行目 列「ビジョン」: ビジョン「service-9」は計画のビジョンにありません"),
    Bad("unknown category", _set("取組", 2, "区分1", "窓ロ"),
        "シート「取組」 2行目 列「区分1」: 区分「窓ロ」は計画の区分の一覧にありません（選択肢から選んでください）"),
    Bad("id with path traversal", _set("取組", 2, "取組ID", "../../etc"),
        "シート「取組」 2行目 列「取組ID」: 「../../etc」は取組IDに使えません（半角英小文字・数字・-）"),
    Bad("duplicate id", _set("取組", 3, "取組ID", "online"),
        "シート「取組」 3行目 列「取組ID」: 取組ID「online」が2行目と重複しています"),
    Bad("missing id", _set("取組", 2, "取組ID", None),
        "シート「取組」 2行目 列「取組ID」: 取組IDがありません"),
    Bad("missing title", _set("取組", 2, "取組名", None),
        "シート「取組」 2行目 列「取組名」: 取組名がありません"),
    Bad("status not in the list", _set("スケジュール・進捗", 2, "令和6年度（2024年度） 進捗状況", "運用"),
        "シート「スケジュール・進捗」 2行目 列「令和6年度（2024年度） 進捗状況」: 進捗状況「運用」は選択肢にありません（検討中、運用中、新規）"),
    Bad("progress date not a date", _set("スケジュール・進捗", 2, "令和6年度（2024年度） 進捗の時点", "年末"),
        "シート「スケジュール・進捗」 2行目 列「令和6年度（2024年度） 進捗の時点」: 「年末」は日付として読めません（例: 2024-03-31）"),
    Bad("schedule row for an unknown initiative", _set("スケジュール・進捗", 2, "取組ID", "nothing"),
        "シート「スケジュール・進捗」 2行目 列「取組ID」: 取組ID「nothing」は「取組」シートにありません"),
    Bad("activity year in words", _set("複数年度の活動", 2, "開始年度", "来年度"),
        "シート「複数年度の活動」 2行目 列「開始年度」: 「来年度」は整数ではありません（例: 2024）"),
    Bad("activity without end", _set("複数年度の活動", 2, "終了年度", None),
        "シート「複数年度の活動」 2行目 列「終了年度」: 必須です。値を入力してください"),
    Bad("kpi value with a unit in the cell", _set("KPIの値", 2, "数値", "10件"),
        "シート「KPIの値」 2行目 列「数値」: 「10件」は数値ではありません（単位や「%」は入れず、数字だけを入力）"),
    Bad("kpi value for an unknown kpi", _set("KPIの値", 2, "KPI ID", "nothing"),
        "シート「KPIの値」 2行目 列「KPI ID」: KPI ID「nothing」は「KPI」シートにありません"),
    Bad("kpi value kind not in the list", _set("KPIの値", 2, "種別", "予定"),
        "シート「KPIの値」 2行目 列「種別」: 「予定」は選べません（目標／実績／参考）"),
    Bad("kpi direction not in the list", _set("KPI", 2, "望ましい方向", "多いほうがよい"),
        "シート「KPI」 2行目 列「望ましい方向」: 「多いほうがよい」は選べません（大きいほど良い／小さいほど良い）"),
    Bad("kpi baseline not a number", _set("KPI", 2, "基準値", "ゼロ"),
        "シート「KPI」 2行目 列「基準値」: 「ゼロ」は数値ではありません（単位や「%」は入れず、数字だけを入力）"),
    Bad("missing sheet", _delete_sheet("KPIの値"),
        "シート「KPIの値」 1行目: シート「KPIの値」がありません"),
]


def _export(content: Path, tmp_path: Path) -> Path:
    path = tmp_path / "plan.xlsx"
    result = run_cli("export", PLAN, "--xlsx", str(path), "--content", str(content))
    assert result.returncode == 0, result.stderr
    return path


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_workbook_mistake_is_reported_by_cell(basic_content, tmp_path, case):
    path = _export(basic_content, tmp_path)
    workbook = load_workbook(path)
    case.edit(workbook)
    workbook.save(path)
    before = tree_digest(basic_content)
    result = run_cli("import", PLAN, "--xlsx", str(path), "--content", str(basic_content))
    assert result.returncode == 1
    assert case.expected in result.stderr.splitlines(), result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(basic_content) == before


def test_content_checks_after_import_point_at_the_cell(basic_content, tmp_path):
    path = _export(basic_content, tmp_path)
    workbook = load_workbook(path)
    sheet = workbook["スケジュール・進捗"]
    header = [c.value for c in sheet[1]]
    # A schedule column for a year outside the plan period (2023–2025).
    sheet.cell(row=1, column=len(header) + 1, value="令和9年度（2027年度） 予定・取組事項")
    sheet.cell(row=2, column=len(header) + 1, value="延長した予定")
    workbook.save(path)
    result = run_cli("import", PLAN, "--xlsx", str(path), "--content", str(basic_content))
    assert result.returncode == 1
    assert ("シート「スケジュール・進捗」 2行目 列「令和9年度（2027年度） 予定・取組事項」: "
            "2027年度は計画期間（2023年度～2025年度）の外です") in result.stderr


def test_shift_jis_csv_is_rejected_clearly(basic_content, tmp_path):
    folder = tmp_path / "csv"
    assert run_cli("export", PLAN, "--csv", str(folder), "--content", str(basic_content)).returncode == 0
    sheet = folder / "取組.csv"
    sheet.write_bytes(sheet.read_text(encoding="utf-8-sig").encode("cp932"))
    result = run_cli("import", PLAN, "--csv", str(folder), "--content", str(basic_content))
    assert result.returncode == 1
    assert "取組.csv がUTF-8ではありません" in result.stderr


def test_csv_mistakes_are_reported_like_workbook_ones(basic_content, tmp_path):
    folder = tmp_path / "csv"
    assert run_cli("export", PLAN, "--csv", str(folder), "--content", str(basic_content)).returncode == 0
    sheet = folder / "取組.csv"
    sheet.write_text(sheet.read_text(encoding="utf-8-sig").replace("市民課,政策企画課", "市民科,政策企画課", 1),
                     encoding="utf-8-sig")
    result = run_cli("import", PLAN, "--csv", str(folder), "--content", str(basic_content))
    assert result.returncode == 1
    assert "シート「取組」 2行目 列「担当課1」: 担当課「市民科」は計画の担当課の一覧にありません" in result.stderr


def test_three_sheets_with_problems_are_reported_at_once(basic_content, tmp_path):
    path = _export(basic_content, tmp_path)
    workbook = load_workbook(path)
    for case in (CASES[0], CASES[8], CASES[13]):
        case.edit(workbook)
    workbook.save(path)
    result = run_cli("import", PLAN, "--xlsx", str(path), "--content", str(basic_content))
    lines = result.stderr.splitlines()
    for case in (CASES[0], CASES[8], CASES[13]):
        assert case.expected in lines
