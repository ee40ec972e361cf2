"""A theme's own labels edited in LibreOffice Calc (Debian's, headless) and imported (#18):
the テーマの項目名 sheet as staff really save it — unchanged, a label changed, rows sorted."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run_cli, tree_digest
from .libreoffice import calc, set_cell, sort
from .test_workbook_theme_labels import ID, LABELS, PLAN, SHEET, exported, plan_copy, plan_yml, working_of

pytestmark = pytest.mark.slow   # LibreOffice Calc, headless, in processes of its own


def _import(content: Path, book: Path):
    return run_cli("import", PLAN, "--xlsx", str(book), "--content", str(content), "--yes")


def test_a_label_changed_and_rows_sorted_in_calc_come_back_exactly(tmp_path):
    content = plan_copy(tmp_path)
    book = exported(content, tmp_path)
    before = tree_digest(content)
    saved = calc(book, tmp_path / "saved.xlsx")            # opened and saved, nothing typed
    result = _import(content, saved)
    assert result.returncode == 0, result.stderr
    assert "何も書き換えていません" in result.stdout and tree_digest(content) == before

    edited = calc(book, tmp_path / "edited.xlsx", sort(SHEET, ID, descending=True),
                  set_cell(SHEET, LABELS, "指標(KPI): 成果指標\n予定・取組事項: 工程", **{ID: "chapter-4"}),
                  set_cell(SHEET, LABELS, "指標(KPI): 目標(令和9年度)", **{ID: "chapter-5"}))
    result = _import(content, edited)
    assert result.returncode == 0, result.stderr
    assert "    labels: {kpis: 目標(令和9年度)}      # この章だけ、測る項目の呼び方が違う\n" in \
        plan_yml(content).read_text(encoding="utf-8")
    assert [t.labels for t in working_of(content).themes] == [{"kpis": "成果指標", "schedule": "工程"},
                                                              {"kpis": "目標(令和9年度)"}]
