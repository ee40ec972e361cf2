"""Page content that changes as a citizen uses it (issue 14, parts 5, 7, 8): filters and
their live count, theme links into the filtered list, search paging and ranking — in
headless Chromium, each test on a page of its own. (What a page shows as loaded — tables,
charts, the compare page — is in tests/test_browser_views.py.)"""

from __future__ import annotations

import pytest

from generator.pages import urls
from generator.pages.kinds import PageKind

from .browser import LAPTOP, PHONE, open_page
from .site_pages import SAMPLE, query

INITIATIVES = SAMPLE["initiatives"]


# ── filters and lists ─────────────────────────────────────────────────────────

def test_filter_count_is_live_and_updates(browser, sample_url):
    page = open_page(browser, sample_url + INITIATIVES, PHONE).page
    status = page.locator("[data-pp-result]")
    assert status.get_attribute("aria-live") == "polite" and status.get_attribute("role") == "status"
    assert status.inner_text() == "51件の取組を表示しています"
    assert page.locator("[data-pp-total]").is_hidden()    # one count on the page, the one that updates
    page.get_by_label("担当課").select_option("総務課")
    shown = page.locator(".pp-card:not([hidden])").count()
    assert 0 < shown < 51
    assert status.inner_text() == f"51件中 {shown}件の取組を表示しています"
    page.context.close()


FIND_EMPTY_PAIR = """() => {
  const cards = [...document.querySelectorAll('.pp-card')];
  const values = name => [...document.querySelectorAll(`select[name=${name}] option`)].map(o => o.value).filter(Boolean);
  for (const d of values('department')) for (const c of values('category'))
    if (!cards.some(k => k.dataset.department.includes(`|${d}|`) && k.dataset.category.includes(`|${c}|`))) return [d, c];
  return null;
}"""


def test_zero_results_say_so_and_offer_a_reset(browser, sample_url):
    page = open_page(browser, sample_url + INITIATIVES, PHONE).page
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
    page.context.close()


def test_a_theme_link_opens_the_filtered_list_with_cross_listings_explained(browser, sample_url):
    page = open_page(browser, sample_url + urls.plan_base("kashima"), PHONE).page
    link = page.locator("#theme-convenience > .pp-count a")
    listed = int(link.inner_text().split("件")[0])
    note = page.locator("#theme-convenience > .pp-count").inner_text()
    crossed = int(note.split("うち")[1].split("件")[0])
    link.click()
    page.wait_for_load_state("networkidle")
    assert page.url == sample_url + urls.filtered_initiatives(urls.plan_base("kashima"), "convenience")
    assert page.get_by_label("柱").input_value() == "convenience"
    assert page.locator(".pp-card:not([hidden])").count() == listed
    assert page.locator("[data-pp-result]").inner_text() == \
        f"51件中 {listed}件の取組を表示しています（うち{crossed}件は複数の柱に掲載）"
    page.context.close()


def test_an_initiatives_theme_opens_the_filtered_list(browser, sample_url):
    page = open_page(browser, sample_url + SAMPLE["initiative"], PHONE).page
    filtered = urls.filtered_initiatives(urls.plan_base("kashima"), "")
    page.locator(f".pp-initiative dl a[href*='{filtered.split('/')[-1]}']").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.startswith(sample_url + filtered)
    assert 0 < page.locator(".pp-card:not([hidden])").count() < 51
    page.context.close()


# ── search ────────────────────────────────────────────────────────────────────

SEARCH = urls.portal(PageKind.SEARCH)


def _search(page, url, words):
    page.goto(url + query(SEARCH, q=words), wait_until="networkidle")
    page.wait_for_selector(".pp-search-result")
    return page.locator(".pp-search-result")


def test_search_pages_beyond_twenty_results(browser, sample_url):
    loaded = open_page(browser, sample_url + SEARCH, PHONE)
    page = loaded.page
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
    found = page.locator(".pp-search-result a").evaluate_all("links => links.map(a => a.href)")
    assert len(set(found)) == total     # every page once
    page.context.close()


def test_the_query_stays_in_the_url_and_is_restored(browser, sample_url):
    page = open_page(browser, sample_url + SEARCH, LAPTOP).page
    page.get_by_label("探したい言葉").fill("テレワーク")
    page.get_by_label("探したい言葉").press("Enter")
    page.wait_for_selector(".pp-search-result")
    assert page.url == sample_url + query(SEARCH, q="テレワーク")
    page.reload(wait_until="networkidle")
    page.wait_for_selector(".pp-search-result")
    assert page.get_by_label("探したい言葉").input_value() == "テレワーク"
    page.context.close()


def test_excerpts_have_no_stray_index_words(browser, sample_url):
    page = open_page(browser, sample_url + SEARCH, LAPTOP).page
    results = _search(page, sample_url, "テレワーク")
    excerpts = results.locator(".pp-search-result__excerpt").all_inner_texts()
    assert excerpts and not any("latest" in e or "archived" in e for e in excerpts)
    assert not any("この取組の概要" in e for e in excerpts)     # the summary repeats the page: not indexed
    page.context.close()


@pytest.fixture(scope="module")
def page_kinds():
    """The kind of every page of the sample, by address."""
    from generator.pages.builder import build_pages
    from generator.validate import load_valid_site
    from .conftest import SAMPLE_CONTENT
    return {page.url: page.kind for page in build_pages(load_valid_site(SAMPLE_CONTENT).site)}


@pytest.mark.parametrize("words", ["セキュリティ", "人材", "AI"])
def test_initiatives_rank_above_chapters_that_mention_the_word(browser, sample_url, page_kinds, words):
    page = open_page(browser, sample_url + SEARCH, LAPTOP).page
    results = _search(page, sample_url, words)
    kinds = []
    for href in results.locator("a").evaluate_all("links => links.map(a => a.href)"):
        kind = page_kinds.get(href.removeprefix(sample_url).split("#")[0])
        kinds.append("initiative" if kind is PageKind.INITIATIVE else "chapter" if kind is PageKind.CHAPTER else "other")
    assert "chapter" in kinds and "initiative" in kinds
    last_initiative = max(i for i, k in enumerate(kinds) if k == "initiative")
    first_chapter = min(i for i, k in enumerate(kinds) if k == "chapter")
    assert last_initiative < first_chapter, kinds
    page.context.close()
