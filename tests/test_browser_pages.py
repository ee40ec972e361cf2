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


def _content_ids(root) -> set[str]:
    """Every id-like ASCII slug the content declares (themes, visions, chapters, KPIs, initiatives)."""
    from generator.validate import load_valid_site
    site = load_valid_site(root).site
    ids = set()
    for plan in site.plans:
        for content in plan.snapshots.values():
            ids |= {t.id for t in content.all_themes()} | {v.id for v in content.all_visions()}
            ids |= {c.id for c in content.chapters} | {k.id for k in content.all_kpis()}
            ids |= {i.id for i in content.initiatives}
    return {i for i in ids if "-" in i or len(i) > 3}   # short ids like "no09" would match ordinary words


@pytest.mark.parametrize("size", [PHONE, LAPTOP], ids=["390", "1280"])
@pytest.mark.parametrize("path", ["gotsu/compare/pre-1.5/1.5/"])
def test_compare_pages_show_names_never_ids(browser, sample_url, path, size):
    import re
    from .conftest import SAMPLE_CONTENT
    ids = _content_ids(SAMPLE_CONTENT)
    page = _open(browser, sample_url + path, size)
    text = page.inner_text("article")
    words = set(re.findall(r"[A-Za-z0-9][A-Za-z0-9_-]*", text))
    assert "work-style-reform" in ids and "citizen-services" in ids
    assert sorted(words & ids) == []
    assert "テーマ「① 市民サービスの改革」" in text
    page.close()


def test_compare_page_lists_changed_initiatives_first(browser, basic_url):
    page = _open(browser, basic_url + "sample/compare/1.0/1.1/", LAPTOP)
    headings = page.locator("article h2").all_inner_texts()
    kinds = [h for h in headings if h.startswith(("内容が変わった取組", "追加された取組"))]
    assert [k[:2] for k in kinds] == ["内容", "追加"], headings
    page.close()


# ── filters and lists ─────────────────────────────────────────────────────────

def test_filter_count_is_live_and_updates(browser, sample_url):
    page = _open(browser, sample_url + "kashima/initiatives/", PHONE)
    status = page.locator("[data-pp-result]")
    assert status.get_attribute("aria-live") == "polite" and status.get_attribute("role") == "status"
    assert status.inner_text() == "51件の取組を表示しています"
    page.get_by_label("担当課").select_option("総務課")
    shown = page.locator(".pp-card:not([hidden])").count()
    assert 0 < shown < 51
    assert status.inner_text() == f"51件中 {shown}件の取組を表示しています"
    page.close()


FIND_EMPTY_PAIR = """() => {
  const cards = [...document.querySelectorAll('.pp-card')];
  const values = name => [...document.querySelectorAll(`select[name=${name}] option`)].map(o => o.value).filter(Boolean);
  for (const d of values('department')) for (const c of values('category'))
    if (!cards.some(k => k.dataset.department.includes(`|${d}|`) && k.dataset.category.includes(`|${c}|`))) return [d, c];
  return null;
}"""


def test_zero_results_say_so_and_offer_a_reset(browser, sample_url):
    page = _open(browser, sample_url + "kashima/initiatives/", PHONE)
    department, category = page.evaluate(FIND_EMPTY_PAIR)
    message = page.locator("[data-pp-none]")
    assert message.is_hidden()
    page.get_by_label("担当課").select_option(department)
    page.get_by_label("区分").select_option(category)
    assert page.locator(".pp-card:not([hidden])").count() == 0
    assert message.is_visible() and "条件に合う取組はありません" in message.inner_text()
    assert "条件に合う取組はありません" in page.locator("[data-pp-result]").inner_text()
    message.get_by_role("button", name="条件をクリア").press("Enter")
    page.wait_for_function("document.querySelectorAll('.pp-card:not([hidden])').length === 51")
    assert message.is_hidden() and "?" not in page.url
    assert page.evaluate("document.activeElement.name") == "theme"
    page.close()


def test_filters_use_the_plans_terms_and_only_statuses_in_use(browser, sample_url, basic_url):
    page = _open(browser, sample_url + "kashima/initiatives/", LAPTOP)
    labels = page.locator("form[data-pp-filters] label").all_inner_texts()
    assert labels[0].startswith("柱") and not any(label.startswith("テーマ") for label in labels)
    assert page.locator("select[name=status]").count() == 0    # kashima states no status
    assert page.locator(".pp-card__meta dt", has_text="柱").count() > 0
    page.close()
    page = _open(browser, basic_url + "sample/initiatives/", LAPTOP)
    offered = page.locator("select[name=status] option").all_inner_texts()[1:]
    used = {t.split("（")[0] for t in page.locator(".pp-card .pp-status").all_inner_texts()}
    assert set(offered) == used
    page.close()


def test_a_theme_link_opens_the_filtered_list_with_cross_listings_explained(browser, sample_url):
    page = _open(browser, sample_url + "kashima/", PHONE)
    link = page.locator("#theme-convenience > .pp-count a")
    listed = int(link.inner_text().split("件")[0])
    note = page.locator("#theme-convenience > .pp-count").inner_text()
    crossed = int(note.split("うち")[1].split("件")[0])
    link.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("kashima/initiatives/?theme=convenience")
    assert page.get_by_label("柱").input_value() == "convenience"
    assert page.locator(".pp-card:not([hidden])").count() == listed
    assert page.locator("[data-pp-result]").inner_text() == \
        f"51件中 {listed}件の取組を表示しています（うち{crossed}件は複数の柱に掲載）"
    page.close()


def test_an_initiatives_theme_opens_the_filtered_list(browser, sample_url):
    page = _open(browser, sample_url + "kashima/initiatives/no09/", PHONE)
    page.locator(".pp-initiative dl a[href*='?theme=']").first.click()
    page.wait_for_load_state("networkidle")
    assert "?theme=" in page.url
    assert 0 < page.locator(".pp-card:not([hidden])").count() < 51
    page.close()


def test_group_headings_give_the_full_theme_path(browser, basic_url):
    page = _open(browser, basic_url + "sample/initiatives/", LAPTOP)
    headings = page.locator(".pp-group h2").all_inner_texts()
    assert "① 市民サービスの改革 ＞ ① 窓口改革" in headings
    page.close()
