"""The スケジュール・進捗 sheet (staff/sheets/schedule.py): years from the headers."""

from __future__ import annotations

from generator.model.plan import Initiative, Progress, Text
from generator.staff.sheets import schedule


def test_schedule_sheet_reads_years_from_headers(content):
    table = schedule.write(content)
    assert "令和6年度（2024年度） 予定・取組事項" in table.header and "令和6年度（2024年度） 進捗の時点" in table.header
    found = {"online": Initiative(id="online", title="x")}
    problems = []
    schedule.read(table, found, content, ["運用中"], problems)
    assert problems == [] and found["online"].schedule == {2024: Text(("試行",))}
    assert found["online"].progress == {2024: Progress("運用中", Text(("開始",)), "2024-12-31")}
    table.rows[0][table.header.index("令和6年度（2024年度） 進捗状況")] = "運用"
    schedule.read(table, {"online": Initiative(id="online", title="x")}, content, ["運用中"], problems)
    assert [p.column for p in problems] == ["令和6年度（2024年度） 進捗状況"]
