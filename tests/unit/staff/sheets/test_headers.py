"""Headers staff edit (staff/sheets/headers.py): a header no reader uses is named by its
cell; a column staff may add (another 担当課, another year) is allowed."""

from __future__ import annotations

from generator.staff.sheets import to_tables
from generator.staff.sheets.headers import check_headers
from generator.staff.sheets.table import sheet_name


def test_an_edited_header_is_named_by_its_cell_and_added_columns_are_allowed(loaded):
    content = loaded.site.plans[0].working
    exported = to_tables(content, [s.name for s in loaded.site.statuses])
    tables = {t.name: t for t in to_tables(content, [s.name for s in loaded.site.statuses])}
    initiatives = tables[sheet_name("initiatives")]
    departments = [h for h in initiatives.header if h and h.endswith("1") and "担当" in h][0]
    initiatives.header.append(departments[:-1] + "9")                 # another numbered column: fine
    initiatives.header[1] = initiatives.header[1] + "（変更）"           # an edited header: refused
    problems = []
    check_headers(tables, exported, content, problems)
    assert len(problems) == 1 and problems[0].row == 1 and "B1" in problems[0].message
