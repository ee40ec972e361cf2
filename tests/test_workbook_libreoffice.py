"""Workbooks as staff really save them: exported, edited and saved in LibreOffice Calc
(Debian's, headless, through its own API), then imported (issue 19, points 1-6).

Each case asserts the exit code, the Japanese message with the sheet, row or cell and the
fix, and that the content tree is unchanged (or changed exactly as intended)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from .conftest import run_cli, tree_digest
from .libreoffice import calc, copy_column, merge, rename, set_cell, sort

pytestmark = pytest.mark.slow   # LibreOffice Calc, headless, in processes of its own

PLAN = "sample"
W = Path("plans/sample/working")


def _export(content: Path, path: Path) -> Path:
    result = run_cli("export", PLAN, "--xlsx", str(path), "--content", str(content))
    assert result.returncode == 0, result.stderr
    return path


def _import(content: Path, path: Path, *options: str):
    return run_cli("import", PLAN, "--xlsx", str(path), "--content", str(content), *options)


def _refused(content: Path, path: Path, *expected: str, options: tuple = ("--yes",)) -> str:
    before = tree_digest(content)
    result = _import(content, path, *options)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    for text in expected:
        assert text in result.stderr, result.stderr
    assert tree_digest(content) == before, "content/ was changed"
    return result.stderr


def _file(content: Path, name: str) -> Path:
    return content / W / "initiatives" / name


# ── 1. a duplicated column ─────────────────────────────────────────────────────

def test_a_column_copied_next_to_itself_is_refused_naming_both_cells(basic_content, tmp_path):
    exported = _export(basic_content, tmp_path / "export.xlsx")
    saved = calc(exported, tmp_path / "edited.xlsx", copy_column("取組", "備考・注記"),
                 set_cell("取組", "備考・注記", "左の列に書いた備考", 取組ID="online"))
    _refused(basic_content, saved, "シート「取組」 1行目 列「備考・注記」",
             "見出し「備考・注記」が S1 と T1 の2つの列にあります",
             "残す列に内容をまとめ、もう一方の列を削除してください")


def test_a_copied_department_column_in_an_ods_file_is_refused(basic_content, tmp_path):
    """Every department would be read twice: refused by both cells, in LibreOffice's own format."""
    exported = _export(basic_content, tmp_path / "export.xlsx")
    saved = calc(exported, tmp_path / "edited.ods", copy_column("取組", "担当課1"))
    _refused(basic_content, saved, "見出し「担当課1」が H1 と I1 の2つの列にあります")


def test_a_department_listed_twice_in_one_initiative_is_refused_by_cell(basic_content, tmp_path):
    exported = _export(basic_content, tmp_path / "export.xlsx")
    saved = calc(exported, tmp_path / "edited.xlsx", set_cell("取組", "担当課3", "市民課", 取組ID="online"))
    _refused(basic_content, saved, "シート「取組」 2行目 列「担当課3」: 担当課「市民課」が「担当課1」にもあります")


def test_a_department_listed_twice_in_yaml_is_refused_with_its_line(basic_content):
    path = _file(basic_content, "online.yml")
    path.write_text(path.read_text(encoding="utf-8").replace("departments: [市民課, 政策企画課]",
                                                              "departments: [市民課, 政策企画課, 市民課]"),
                    encoding="utf-8")
    before = tree_digest(basic_content)
    result = run_cli("validate", "--content", str(basic_content))
    assert result.returncode == 1
    assert f"{basic_content}/{W}/initiatives/online.yml:7: departments[2]: 「市民課」がこの一覧に2回書かれています" \
        in result.stderr
    assert "→ 2つ目を削除してください" in result.stderr
    assert tree_digest(basic_content) == before


# ── 2. two people at once ──────────────────────────────────────────────────────

def _colleague_edits(content: Path) -> dict[str, str]:
    """Person B, after A exported: a new title and a new progress entry, written in the YAML."""
    path = _file(content, "online.yml")
    text = path.read_text(encoding="utf-8")
    text = text.replace("title: オンライン申請", "title: オンライン申請の拡充")
    text = text.replace("    as_of: 2024-12-31\nkpis:", "    as_of: 2024-12-31\n  2025:\n    status: 運用中\n"
                                                        "    text: 26手続に拡大\nkpis:")
    path.write_text(text, encoding="utf-8")
    return {"online.yml": text}


