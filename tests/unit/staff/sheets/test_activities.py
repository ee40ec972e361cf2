"""The 複数年度の活動 sheet (staff/sheets/activities.py)."""

from __future__ import annotations

from generator.model.plan import Activity, Initiative
from generator.staff.sheets import activities


def test_activities_sheet(content):
    table = activities.write(content)
    found = {"online": Initiative(id="online", title="x")}
    problems = []
    activities.read(table, found, content.fields, problems)
    assert found["online"].activities == [Activity("検討", 2023, 2025)] and problems == []
    table.rows[0][table.header.index("開始年度")] = "令和5年度"
    read = {"online": Initiative(id="online", title="x")}
    activities.read(table, read, content.fields, problems)
    assert [(p.message, p.note) for p in problems] == [("「令和5年度」を 2023 として読み取りました", True)]
    assert read["online"].activities[0].start == 2023
    problems.clear()
    table.rows[0][table.header.index("開始年度")] = "来年度"
    activities.read(table, {"online": Initiative(id="online", title="x")}, content.fields, problems)
    assert [p.message for p in problems] == ["「来年度」は整数ではありません（例: 2024）"]
