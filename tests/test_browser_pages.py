"""Page content on a phone and a laptop (issue 14, parts 3, 4, 5, 7, 8): tables that fit,
the compare page in names, readable charts, filters and search — in headless Chromium."""

from __future__ import annotations

import pytest


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


def _open(browser, url, size):
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    page.goto(url, wait_until="networkidle")
    return page


# Cells out of the viewport that cannot be reached: every cell must lie within the viewport,
# except inside a focusable scrolling table box whose row headings stay put (sticky).
UNREACHABLE_CELLS = """() => {
  const out = [];
  for (const cell of document.querySelectorAll('main table th, main table td')) {
    const box = cell.getBoundingClientRect();
    if (box.width === 0 || (box.left >= 0 && box.right <= innerWidth + 0.5)) continue;
    if (cell.closest('details:not([open])')) continue;   // not on screen (chapter changes on the compare page)
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
    text = page.inner_text("main")
    words = set(re.findall(r"[A-Za-z0-9][A-Za-z0-9_-]*", text))
    assert "work-style-reform" in ids and "citizen-services" in ids
    assert sorted(words & ids) == []
    assert "テーマ「① 市民サービスの改革」" in text
    page.close()


def test_compare_page_lists_changed_initiatives_first(browser, basic_url):
    page = _open(browser, basic_url + "sample/compare/1.0/1.1/", LAPTOP)
    headings = page.locator("main h2").all_inner_texts()
    kinds = [h for h in headings if h.startswith(("内容が変わった取組", "追加された取組"))]
    assert [k[:2] for k in kinds] == ["内容", "追加"], headings
    page.close()


# ── filters and lists ─────────────────────────────────────────────────────────

def test_filter_count_is_live_and_updates(browser, sample_url):
    page = _open(browser, sample_url + "kashima/initiatives/", PHONE)
    status = page.locator("[data-pp-result]")
    assert status.get_attribute("aria-live") == "polite" and status.get_attribute("role") == "status"
    assert status.inner_text() == "51件の取組を表示しています"
    assert page.locator("[data-pp-total]").is_hidden()    # one count on the page, the one that updates
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


# ── charts ────────────────────────────────────────────────────────────────────

CHART_TEXT = """() => [...document.querySelectorAll('figure.pp-chart svg')].map(svg => {
  const box = svg.getBoundingClientRect();
  const scale = box.width / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll('text')].map(t => {
    const r = t.getBoundingClientRect();
    return {text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale,
            inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5};
  });
}).flat()"""


@pytest.mark.parametrize("size", [PHONE, ZOOM_400, LAPTOP], ids=["390", "320", "1280"])
@pytest.mark.parametrize("path", ["sample/kpi/", "sample/", "sample/initiatives/online/"])
def test_chart_text_is_at_least_12px_and_never_clipped(browser, basic_url, path, size):
    page = _open(browser, basic_url + path, size)
    texts = page.evaluate(CHART_TEXT)
    assert texts, "the page has a chart"
    assert [t for t in texts if t["px"] < 12] == []
    assert [t["text"] for t in texts if not t["inside"]] == []
    page.close()


def test_kashima_charts_are_readable_on_a_phone(browser, sample_url):
    page = _open(browser, sample_url + "kashima/kpi/", PHONE)
    texts = page.evaluate(CHART_TEXT)
    assert texts and min(t["px"] for t in texts) >= 12 and all(t["inside"] for t in texts)
    assert any(t["text"] == "令和6年度" for t in texts)     # the last year at the right edge, clipped before
    page.close()


def test_a_single_value_is_a_figure_and_the_table_stays(browser, sample_url):
    page = _open(browser, sample_url + "kashima/kpi/", PHONE)
    kpi = page.locator("section.pp-kpi", has=page.locator(".pp-kpi-figure")).first
    assert kpi.locator("svg").count() == 0
    figure = kpi.locator(".pp-kpi-figure").inner_text()
    assert "目標（令和6年度）" in figure
    value = kpi.locator(".pp-kpi-figure__value")
    assert float(page.evaluate("e => getComputedStyle(e).fontSize", value.element_handle())[:-2]) >= 24
    assert kpi.locator("table").count() == 1    # the table fallback is kept
    page.close()


# ── search ────────────────────────────────────────────────────────────────────

def _search(page, url, query):
    page.goto(url + "search/?q=" + query, wait_until="networkidle")
    page.wait_for_selector(".pp-search-result")
    return page.locator(".pp-search-result")


def test_search_pages_beyond_twenty_results(browser, sample_url):
    page = browser.new_page(viewport={"width": PHONE[0], "height": PHONE[1]})
    results = _search(page, sample_url, "職員")
    total = int(page.locator("[data-pp-search-status]").inner_text().split("件")[0])
    assert total > 40 and results.count() == 20
    more = page.locator("[data-pp-search-more]")
    assert more.inner_text() == f"次の20件を表示（{total}件中 20件を表示しています）"
    more.press("Enter")
    page.wait_for_function("document.querySelectorAll('.pp-search-result').length === 40")
    assert page.evaluate("document.activeElement === document.querySelectorAll('.pp-search-result a')[20]")
    more.click()
    page.wait_for_function(f"document.querySelectorAll('.pp-search-result').length === {total}")
    assert more.is_hidden()
    urls = page.locator(".pp-search-result a").evaluate_all("links => links.map(a => a.href)")
    assert len(set(urls)) == total     # every page once
    page.close()


def test_the_query_stays_in_the_url_and_is_restored(browser, sample_url):
    page = browser.new_page()
    page.goto(sample_url + "search/", wait_until="networkidle")
    page.get_by_label("探したい言葉").fill("テレワーク")
    page.get_by_label("探したい言葉").press("Enter")
    page.wait_for_selector(".pp-search-result")
    assert "?q=%E3%83%86%E3%83%AC%E3%83%AF%E3%83%BC%E3%82%AF" in page.url
    page.reload(wait_until="networkidle")
    page.wait_for_selector(".pp-search-result")
    assert page.get_by_label("探したい言葉").input_value() == "テレワーク"
    page.close()


def test_excerpts_have_no_stray_index_words(browser, sample_url):
    page = browser.new_page()
    results = _search(page, sample_url, "テレワーク")
    excerpts = results.locator(".pp-search-result__excerpt").all_inner_texts()
    assert excerpts and not any("latest" in e or "archived" in e for e in excerpts)
    assert not any("この取組の概要" in e for e in excerpts)     # the summary repeats the page: not indexed
    page.close()


@pytest.mark.parametrize("query", ["セキュリティ", "人材", "AI"])
def test_initiatives_rank_above_chapters_that_mention_the_word(browser, sample_url, query):
    page = browser.new_page()
    results = _search(page, sample_url, query)
    kinds = []
    for href in results.locator("a").evaluate_all("links => links.map(a => a.pathname)"):
        parts = [p for p in href.split("/") if p]
        kinds.append("initiative" if "initiatives" in parts else "chapter" if len(parts) == 2 and parts[1] not in
                     {"kpi", "initiatives", "departments", "revisions", "data", "print"} else "other")
    assert "chapter" in kinds and "initiative" in kinds
    last_initiative = max(i for i, k in enumerate(kinds) if k == "initiative")
    first_chapter = min(i for i, k in enumerate(kinds) if k == "chapter")
    assert last_initiative < first_chapter, kinds
    page.close()
