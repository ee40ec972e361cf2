"""What plan documents need beyond Markdown (render/markdown_extensions.py): underline as
the source has it, merged table cells as MultiMarkdown writes them — no raw HTML."""

from __future__ import annotations

import markdown

from generator.render.markdown_extensions import PlanDocuments


def _html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", PlanDocuments()])


def test_underline():
    assert "<u>重要</u>" in _html("これは^^重要^^です")


def test_a_cell_of_lt_joins_the_cell_to_its_left_and_a_caret_the_cell_above():
    html = _html("| 区分 | 内容 | 備考 |\n| --- | --- | --- |\n| 窓口 | 受付の見直し | < |\n| ^ | 電子申請 | 済 |\n")
    assert '<td colspan="2">受付の見直し</td>' in html
    assert '<td rowspan="2">窓口</td>' in html
    assert html.count("<td") == 4      # 6 cells written, 2 of them joins
