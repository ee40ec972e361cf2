"""A content problem found after an import, traced back to its cell (staff/import_mapping.py):
an initiative field to the 取組 sheet's row and column, a year's value to the schedule
sheet, a KPI value to the KPI値 sheet."""

from __future__ import annotations

from generator.load.problems import Problem
from generator.staff.import_mapping import locate_problem
from generator.staff.sheets import to_tables
from generator.staff.sheets.table import column, sheet_name


def _tables(loaded):
    content = loaded.site.plans[0].working
    return {t.name: t for t in to_tables(content, [s.name for s in loaded.site.statuses])}, content


def _problem(field: str, initiative: str = "online") -> Problem:
    return Problem(f"content/plans/sample/working/initiatives/{initiative}.yml", 3, field, "違います", "直してください")


def test_an_initiative_field_is_its_row_and_column(loaded):
    tables, content = _tables(loaded)
    cell = locate_problem(_problem("title"), "sample", tables, content)
    assert cell.sheet == sheet_name("initiatives") and cell.row == 2 and cell.column == content.fields["title"].table_label
    assert "違います" in cell.message and "直してください" in cell.message


def test_a_years_value_is_on_the_schedule_sheet(loaded):
    tables, content = _tables(loaded)
    cell = locate_problem(_problem("schedule.2024"), "sample", tables, content)
    assert cell.sheet == sheet_name("schedule") and "2024" in cell.column


def test_a_kpi_value_is_on_the_kpi_value_sheet(loaded):
    tables, content = _tables(loaded)
    cell = locate_problem(_problem("kpis[0].targets.2025"), "sample", tables, content)
    assert cell.sheet == sheet_name("kpi_values") and cell.column == column("value") and cell.row >= 2


def test_a_problem_outside_the_initiatives_keeps_its_file_and_line(loaded):
    tables, content = _tables(loaded)
    problem = Problem("content/plans/sample/working/plan.yml", 7, "themes", "違います")
    cell = locate_problem(problem, "sample", tables, content)
    # by the file as staff know it, not the scratch copy the import checks
    assert (cell.sheet, cell.row, cell.column) == ("working/plan.yml", 7, "themes")
