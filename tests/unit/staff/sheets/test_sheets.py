"""The workbook as a whole (staff/sheets/__init__.py): a plan's working copy to sheets and
back, unchanged; every problem of every sheet at once."""

from __future__ import annotations

from generator.staff.sheets import from_tables, to_tables
from generator.staff.sheets.table import sheet_name


def test_the_sheets_round_trip_the_working_copy(loaded):
    content = loaded.site.plans[0].working
    statuses = [s.name for s in loaded.site.statuses]
    tables = to_tables(content, statuses)
    assert {t.name for t in tables} >= {sheet_name("initiatives"), sheet_name("schedule"), sheet_name("kpis")}
    initiatives, plan_kpis, problems = from_tables({t.name: t for t in tables}, content, statuses)
    assert problems == [] and initiatives == content.initiatives and plan_kpis == content.kpis


def test_problems_of_several_sheets_come_together(loaded):
    content = loaded.site.plans[0].working
    statuses = [s.name for s in loaded.site.statuses]
    tables = {t.name: t for t in to_tables(content, statuses)}
    initiatives = tables[sheet_name("initiatives")]
    initiatives.rows[0][initiatives.header.index(initiatives.header[0])] = "Bad ID"
    schedule = tables[sheet_name("schedule")]
    schedule.header.append("謎の列")
    for row in schedule.rows:
        row.append(None)
    _, _, problems = from_tables(tables, content, statuses)
    # the bad id on one sheet, the unknown column on another, and the rows that name the lost id
    assert {sheet_name("initiatives"), sheet_name("schedule"), sheet_name("kpis")} <= {p.sheet for p in problems}
    missing = {name: t for name, t in tables.items() if name != sheet_name("kpis")}
    assert [p.row for p in from_tables(missing, content, statuses)[2]] == [1]      # a sheet deleted
