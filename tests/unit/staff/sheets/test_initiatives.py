"""The 取組 sheet (staff/sheets/initiatives.py): written, read back, each bad cell named."""

from __future__ import annotations

from generator.model.plan import Text
from generator.staff.sheets import initiatives


def test_initiatives_sheet_round_trip(content):
    table = initiatives.write(content)
    assert table.header[:4] == ["取組ID", "番号", "取組名", "主なテーマ"]
    assert {"担当課1", "担当課2", "担当課3", "区分1"} <= set(table.header) and "目的" in table.wide
    problems = []
    found = initiatives.read(table, content, problems)
    assert problems == []
    online = found["online"]
    assert (online.title, online.theme, online.departments, online.texts) == (
        "オンライン申請", "counter", ["市民課", "税務課"], {"purpose": Text(("来庁不要", "手数料"), True)})



def test_initiatives_sheet_names_each_bad_cell(content):
    table = initiatives.write(content)
    row = table.rows[0]
    row[table.header.index("担当課2")] = "市民科"
    row[table.header.index("主なテーマ")] = "nothing"
    table.rows.append(["online"] + [None] * (len(table.header) - 1))
    problems = []
    initiatives.read(table, content, problems)
    assert [(p.row, p.column) for p in problems] == [(2, "主なテーマ"), (2, "担当課2"), (3, "取組ID")]
