"""Cells and rows of a sheet (staff/sheets/table.py): texts, numbers and dates as staff type them."""

from __future__ import annotations

import pytest

from generator.model.plan import Text
from generator.staff.sheets.table import SheetReader, Table, cell_text, text_from_cell


def test_cells_keep_lists_and_paragraphs_apart():
    assert text_from_cell(cell_text(Text(("一つ",), True))) == Text(("一つ",), True)
    assert text_from_cell(cell_text(Text(("段落",)))) == Text(("段落",))
    assert text_from_cell("  \n ") is None



def test_reader_numbers_and_dates():
    problems = []
    reader = SheetReader(Table("s", ["n", "d"], [["1,234", "2024-03-31"]]), problems)
    number, row = next(reader.rows())
    assert reader.number(number, row, "n") == 1234 and reader.date(number, row, "d") == "2024-03-31"
    assert problems == []



@pytest.mark.parametrize("paragraph", ["・申請の導入", "・一行目\n・二行目", "\\・先頭に印", "\\"])
def test_a_paragraph_that_reads_like_bullets_keeps_its_shape(paragraph):
    """Found by tests/test_generated_plans.py: a paragraph beginning with 「・」 came back as a list."""
    for value in (Text((paragraph,), False), Text(tuple(paragraph.split("\n")), True)):
        assert text_from_cell(cell_text(value)) == value
