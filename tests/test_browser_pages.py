"""Page content on a phone and a laptop (issue 14, parts 3, 4, 5, 7, 8): tables that fit,
the compare page in names, readable charts, filters and search — in headless Chromium."""

from __future__ import annotations

import pytest

from .browser import serve_directory

PHONE, LAPTOP, ZOOM_400 = (390, 844), (1280, 800), (320, 800)   # 400 % of 1280 px = 320 CSS px

# Every page type with a table, from the sample and the fixture (the fixture has actuals and charts).
TABLE_PAGES = {
    "kpi": "kashima/kpi/",
    "initiative with schedule": "gotsu/initiatives/bpr/",
    "initiative with cards": "kashima/initiatives/no09/",
    "compare": "gotsu/compare/pre-1.5/1.5/",
    "data": "gotsu/data/",
    "departments": "kashima/departments/",
    "initiatives": "kashima/initiatives/",
    "frozen initiative": "gotsu/v/pre-1.5/initiatives/online-application-app/",
}
BASIC_TABLE_PAGES = {"kpi with actuals": "sample/kpi/", "initiative with KPIs": "sample/initiatives/online/",
                     "compare with KPIs": "sample/compare/1.0/1.1/"}


@pytest.fixture(scope="module")
def sample_url(sample_site):
    with serve_directory(sample_site) as url:
        yield url


@pytest.fixture(scope="module")
def basic_url(basic_site):
    with serve_directory(basic_site) as url:
        yield url


def _open(browser, url, size):
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    page.goto(url, wait_until="networkidle")
    return page


# Cells out of the viewport that cannot be reached: every cell must lie within the viewport,
# except inside a focusable scrolling table box whose row headings stay put (sticky).
UNREACHABLE_CELLS = """() => {
  const out = [];
  for (const cell of document.querySelectorAll('article table th, article table td')) {
    const box = cell.getBoundingClientRect();
    if (box.width === 0 || (box.left >= 0 && box.right <= innerWidth + 0.5)) continue;
    const scroller = cell.closest('.pp-table-scroll');
    const rowHead = cell.parentElement.querySelector('th[scope="row"]');
    const reachable = scroller && scroller.tabIndex === 0 && scroller.scrollWidth > scroller.clientWidth
      && getComputedStyle(scroller).overflowX === 'auto'
      && rowHead && getComputedStyle(rowHead).position === 'sticky'
      && scroller.getBoundingClientRect().right <= innerWidth + 0.5;
    if (!reachable) out.push(cell.textContent.trim().slice(0, 30) + ' @' + Math.round(box.right));
  }
  return out;
}"""


def _check_fits(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.evaluate("innerWidth"), f"scrolls sideways: {width}px"
    assert page.evaluate(UNREACHABLE_CELLS) == []


@pytest.mark.parametrize("size", [PHONE, LAPTOP, ZOOM_400], ids=["390", "1280", "320"])
@pytest.mark.parametrize("name", list(TABLE_PAGES))
def test_tables_fit_without_sideways_scrolling(browser, sample_url, name, size):
    page = _open(browser, sample_url + TABLE_PAGES[name], size)
    _check_fits(page)
    page.close()


@pytest.mark.parametrize("size", [PHONE, LAPTOP, ZOOM_400], ids=["390", "1280", "320"])
@pytest.mark.parametrize("name", list(BASIC_TABLE_PAGES))
def test_tables_with_kpis_fit_without_sideways_scrolling(browser, basic_url, name, size):
    page = _open(browser, basic_url + BASIC_TABLE_PAGES[name], size)
    _check_fits(page)
    page.close()


@pytest.mark.parametrize("size", [PHONE, LAPTOP, ZOOM_400], ids=["390", "1280", "320"])
def test_every_kpi_judgement_is_on_screen(browser, sample_url, size):
    page = _open(browser, sample_url + "kashima/kpi/", size)
    cells = page.locator("td.pp-key")
    assert cells.count() >= 10
    for i in range(cells.count()):
        cell = cells.nth(i)
        cell.scroll_into_view_if_needed()
        box = cell.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= size[0], cell.text_content()
        assert cell.text_content().strip() in {"達成", "順調", "遅れ", "未測定"}
    page.close()


def test_on_a_phone_a_row_is_a_card_with_its_column_names(browser, sample_url):
    page = _open(browser, sample_url + "gotsu/compare/pre-1.5/1.5/", PHONE)
    cell = page.locator("table.pp-diff td[data-label^='変更後']").first
    assert page.evaluate("c => getComputedStyle(c, '::before').content", cell.element_handle()).startswith('"変更後')
    assert cell.bounding_box()["x"] + cell.bounding_box()["width"] <= PHONE[0]
    page.close()