@pytest.mark.parametrize("form", ["xlsx", "ods"])
def test_a_colleagues_change_since_the_export_is_kept(basic_content, tmp_path, form):
    exported = _export(basic_content, tmp_path / "a.xlsx")
    colleague = _colleague_edits(basic_content)
    reservation = _file(basic_content, "reservation.yml").read_text(encoding="utf-8")
    saved = calc(exported, tmp_path / f"a-edited.{form}", set_cell("取組", "目的", "予約で待ち時間をなくす", 取組ID="reservation"))
    result = _import(basic_content, saved, "--yes")
    assert result.returncode == 0, result.stderr
    assert ("シート「取組」 2行目 列「取組ID」: 取組「オンライン申請の拡充」（working/initiatives/online.yml）は、"
            "この表を書き出した後") in result.stderr
    assert "その変更をそのまま残します（確認してください）" in result.stderr
    assert "書き換えたファイル 1件" in result.stdout
    assert _file(basic_content, "online.yml").read_text(encoding="utf-8") == colleague["online.yml"]
    assert _file(basic_content, "reservation.yml").read_text(encoding="utf-8") == \
        reservation.replace("departments: [市民課]\n", "departments: [市民課]\npurpose: 予約で待ち時間をなくす\n")


def test_a_row_both_people_changed_is_refused_by_name_with_how_to_re_export(basic_content, tmp_path):
    exported = _export(basic_content, tmp_path / "a.xlsx")
    _colleague_edits(basic_content)
    saved = calc(exported, tmp_path / "a-edited.xlsx",
                 set_cell("取組", "目的", "Aが書いた目的", 取組ID="online"),
                 set_cell("取組", "目的", "予約で待ち時間をなくす", 取組ID="reservation"))
    stderr = _refused(basic_content, saved,
                      "シート「取組」 2行目 列「取組ID」: 取組「オンライン申請の拡充」（working/initiatives/online.yml）は、"
                      "この表を書き出した後",
                      "このまま取り込むと、その変更（ほかの人の編集かもしれません）を元に戻してしまいます",
                      f"planpub export {PLAN} --xlsx {tmp_path / 'a-edited-new.xlsx'} --content {basic_content}",
                      "--skip-changed")
    assert "reservation" not in stderr.split("上の 1件は")[0].split("online.yml")[-1]

    # the rest can go in now; the colleague's initiative stays exactly as they left it
    colleague = _file(basic_content, "online.yml").read_text(encoding="utf-8")
    result = _import(basic_content, saved, "--yes", "--skip-changed")
    assert result.returncode == 0, result.stderr
    assert "上の 1件は、ほかの人の変更を残すため取り込みません" in result.stderr
    assert _file(basic_content, "online.yml").read_text(encoding="utf-8") == colleague
    assert "purpose: 予約で待ち時間をなくす" in _file(basic_content, "reservation.yml").read_text(encoding="utf-8")


def test_an_initiative_a_colleague_added_since_the_export_is_not_deleted(basic_content, tmp_path):
    exported = _export(basic_content, tmp_path / "a.xlsx")
    added = _file(basic_content, "kiosk.yml")
    added.write_text('number: "No.4"\ntitle: キオスク端末\ndepartments: [市民課]\n', encoding="utf-8")
    saved = calc(exported, tmp_path / "a-edited.xlsx", set_cell("取組", "目的", "予約で待ち時間をなくす", 取組ID="reservation"))
    result = _import(basic_content, saved, "--yes")
    assert result.returncode == 0, result.stderr
    assert "working/initiatives/kiosk.yml は、この表を書き出した後" in result.stderr and "そのまま残します" in result.stderr
    assert added.read_text(encoding="utf-8") == 'number: "No.4"\ntitle: キオスク端末\ndepartments: [市民課]\n'


def test_a_workbook_without_its_export_record_is_refused(basic_content, tmp_path):
    exported = _export(basic_content, tmp_path / "a.xlsx")
    workbook = load_workbook(exported)
    assert workbook["書き出し情報"].sheet_state == "hidden"
    del workbook["書き出し情報"]
    workbook.save(exported)
    _refused(basic_content, exported, "シート「書き出し情報」 1行目: この表には書き出しの記録（シート「書き出し情報」）がありません",
             "planpub export で書き出し直した表に変更を入れてから取り込んでください")


# ── 3. row order ───────────────────────────────────────────────────────────────

def test_sorting_a_sheet_changes_nothing_and_says_so(basic_content, tmp_path):
    before = tree_digest(basic_content)
    exported = _export(basic_content, tmp_path / "a.xlsx")
    saved = calc(exported, tmp_path / "sorted.xlsx", sort("取組", "取組ID", descending=True),
                 sort("KPI", "KPI ID", descending=False))
    rows = [row[0].value for row in load_workbook(saved)["取組"].iter_rows(min_row=2)]
    assert rows == ["reservation", "paperless", "online"]
    result = _import(basic_content, saved, "--yes")
    assert result.returncode == 0, result.stderr
    assert "シート「取組」 1行目: 行の順序は計画の取組の順序に反映しません" in result.stderr
    assert "plan.yml の initiatives の順序を変えてください" in result.stderr
    assert "取り込む内容は作業中の版と同じです" in result.stdout
    assert tree_digest(basic_content) == before
    # …and nothing anywhere reports a change that was not made
    diff = run_cli("diff", PLAN, "1.1", "working", "--content", str(basic_content))
    assert "順" not in diff.stdout


