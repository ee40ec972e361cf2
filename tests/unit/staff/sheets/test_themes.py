"""The テーマの項目名 sheet (staff/sheets/themes.py): a theme's own labels, written and read back."""

from __future__ import annotations

from dataclasses import replace

from generator.model.plan import Theme
from generator.staff.sheets import themes
from generator.staff.sheets.table import CellProblem, Table


def _with_themes(content):
    child = Theme("counter-1", "窓口の予約", "①-1", parent_id="counter", depth=1, labels={"schedule": "実施時期"})
    return replace(content, themes=[replace(content.themes[0], labels={"kpis": "目標(令和8年度)", "own-word": "独自"},
                                            children=[child])])


def test_every_theme_has_a_row_with_its_labels_as_the_plan_names_the_fields(content):
    table = themes.write(_with_themes(content))
    assert table.header == ["テーマID", "テーマ（参考）", "このテーマでの項目の呼び方"]
    assert [row[0] for row in table.rows] == ["counter", "counter-1"]
    assert table.rows[1][2] == "予定・取組事項: 実施時期"


def test_a_plan_without_themes_has_no_sheet(content):
    assert themes.write(replace(content, themes=[])) is None


def test_labels_read_back_keep_what_the_sheet_cannot_show(content):
    base = _with_themes(content)
    table = themes.write(base)
    table.rows[0][2] = "KPI（指標）: 成果指標"      # the plan's name of the field, or its key
    table.rows[1][2] = None
    problems: list[CellProblem] = []
    [counter] = themes.read(table, base, problems)
    assert problems == []
    assert counter.labels == {"kpis": "成果指標", "own-word": "独自"} and counter.children[0].labels == {}


def test_rows_of_unknown_or_repeated_themes_and_unreadable_lines_are_problems(content):
    base = _with_themes(content)
    table = Table("テーマの項目名", ["テーマID", "このテーマでの項目の呼び方"],
                  [["nowhere", None], ["counter", "呼び方だけ"], ["counter", None]])
    problems: list[CellProblem] = []
    themes.read(table, base, problems)
    assert [(p.row, p.column) for p in problems] == [(2, "テーマID"), (3, "このテーマでの項目の呼び方"), (4, "テーマID")]


def test_no_sheet_keeps_the_themes(content):
    assert themes.read(None, content, []) is content.themes
