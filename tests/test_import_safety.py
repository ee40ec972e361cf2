"""An import never surprises: it shows what will change and asks (--yes for scripts),
writes only the files whose data changed and in them only the changed values (comments
and hand-written style kept), never touches figures/, refuses edited headers, reads cell
number formats and Japanese input habits or refuses them by cell. Each failing case
asserts the exit code, the message, no traceback, and that nothing was written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from .conftest import FIXTURES, ROOT, run_cli, tree_digest

PLAN = "sample"
HANDWRITTEN = FIXTURES / "handwritten"


@pytest.fixture
def handwritten(basic_content: Path) -> Path:
    """The basic fixture with initiative files written by hand (comments, odd quoting, flow lists)."""
    for path in (HANDWRITTEN / "initiatives").glob("*.yml"):
        shutil.copyfile(path, basic_content / "plans" / PLAN / "working" / "initiatives" / path.name)
    return basic_content


def _export(content: Path, tmp_path: Path, plan: str = PLAN) -> Path:
    path = tmp_path / f"{plan}.xlsx"
    result = run_cli("export", plan, "--xlsx", str(path), "--content", str(content))
    assert result.returncode == 0, result.stderr
    return path


def _import(content: Path, path: Path, *options: str, plan: str = PLAN):
    return run_cli("import", plan, "--xlsx", str(path), "--content", str(content), *options)


def _cell(workbook, sheet: str, column: str, **where):
    """The cell of `column` in the first row whose cells match `where` (header → value)."""
    table = workbook[sheet]
    header = [c.value for c in table[1]]
    for row in table.iter_rows(min_row=2):
        if all(row[header.index(k)].value == v for k, v in where.items()):
            return row[header.index(column)]
    raise AssertionError(f"no row {where} in {sheet}")


def _edit(path: Path, change) -> None:
    workbook = load_workbook(path)
    change(workbook)
    workbook.save(path)


def _percent(sheet: str, column: str, value: float, number_format: str, **where):
    """An edit: a number shown as a percentage, as Excel stores it (80.1% is 0.801)."""
    def edit(workbook):
        cell = _cell(workbook, sheet, column, **where)
        cell.value, cell.number_format = value, number_format
    return edit


def _refused_unchanged(content: Path, path: Path, *expected: str) -> None:
    """The import (with --yes) is refused with `expected` and writes nothing."""
    before = tree_digest(content)
    _refused(_import(content, path, "--yes"), *expected)
    assert tree_digest(content) == before


def _refused(result, *expected: str) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    for text in expected:
        assert text in result.stderr, result.stderr
    assert "Traceback" not in result.stderr + result.stdout


# ── nothing changed: nothing written ───────────────────────────────────────────

def test_unchanged_hand_written_files_stay_byte_identical(handwritten, tmp_path):
    before = tree_digest(handwritten)
    for form in ("xlsx", "csv"):
        target = tmp_path / ("export.xlsx" if form == "xlsx" else "export-csv")
        assert run_cli("export", PLAN, f"--{form}", str(target), "--content", str(handwritten)).returncode == 0
        result = run_cli("import", PLAN, f"--{form}", str(target), "--content", str(handwritten))
        assert result.returncode == 0, result.stderr
        assert "何も書き換えていません" in result.stdout
        assert tree_digest(handwritten) == before


def test_new_scaffold_keeps_its_explanations(tmp_path):
    content = tmp_path / "content"
    assert run_cli("new", "fresh", "--content", str(content)).returncode == 0
    comments = [p for p in content.rglob("*.yml") if "#" in p.read_text(encoding="utf-8")]
    assert comments, "the scaffold explains itself in comments"
    before = tree_digest(content)
    path = _export(content, tmp_path, "fresh")
    result = _import(content, path, plan="fresh")
    assert result.returncode == 0, result.stderr
    assert tree_digest(content) == before


# ── a change: shown, confirmed, and only it written ────────────────────────────

def test_changed_title_changes_only_its_line_and_keeps_comments(handwritten, tmp_path):
    file = handwritten / "plans" / PLAN / "working" / "initiatives" / "online.yml"
    original = file.read_text(encoding="utf-8")
    others = {p.name: p.read_bytes() for p in file.parent.glob("*.yml") if p != file}
    plan_yml = (file.parent.parent / "plan.yml").read_bytes()
    path = _export(handwritten, tmp_path)
    _edit(path, lambda wb: setattr(_cell(wb, "取組", "取組名", 取組ID="online"), "value", "電子申請"))
    result = _import(handwritten, path, "--yes")
    assert result.returncode == 0, result.stderr
    assert "名称が変わった取組（1件）" in result.stdout and "電子申請" in result.stdout and "書き換えたファイル 1件" in result.stdout
    changed = file.read_text(encoding="utf-8")
    assert changed == original.replace('title: "オンライン申請"', 'title: "電子申請"')
    assert {p.name: p.read_bytes() for p in file.parent.glob("*.yml") if p != file} == others
    assert (file.parent.parent / "plan.yml").read_bytes() == plan_yml


def test_changed_value_in_a_flow_mapping_keeps_the_rest(handwritten, tmp_path):
    file = handwritten / "plans" / PLAN / "working" / "initiatives" / "online.yml"
    original = file.read_text(encoding="utf-8")
    path = _export(handwritten, tmp_path)
    _edit(path, lambda wb: setattr(_cell(wb, "KPIの値", "数値", **{"KPI ID": "online-procedures", "年度": 2025,
                                                                  "種別": "目標"}), "value", 30))
    result = _import(handwritten, path, "--yes")
    assert result.returncode == 0, result.stderr
    text = file.read_text(encoding="utf-8")
    assert "# オンライン申請の取組（担当: 市民課）" in text and "# 国の26手続" in text and "# 最後のコメント" in text
    assert "related_themes: [ service ]   # 関連テーマ" in text
    assert "number: 'No.1'" in text and "# 資料の番号そのまま" in text
    assert [line for line in text.splitlines() if "value: 30" in line], text
    changed = [(a, b) for a, b in zip(original.splitlines(), text.splitlines()) if a != b]
    assert len(original.splitlines()) == len(text.splitlines()) and len(changed) == 1, changed


def test_removed_initiative_needs_confirmation(basic_content, tmp_path):
    path = _export(basic_content, tmp_path)

    def remove(workbook):
        for name in ("取組", "スケジュール・進捗"):
            table = workbook[name]
            for row in range(table.max_row, 1, -1):
                if table.cell(row=row, column=1).value == "paperless":
                    table.delete_rows(row)
    _edit(path, remove)
    before = tree_digest(basic_content)
    result = _import(basic_content, path)  # stdin is not a terminal: no one can answer
    _refused(result, "--yes を付けて実行してください", "何も書き換えていません")
    assert "削除された取組（1件）" in result.stdout and "・No.2 ペーパーレス化" in result.stdout
    assert tree_digest(basic_content) == before
    result = _import(basic_content, path, "--yes")
    assert result.returncode == 0, result.stderr
    initiatives = basic_content / "plans" / PLAN / "working" / "initiatives"
    assert not (initiatives / "paperless.yml").exists() and (initiatives / "online.yml").exists()
    assert "paperless" not in (initiatives.parent / "plan.yml").read_text(encoding="utf-8")


def test_import_keeps_working_figures(basic_content, tmp_path):
    figures = basic_content / "plans" / PLAN / "working" / "figures"
    figures.mkdir()
    (figures / "map.png").write_bytes(b"\x89PNG not really")
    path = _export(basic_content, tmp_path)
    _edit(path, lambda wb: setattr(_cell(wb, "取組", "取組名", 取組ID="online"), "value", "電子申請"))
    result = _import(basic_content, path, "--yes")
    assert result.returncode == 0, result.stderr
    assert (figures / "map.png").read_bytes() == b"\x89PNG not really"
    assert (basic_content / "plans" / PLAN / "working" / "chapters").is_dir()


# ── refused, with the cell named ───────────────────────────────────────────────

def test_edited_header_is_refused_naming_the_cell(basic_content, tmp_path):
    path = _export(basic_content, tmp_path)

    def rename(workbook):
        header = [c.value for c in workbook["取組"][1]]
        workbook["取組"].cell(row=1, column=header.index("効果") + 1).value = "期待される効果"
    _edit(path, rename)
    _refused_unchanged(basic_content, path,
                       "シート「取組」 1行目 列「期待される効果」: Q1 の見出し「期待される効果」は、このシートの列ではありません",
                       "使える見出し: 取組ID／番号／取組名", "効果", "何も書き換えていません")


def test_added_numbered_department_column_is_not_an_unknown_header(basic_content, tmp_path):
    path = _export(basic_content, tmp_path)

    def add(workbook):
        table = workbook["取組"]
        table.insert_cols(11)
        table.cell(row=1, column=11).value = "担当課4"
    _edit(path, add)
    result = _import(basic_content, path, "--yes")
    assert result.returncode == 0, result.stderr


def test_percent_cell_in_a_column_that_is_not_percent_is_refused(basic_content, tmp_path):
    path = _export(basic_content, tmp_path)
    _edit(path, _percent("KPIの値", "数値", 0.801, "0.0%", **{"KPI ID": "online-procedures", "年度": 2024, "種別": "目標"}))
    _refused_unchanged(basic_content, path,
                       "シート「KPIの値」 2行目 列「数値」: セルの表示形式がパーセント（80.1%）ですが、この列はパーセントの列ではありません")


def test_percent_cell_of_a_percent_kpi_is_read_as_percent(basic_content, tmp_path):
    path = _export(basic_content, tmp_path)

    _edit(path, lambda wb: setattr(_cell(wb, "KPI", "単位", **{"KPI ID": "online-procedures"}), "value", "%"))
    _edit(path, _percent("KPIの値", "数値", 0.101, "0.0%", **{"KPI ID": "online-procedures", "年度": 2024, "種別": "目標"}))
    result = _import(basic_content, path, "--yes")
    assert result.returncode == 0, result.stderr
    text = (basic_content / "plans" / PLAN / "working" / "initiatives" / "online.yml").read_text(encoding="utf-8")
    assert "2024: {value: 10.1}" in text and "unit: '%'" in text


def test_fifty_percent_typed_in_change_percent_means_fifty(basic_content, tmp_path):
    """Excel stores 「-50%」 typed into 増減率（%） as -0.5 with a percent format: the same as
    the file's change_percent: -50, so nothing changes."""
    path = _export(basic_content, tmp_path)

    _edit(path, _percent("KPIの値", "増減率（%）", -0.5, "0%", **{"KPI ID": "counter-wait", "種別": "目標"}))
    before = tree_digest(basic_content)
    result = _import(basic_content, path)
    assert result.returncode == 0, result.stderr
    assert "何も書き換えていません" in result.stdout and tree_digest(basic_content) == before


