"""A per-year table the document draws with empty cells (`schedule: {}`, `annual_goals: {}`)
survives export → edit → import of the workbook and the CSV files (#18), is refused when the
sheet says both "empty" and gives values, and is shown as an empty row of the schedule table.
鹿島市 No.24 and No.44 (content/plans/kashima/working) state it: their cards have the
「取組事項（KPI）」 heading with nothing under it."""

from __future__ import annotations

import csv
import html
import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.i18n import set_language
from generator.pages import urls
from generator.pages.builder import build_pages
from generator.pages.kinds import EditionKind, PageKind
from generator.render.renderer import Renderer
from generator.validate import load_valid_site

from .conftest import SAMPLE_CONTENT, pattern_plan_copy, run_cli, tree_digest

NO24 = Path("plans/kashima/working/initiatives/no24.yml")
EMPTY_LINE = "schedule: {}   # カードに「取組事項（KPI）」の見出しはあるが、その下の欄は空欄（令和5年度・令和6年度とも）\n"
SHEET, STATED_EMPTY = "取組", "資料で空欄の項目"


def initiative(content: Path, plan_id: str, initiative_id: str):
    set_language("ja")
    result = load_valid_site(content)
    assert not result.problems, [p.format() for p in result.problems]
    return next(p for p in result.site.plans if p.id == plan_id).working.initiative(initiative_id)


def test_the_sample_states_the_empty_tables_of_no24_and_no44():
    for number in ("24", "44"):
        item = initiative(SAMPLE_CONTENT, "kashima", f"no{number}")
        assert item.stated_empty == {"schedule"} and item.schedule == {} and item.annual_goals


def _edit_csv(folder: Path, old: str, new: str) -> None:
    path = folder / f"{SHEET}.csv"
    text = path.read_text(encoding="utf-8-sig")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8-sig")


def _edit_xlsx(path: Path, old: str, new: str) -> None:
    book = load_workbook(path)
    for row in book[SHEET].iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and old in cell.value:
                cell.value = cell.value.replace(old, new, 1)
                book.save(path)
                return
    raise AssertionError(old)


@pytest.mark.parametrize("form", ["xlsx", "csv"])
def test_an_empty_schedule_survives_an_edit_of_the_same_initiative(sample_content, tmp_path, form):
    target = tmp_path / ("kashima.xlsx" if form == "xlsx" else "kashima-csv")
    assert run_cli("export", "kashima", f"--{form}", str(target), "--content", str(sample_content)).returncode == 0
    (_edit_xlsx if form == "xlsx" else _edit_csv)(target, "紙媒体の削減", "紙媒体の削減と保管場所の縮小")
    result = run_cli("import", "kashima", f"--{form}", str(target), "--content", str(sample_content), "--yes")
    assert result.returncode == 0, result.stderr
    text = (sample_content / NO24).read_text(encoding="utf-8")
    assert "紙媒体の削減と保管場所の縮小" in text and EMPTY_LINE in text   # kept with its comment
    assert text.replace("と保管場所の縮小", "") == (SAMPLE_CONTENT / NO24).read_text(encoding="utf-8")
    assert initiative(sample_content, "kashima", "no24").stated_empty == {"schedule"}


def test_an_empty_table_of_annual_goals_round_trips_too(tmp_path):
    content = pattern_plan_copy(tmp_path, "schedules")
    path = content / "plans/schedules/working/initiatives/survey.yml"
    path.write_text(path.read_text(encoding="utf-8") + "annual_goals: {}\n", encoding="utf-8")
    assert initiative(content, "schedules", "survey").stated_empty == {"schedule", "annual_goals"}
    for form, target in (("xlsx", tmp_path / "s.xlsx"), ("csv", tmp_path / "s-csv")):
        assert run_cli("export", "schedules", f"--{form}", str(target), "--content", str(content)).returncode == 0
        sheet = (list(csv.reader(io.StringIO((target / f"{SHEET}.csv").read_text(encoding="utf-8-sig"))))
                 if form == "csv" else [[c.value for c in row] for row in load_workbook(target)[SHEET].iter_rows()])
        row = next(r for r in sheet if r[0] == "survey")
        assert row[sheet[0].index(STATED_EMPTY)].split("\n") == ["予定・取組事項", "年次目標（KGI）"]
        before = tree_digest(content)
        result = run_cli("import", "schedules", f"--{form}", str(target), "--content", str(content))
        assert result.returncode == 0 and tree_digest(content) == before


def test_values_under_a_field_said_empty_are_refused_by_cell(sample_content, tmp_path):
    target = tmp_path / "kashima.xlsx"
    assert run_cli("export", "kashima", "--xlsx", str(target), "--content", str(sample_content)).returncode == 0
    book = load_workbook(target)
    sheet = book["スケジュール・進捗"]
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "no24")
    row[header.index("令和5年度（2023年度） 取組事項（KPI）")].value = "・課題を整理する"
    book.save(target)
    before = tree_digest(sample_content)
    result = run_cli("import", "kashima", "--xlsx", str(target), "--content", str(sample_content), "--yes")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"シート「{SHEET}」 25行目 列「{STATED_EMPTY}」: 「取組事項（KPI）」は資料で空欄の項目に書かれていますが" \
        in result.stderr
    assert tree_digest(sample_content) == before


def test_the_empty_row_is_shown_in_the_schedule_table():
    set_language("ja")
    result = load_valid_site(SAMPLE_CONTENT)
    pages = {page.url: page for page in build_pages(result.site, include_working=True)}
    rendered = Renderer().render(pages[urls.page(urls.edition_base("kashima", EditionKind.WORKING),
                                                 PageKind.INITIATIVE, "no24")])
    text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", rendered)))
    assert "取組事項（KPI） この版の資料では空欄です 年次目標（KGI） 課題を整理する" in text
