"""Schedule rows as documents draw them, the same in every view (issue 18, point 5).

A schedule is one list of rows: items done before the period (「令和4年度済」) among the
planned ones, a bar without a stated end, and text in a later cell that stays with its item.
The initiative page, the printable page, the list's card (「今年度の予定」), schedule.csv and the
workbook all show those rows, each item with its row. In process, on the pattern plans.
"""

from __future__ import annotations

import csv
import html
import io
import re

import pytest

from generator.i18n import set_language
from generator.model.resolved import EditionKind, resolve_edition
from generator.pages import opendata, urls
from generator.pages.builder import build_pages
from generator.pages.kinds import PageKind
from generator.render.renderer import Renderer
from generator.staff.sheets import to_tables
from generator.validate import load_valid_site

from .conftest import FIXTURES

TAG = re.compile(r"<[^>]+>")


@pytest.fixture(scope="module")
def site():
    set_language("ja")
    result = load_valid_site(FIXTURES / "patterns")
    assert not result.problems, [p.format() for p in result.problems]
    return result.site


@pytest.fixture(scope="module")
def pages(site):
    return {page.url: page for page in build_pages(site)}


def rendered(pages, url: str) -> str:
    return Renderer().render(pages[url])


def text_of(fragment: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(TAG.sub(" ", fragment))).strip()


def schedule_table(page_html: str, title: str) -> str:
    """The schedule table of one initiative (the printable page has every initiative's)."""
    caption = page_html.index(f"（{title}）</caption>")
    return page_html[page_html.rindex("<table", 0, caption):page_html.index("</table>", caption)]


def plan_of(site, plan_id):
    return next(p for p in site.plans if p.id == plan_id)


def latest_content(plan):
    return plan.snapshots[plan.latest.id]


@pytest.mark.parametrize("plan_id, initiative_id, title", [
    ("schedule-rows", "booking", "公共施設予約のオンライン化"),
    ("schedules", "cloud", "基幹業務システムの標準化"),
])
def test_page_and_print_show_one_row_list(pages, site, plan_id, initiative_id, title):
    """Done and planned items are rows of one table body, in the document's order, on the
    initiative page and on the printable page alike."""
    page = rendered(pages, urls.latest_page(plan_id, PageKind.INITIATIVE, initiative_id))
    printed = rendered(pages, urls.latest_page(plan_id, PageKind.PRINT))
    table = schedule_table(page, title)
    assert table.count("<tbody>") == 1
    content = latest_content(plan_of(site, plan_id))
    names = [a.name for a in content.initiative(initiative_id).activities]
    rows = [text_of(row) for row in re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1], re.S)]
    activity_rows = [row for row in rows if any(name in row for name in names)]
    assert [next(n for n in names if n in row) for row in activity_rows] == names   # one row each, in order
    assert text_of(schedule_table(printed, title)) == text_of(table)


def test_a_later_cell_stays_with_its_item_in_every_view(pages, site):
    plan = plan_of(site, "schedule-rows")
    edition = resolve_edition(plan, plan.latest, EditionKind.LATEST, site)
    # the page: the 2024 cell of the row says which item it continues
    table = text_of(schedule_table(rendered(pages, urls.latest_page("schedule-rows", PageKind.INITIATIVE, "booking")),
                                   "公共施設予約のオンライン化"))
    assert "オンライン予約システムの検討（続き）: 導入・運用" in table
    # schedule.csv: the later cell is a row with its item's number and name
    rows = list(csv.DictReader(io.StringIO(opendata.data_files(edition, "CC BY 4.0")[opendata.SCHEDULE]
                                           .decode("utf-8-sig"))))
    activity = [r for r in rows if r["initiative_id"] == "booking" and r["kind"] == "activity"]
    numbered = {(r["item"], r["fiscal_year"], r["span"]): r["text"] for r in activity}
    assert numbered[("1", "2022", "done")] == "予約方法の見直し"          # 済: in the same list
    assert numbered[("2", "2024", "continued")] == "オンライン予約システムの検討|導入・運用"
    assert numbered[("3", "2024", "end_unstated")] == "利用者への周知"
    # the workbook: one sheet of rows, the done item among them, later cells on their row
    sheet = next(t for t in to_tables(latest_content(plan), [s.name for s in latest_content(plan).statuses])
                 if t.name == "複数年度の活動")
    booking = [r for r in sheet.rows if r[0] == "booking"]
    assert [r[1] for r in booking] == [a.name for a in latest_content(plan).initiative("booking").activities]
    assert "2024: 導入・運用" in booking[1][5]


def test_the_list_says_this_years_rows_with_their_items(pages, site):
    """「今年度の予定」 on the list of initiatives is the schedule table's column for the year: the
    year's items and every row whose bar spans it, a later cell's text with its item."""
    listed = text_of(rendered(pages, urls.latest_page("schedule-rows", PageKind.INITIATIVES)))
    assert "令和7年度（2025年度）の予定 オンライン予約システムの検討: 対象施設の拡大、運用" in listed
    plan = plan_of(site, "schedules")
    cloud = resolve_edition(plan, plan.latest, EditionKind.LATEST, site).initiative("cloud")
    assert cloud.planned(2025).text.items == ("標準準拠システムの運用",)       # a bar with no end: still running
    assert cloud.planned(2024).text.items == ("事業者の選定", "移行計画の作成")   # the year's item, then the rows
    assert cloud.planned(2022) is None                                        # 済 before the period: not a plan