def test_percent_typed_as_text_in_a_number_column_is_refused(basic_content, tmp_path):
    path = _export(basic_content, tmp_path)
    _edit(path, lambda wb: setattr(_cell(wb, "KPI", "基準値", **{"KPI ID": "online-procedures"}), "value", "50%"))
    _refused_unchanged(basic_content, path, "シート「KPI」 2行目 列「基準値」: 「50%」の「%」はこの列では使えません")


def test_line_break_in_a_title_is_refused(basic_content, tmp_path):
    path = _export(basic_content, tmp_path)
    _edit(path, lambda wb: setattr(_cell(wb, "取組", "取組名", 取組ID="online"), "value", "オンライン\n申請"))
    _refused_unchanged(basic_content, path,
                       "シート「取組」 2行目 列「取組名」: 「オンライン⏎申請」に改行が含まれています。名称は1行で入力してください")


# ── Japanese input habits: read with a note ────────────────────────────────────

def test_japanese_input_habits_are_read_with_a_note(basic_content, tmp_path):
    path = _export(basic_content, tmp_path)

    def habits(workbook):
        target = {"KPI ID": "online-procedures", "年度": 2025, "種別": "目標"}
        _cell(workbook, "KPIの値", "数値", **target).value = "３０"                      # full-width digits
        _cell(workbook, "KPIの値", "年度", **target).value = "令和6年度"                 # wareki fiscal year
        actual = {"KPI ID": "online-procedures", "年度": 2024, "種別": "実績"}
        _cell(workbook, "KPIの値", "時点", **actual).value = "2025/3/31"               # a date typed as text
        _cell(workbook, "KPI", "基準値", **{"KPI ID": "counter-wait"}).value = "▲5"     # negative
        _cell(workbook, "取組", "取組名", 取組ID="paperless").value = "ペーパーレス化  "  # trailing spaces
    _edit(path, habits)
    # 2025 target moved to 令和6年度 = 2024 collides with the existing 2024 target: move that one away.
    _edit(path, lambda wb: setattr(_cell(wb, "KPIの値", "年度", **{"KPI ID": "online-procedures", "年度": 2024,
                                                                  "種別": "目標"}), "value", 2023))
    result = _import(basic_content, path, "--yes")
    assert result.returncode == 0, result.stderr
    assert "「３０」を 30 として読み取りました（確認してください）" in result.stderr
    assert "「令和6年度」を 2024 として読み取りました" in result.stderr
    assert "「▲5」を -5 として読み取りました" in result.stderr
    text = (basic_content / "plans" / PLAN / "working" / "initiatives" / "online.yml").read_text(encoding="utf-8")
    assert "2023: {value: 10}" in text and "2024: {value: 30, text: 26手続}" in text
    assert "2024: {value: 10, as_of: '2025-03-31'}" in text and "baseline: {fy: 2023, value: -5}" in text
    paperless = (basic_content / "plans" / PLAN / "working" / "initiatives" / "paperless.yml").read_text(encoding="utf-8")
    assert "title: ペーパーレス化\n" in paperless


