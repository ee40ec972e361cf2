"""A theme's own labels (plan.yml `themes[].labels`: one chapter calls its measures
「目標(令和8年度)」) in the workbook's テーマの項目名 sheet (#18): exported, read back, written to
plan.yml as changed values only (hand-written YAML with comments keeps its bytes), refused by
sheet, row and column. In process; the LibreOffice round trip is in
test_workbook_theme_labels_libreoffice.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.i18n import set_language
from generator.staff.sheets import themes_from_tables, to_tables
from generator.validate import load_valid_site

from .conftest import pattern_plan_copy, run_cli, tree_digest

PLAN = "scoped-labels"
SHEET, ID, LABELS = "テーマの項目名", "テーマID", "このテーマでの項目の呼び方"


def plan_copy(tmp_path: Path, plan_id: str = PLAN) -> Path:
    return pattern_plan_copy(tmp_path, plan_id)


def working_of(content: Path, plan_id: str = PLAN):
    set_language("ja")
    result = load_valid_site(content)
    assert not result.problems, [p.format() for p in result.problems]
    return next(p for p in result.site.plans if p.id == plan_id).working


def plan_yml(content: Path) -> Path:
    return content / "plans" / PLAN / "working/plan.yml"


def exported(content: Path, tmp_path: Path, form: str = "xlsx") -> Path:
    target = tmp_path / ("book.xlsx" if form == "xlsx" else "book-csv")
    result = run_cli("export", PLAN, f"--{form}", str(target), "--content", str(content))
    assert result.returncode == 0, result.stderr
    return target


def edit_xlsx(path: Path, cells: dict[str, str]) -> Path:
    book = load_workbook(path)
    sheet = book[SHEET]
    header = [c.value for c in sheet[1]]
    for theme_id, value in cells.items():
        row = next(r for r in range(2, sheet.max_row + 2) if sheet.cell(r, header.index(ID) + 1).value == theme_id)
        sheet.cell(row, header.index(LABELS) + 1).value = value
    edited = path.with_name("edited.xlsx")
    book.save(edited)
    return edited


def test_the_sheet_lists_every_theme_with_its_own_labels(tmp_path):
    content = working_of(plan_copy(tmp_path))
    [sheet] = [t for t in to_tables(content, ["実施中"]) if t.name == SHEET]
    assert sheet.header == [ID, "テーマ（参考）", LABELS]
    assert sheet.rows == [["chapter-4", "第4章 行政サービスのデジタル化", None],
                          ["chapter-5", "第5章 地域のデジタル化", "指標(KPI): 目標(令和8年度)"]]
    themes, problems = themes_from_tables({sheet.name: sheet}, content)
    assert problems == [] and [t.labels for t in themes] == [{}, {"kpis": "目標(令和8年度)"}]


def test_a_plan_without_themes_has_no_such_sheet(tmp_path):
    content = working_of(plan_copy(tmp_path, "schedules"), "schedules")
    assert SHEET not in [t.name for t in to_tables(content, ["実施中"])]


def test_a_workbook_exported_before_the_sheet_existed_keeps_the_labels(tmp_path):
    content = working_of(plan_copy(tmp_path))
    themes, problems = themes_from_tables({}, content)
    assert problems == [] and themes is content.themes


@pytest.mark.parametrize("form", ["xlsx", "csv"])
def test_an_unchanged_workbook_leaves_plan_yml_byte_identical(tmp_path, form):
    content = plan_copy(tmp_path)
    before = tree_digest(content)
    result = run_cli("import", PLAN, f"--{form}", str(exported(content, tmp_path, form)), "--content", str(content))
    assert result.returncode == 0, result.stderr
    assert "何も書き換えていません" in result.stdout and tree_digest(content) == before


def test_changed_labels_are_written_back_as_changed_values_only(tmp_path):
    content = plan_copy(tmp_path)
    original = plan_yml(content).read_text(encoding="utf-8")
    book = edit_xlsx(exported(content, tmp_path), {"chapter-4": "指標(KPI): 成果指標\n予定・取組事項: 工程",
                                                   "chapter-5": "指標(KPI)：目標(令和9年度)"})
    result = run_cli("import", PLAN, "--xlsx", str(book), "--content", str(content), "--yes")
    assert result.returncode == 0, result.stderr
    assert "[変更] テーマ「第5章 地域のデジタル化」 項目の呼び方" in result.stdout
    text = plan_yml(content).read_text(encoding="utf-8")
    # the hand-written line keeps its flow style and its comment; only the value changed
    assert "    labels: {kpis: 目標(令和9年度)}      # この章だけ、測る項目の呼び方が違う\n" in text
    assert text.replace("      kpis: 成果指標\n      schedule: 工程\n", "").replace("    labels:\n", "", 1) \
        .replace("令和9年度", "令和8年度") == original
    assert [t.labels for t in working_of(content).themes] == [{"kpis": "成果指標", "schedule": "工程"},
                                                              {"kpis": "目標(令和9年度)"}]


def test_emptied_labels_are_removed(tmp_path):
    content = plan_copy(tmp_path)
    book = edit_xlsx(exported(content, tmp_path), {"chapter-5": None})
    assert run_cli("import", PLAN, "--xlsx", str(book), "--content", str(content), "--yes").returncode == 0
    assert "labels" not in plan_yml(content).read_text(encoding="utf-8").split("themes:")[1].split("departments:")[0]


def test_the_csv_files_carry_the_sheet_too(tmp_path):
    content = plan_copy(tmp_path)
    folder = exported(content, tmp_path, "csv")
    sheet = folder / f"{SHEET}.csv"
    text = sheet.read_text(encoding="utf-8-sig")
    assert "chapter-5" in text and "目標(令和8年度)" in text
    sheet.write_text(text.replace("目標(令和8年度)", "目標(令和10年度)"), encoding="utf-8-sig")
    result = run_cli("import", PLAN, "--csv", str(folder), "--content", str(content), "--yes")
    assert result.returncode == 0, result.stderr
    assert "labels: {kpis: 目標(令和10年度)}" in plan_yml(content).read_text(encoding="utf-8")


def test_bad_rows_are_refused_by_sheet_row_and_column_and_nothing_is_written(tmp_path):
    content = plan_copy(tmp_path)
    book = load_workbook(edit_xlsx(exported(content, tmp_path), {"chapter-4": "ひょうか: 成果指標"}))
    book[SHEET].append(["chapter-9", None, "指標(KPI): 目標"])
    book[SHEET].append(["chapter-5", None, None])
    path = tmp_path / "bad.xlsx"
    book.save(path)
    before = tree_digest(content)
    result = run_cli("import", PLAN, "--xlsx", str(path), "--content", str(content), "--yes")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"シート「{SHEET}」 2行目 列「{LABELS}」: 「ひょうか: 成果指標」は読めません" in result.stderr
    assert f"シート「{SHEET}」 4行目 列「{ID}」: テーマID「chapter-9」はこの計画にありません" in result.stderr
    assert f"シート「{SHEET}」 5行目 列「{ID}」: テーマID「chapter-5」の行が2つあります" in result.stderr
    assert tree_digest(content) == before


def test_an_edited_header_is_refused(tmp_path):
    content = plan_copy(tmp_path)
    book = load_workbook(exported(content, tmp_path))
    book[SHEET]["C1"] = "呼び方"
    path = tmp_path / "renamed.xlsx"
    book.save(path)
    result = run_cli("import", PLAN, "--xlsx", str(path), "--content", str(content), "--yes")
    assert result.returncode == 1 and "C1 の見出し「呼び方」" in result.stderr


def test_a_colleagues_change_to_plan_yml_is_kept_or_refused(tmp_path):
    content = plan_copy(tmp_path)
    untouched = exported(content, tmp_path)
    touched = edit_xlsx(untouched, {"chapter-4": "指標(KPI): 成果指標"})
    path = plan_yml(content)
    path.write_text(path.read_text(encoding="utf-8").replace("地域のデジタル化", "地域社会のデジタル化"), encoding="utf-8")
    colleague = path.read_text(encoding="utf-8")
    refused = run_cli("import", PLAN, "--xlsx", str(touched), "--content", str(content), "--yes")
    assert refused.returncode == 1 and "plan.yml" in refused.stderr and path.read_text(encoding="utf-8") == colleague
    kept = run_cli("import", PLAN, "--xlsx", str(untouched), "--content", str(content), "--yes")
    assert kept.returncode == 0, kept.stderr
    assert path.read_text(encoding="utf-8") == colleague


def test_a_label_refused_by_the_content_checks_is_named_by_its_row(tmp_path):
    content = plan_copy(tmp_path)
    book = edit_xlsx(exported(content, tmp_path), {"chapter-5": "指標(KPI): " + "目標" * 25})
    before = tree_digest(content)
    result = run_cli("import", PLAN, "--xlsx", str(book), "--content", str(content), "--yes")
    assert result.returncode == 1
    assert f"シート「{SHEET}」 3行目 列「{LABELS}」: 文字数が多すぎます（50文字。上限は40文字）" in result.stderr
    assert "planpub-import-" not in result.stderr and tree_digest(content) == before


def test_a_nested_themes_label_problem_finds_its_row(tmp_path):
    from dataclasses import replace

    from generator.load.problems import Problem
    from generator.model.plan import Theme
    from generator.staff.import_mapping import locate_problem
    working = working_of(plan_copy(tmp_path))
    child = Theme("chapter-5-1", "子", "5-1", parent_id="chapter-5", depth=1, labels={"kpis": "x"})
    working = replace(working, themes=[working.themes[0], replace(working.themes[1], children=[child])])
    tables = {t.name: t for t in to_tables(working, ["実施中"])}
    problem = Problem("/tmp/x/content/plans/scoped-labels/working/plan.yml", 20,
                      "themes[1].children[0].labels.kpis", "長すぎます", "")
    cell = locate_problem(problem, PLAN, tables, working)
    assert (cell.sheet, cell.row, cell.column) == (SHEET, 4, LABELS)
    other = locate_problem(Problem("/tmp/x/content/plans/scoped-labels/working/plan.yml", 3, "title", "m", ""),
                           PLAN, tables, working)
    assert (other.sheet, other.row) == ("working/plan.yml", 3)