def test_a_new_row_sorted_to_the_top_joins_the_end_of_the_plan(basic_content, tmp_path):
    exported = _export(basic_content, tmp_path / "a.xlsx")
    workbook = load_workbook(exported)
    sheet = workbook["取組"]
    header = [c.value for c in sheet[1]]
    sheet.append({header.index("取組ID") + 1: "aaa-new", header.index("取組名") + 1: "新しい取組",
                  header.index("番号") + 1: "No.9"})
    workbook.save(exported)
    saved = calc(exported, tmp_path / "sorted.xlsx", sort("取組", "取組ID"))
    result = _import(basic_content, saved, "--yes")
    assert result.returncode == 0, result.stderr
    plan = (basic_content / W / "plan.yml").read_text(encoding="utf-8")
    assert "initiatives: [online, paperless, reservation, aaa-new]" in plan


# ── 4. merged cells ────────────────────────────────────────────────────────────

def test_merged_cells_are_refused_by_range(basic_content, tmp_path):
    exported = _export(basic_content, tmp_path / "a.xlsx")
    saved = calc(exported, tmp_path / "merged.xlsx", merge("取組", "D2:D3"))
    _refused(basic_content, saved, "シート「取組」 2行目: セル D2:D3 が結合されています",
             "結合を解除し（「セルの結合を解除」）、それぞれのセルに値を入れてください")


# ── 5. formula-like text ───────────────────────────────────────────────────────

FORMULA_LIKE = {"purpose": "=SUM(A1:A3) は式ではなく文章", "current": "+10件の増加", "issues": "-5%の減少",
                "effect": "@市民課 への連絡", "notes": "\t字下げした備考"}


def _formula_like(content: Path) -> Path:
    path = _file(content, "online.yml")
    text = path.read_text(encoding="utf-8")
    for key, value in FORMULA_LIKE.items():
        text = "\n".join(f'{key}: "{value}"'.replace("\t", "\\t") if line.startswith(f"{key}:") else line
                         for line in text.split("\n"))
    path.write_text(text, encoding="utf-8")
    assert run_cli("validate", "--content", str(content)).returncode == 0
    return path


def test_values_that_look_like_formulas_survive_libreoffice_and_the_round_trip(basic_content, tmp_path):
    _formula_like(basic_content)
    before = tree_digest(basic_content)
    exported = _export(basic_content, tmp_path / "a.xlsx")
    sheet = load_workbook(exported)["取組"]
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "online")
    assert row[header.index("目的")].data_type == "s" and row[header.index("目的")].value == FORMULA_LIKE["purpose"]
    for form in ("xlsx", "ods"):
        saved = calc(exported, tmp_path / f"saved.{form}")
        result = _import(basic_content, saved, "--yes")
        assert result.returncode == 0, result.stderr
        assert "取り込む内容は作業中の版と同じです" in result.stdout, result.stdout
        assert tree_digest(basic_content) == before


def test_formula_like_values_in_csv_are_neutralised_and_read_back(basic_content, tmp_path):
    _formula_like(basic_content)
    before = tree_digest(basic_content)
    folder = tmp_path / "csv"
    assert run_cli("export", PLAN, "--csv", str(folder), "--content", str(basic_content)).returncode == 0
    text = (folder / "取組.csv").read_text(encoding="utf-8-sig")
    assert "'=SUM(A1:A3)" in text and "'+10件" in text and "'-5%" in text and "'@市民課" in text and "'\t字下げ" in text
    result = run_cli("import", PLAN, "--csv", str(folder), "--content", str(basic_content), "--yes")
    assert result.returncode == 0, result.stderr
    assert "取り込む内容は作業中の版と同じです" in result.stdout
    assert tree_digest(basic_content) == before


# ── 6. LibreOffice's own format ────────────────────────────────────────────────

def test_an_ods_file_is_imported_like_a_workbook(basic_content, tmp_path):
    exported = _export(basic_content, tmp_path / "a.xlsx")
    saved = calc(exported, tmp_path / "edited.ods", set_cell("取組", "取組名", "電子申請", 取組ID="online"))
    result = _import(basic_content, saved, "--yes")
    assert result.returncode == 0, result.stderr
    assert 'title: 電子申請' in _file(basic_content, "online.yml").read_text(encoding="utf-8")


def test_a_renamed_sheet_is_named_in_the_refusal(basic_content, tmp_path):
    exported = _export(basic_content, tmp_path / "a.xlsx")
    saved = calc(exported, tmp_path / "renamed.ods", rename("取組", "取組一覧"))
    _refused(basic_content, saved, "シート「取組」 1行目: シート「取組」がありません。このブックにあるシート「取組一覧」は読み取りません",
             "シートの名前を変えた場合は「取組」に戻してください")


def test_an_old_xls_file_is_refused_with_the_fix(basic_content, tmp_path):
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)   # an OLE2 (Excel 97) header
    _refused(basic_content, old, "古い Excel 形式（.xls）のため読み込めません", "「Excel ブック（.xlsx）」を選んで保存し直してください")