def test_csv_percent_text_in_change_percent_and_full_width_year(basic_content, tmp_path):
    """CSV cells are text: 「-50%」 in 増減率（%） is -50 (as the file says) and 「２０２５」 is 2025."""
    import csv
    folder = tmp_path / "csv"
    assert run_cli("export", PLAN, "--csv", str(folder), "--content", str(basic_content)).returncode == 0
    path = folder / "KPIの値.csv"
    with open(path, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    header = rows[0]
    for row in rows[1:]:
        if row[header.index("KPI ID")] == "counter-wait" and row[header.index("種別")] == "目標":
            row[header.index("増減率（%）")] = "-50%"
        if row[header.index("年度")] == "2025":
            row[header.index("年度")] = "２０２５"
    with open(path, "w", encoding="utf-8-sig", newline="") as stream:
        csv.writer(stream, lineterminator="\r\n").writerows(rows)
    before = tree_digest(basic_content)
    result = run_cli("import", PLAN, "--csv", str(folder), "--content", str(basic_content))
    assert result.returncode == 0, result.stderr
    assert "「-50%」を -50 として読み取りました" in result.stderr and "「２０２５」を 2025 として読み取りました" in result.stderr
    assert "何も書き換えていません" in result.stdout and tree_digest(basic_content) == before


PATTERN_PLANS = sorted(p.name for p in (FIXTURES / "patterns" / "plans").iterdir() if (p / "working").is_dir())


@pytest.mark.parametrize("plan", PATTERN_PLANS)
def test_pattern_plans_survive_export_and_import_byte_for_byte(tmp_path, plan):
    """Plans of many shapes written by hand for the pattern tests: nothing written back."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "patterns", content)
    before = tree_digest(content)
    path = _export(content, tmp_path, plan)
    result = _import(content, path, plan=plan)
    assert result.returncode == 0, result.stderr
    assert "何も書き換えていません" in result.stdout and tree_digest(content) == before
