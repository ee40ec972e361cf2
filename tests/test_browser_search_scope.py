"""The search scope of a portal whose index is in several parts (generator/load/parts.py), in
headless Chromium: a query from a plan's page loads only that plan's part and shows only
its pages; the plan names need no index at all; every plan's text is searched only when the
reader chooses it. The scope lives in the URL, so a search can be shared.

The portal is the sample built with one plan per part (two parts), shared with
test_browser_search.py's split index."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from generator.pages import urls
from generator.pages.kinds import PageKind

from .browser import open_page, serve_directory
from .conftest import SAMPLE_CONTENT

SEARCH = urls.portal(PageKind.SEARCH)
STATUS = "document.querySelector('[data-pp-search-status]')"
EVERY_PLAN = "すべての自治体の計画から探す"
IN_BOTH = "オンライン"          # a word of both plans
ONLY_GOTSU = "チャットボット"   # a word of 江津市's plan only


@pytest.fixture(scope="module")
def portal_url(built_site):
    site = built_site(SAMPLE_CONTENT, env={"PLANPUB_SEARCH_PART_PLANS": "1"})
    with serve_directory(site) as base:
        yield base


def _wait_for_answer(page) -> str:
    page.wait_for_function(f"{STATUS}.textContent.length > 0")
    found = re.search(r"\d+", page.locator("[data-pp-search-status]").inner_text())
    shown = min(int(found[0]), 20) if found else 0
    page.wait_for_function(f"document.querySelectorAll('.pp-search-result').length >= {shown}")
    return page.locator("[data-pp-search-status]").inner_text()


def _search_again(page, change) -> str:
    """Clear the status, make the change that runs a search, wait for its answer."""
    page.evaluate(f"{STATUS}.textContent = ''")
    change()
    return _wait_for_answer(page)


def _query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def _record_sizes(page) -> dict[str, int]:
    """Bytes of each address the page (and Pagefind's worker) fetches from now on, each once."""
    sizes: dict[str, int] = {}
    page.on("response", lambda r: sizes.setdefault(r.url, int(r.headers.get("content-length") or 0)))
    return sizes


def _index_bytes(sizes: dict[str, int]) -> dict[str, int]:
    """Bytes of the search index files fetched, by bundle folder."""
    by_folder: dict[str, int] = {}
    for url, size in sizes.items():
        match = re.search(r"/(pagefind(-\d+)?)/", urlsplit(url).path)
        if match:
            by_folder[match[1]] = by_folder.get(match[1], 0) + size
    return by_folder


@pytest.fixture(scope="class")
def from_kashima(browser, portal_url):
    """鹿島市's plan home, its header search box used: the search page it leads to."""
    loaded = open_page(browser, portal_url + urls.plan_base("kashima"))
    page = loaded.page
    loaded.sizes = _record_sizes(page)
    page.locator("#pp-header-q").fill(IN_BOTH)
    page.locator("#pp-header-q").press("Enter")
    page.wait_for_url(re.compile(re.escape(SEARCH)))
    _wait_for_answer(page)
    yield loaded
    loaded.close()


class TestFromAPlansPage:
    def test_the_plans_own_part_alone_is_searched(self, from_kashima):
        page = from_kashima.page
        assert _query(page) == {"q": [IN_BOTH], "plan": ["kashima"]}
        assert page.get_by_role("radio", name="鹿島市").is_checked()
        metas = page.locator(".pp-search-result .pp-meta").all_inner_texts()
        assert metas and all(m.startswith("鹿島市") for m in metas), metas
        fetched = [u for u in from_kashima.requests if "/pagefind" in u]   # Pagefind's worker's too
        # the loader module comes from the first part's folder; every index file from its own part
        assert [u for u in fetched if "/pagefind/" in u] == [portal_url_of(page) + urls.LATEST_BUNDLE + "pagefind.js"]
        assert any("/pagefind-2/wasm." in u for u in fetched) and any("/pagefind-2/index/" in u for u in fetched)
        assert not from_kashima.failed and not from_kashima.console_errors

    def test_a_word_of_another_plan_is_found_only_across_every_plan(self, from_kashima):
        page = from_kashima.page
        from_kashima.sizes.clear()
        box = page.get_by_label("探したい言葉")
        box.fill(ONLY_GOTSU)
        assert "見つかりませんでした" in _search_again(page, lambda: box.press("Enter"))
        # the choice is a radio button of a named group: reached and chosen from the keyboard
        assert page.get_by_role("group", name="探す範囲").is_visible()
        every = page.get_by_role("radio", name=EVERY_PLAN)
        every.focus()
        status = _search_again(page, lambda: page.keyboard.press("Space"))
        assert every.is_checked() and "件見つかりました" in status
        metas = page.locator(".pp-search-result .pp-meta").all_inner_texts()
        assert metas and all(m.startswith("江津市") for m in metas), metas
        assert _query(page) == {"q": [ONLY_GOTSU], "scope": ["all"]}
        searched = _index_bytes(from_kashima.sizes)
        assert set(searched) == {"pagefind", "pagefind-2"} and all(searched.values()), "every part is searched"

    def test_the_scope_in_the_url_is_shared(self, from_kashima, browser):
        shared = open_page(browser, from_kashima.page.url)
        try:
            page = shared.page
            _wait_for_answer(page)
            assert page.get_by_role("radio", name=EVERY_PLAN).is_checked()
            assert page.locator(".pp-search-result .pp-meta").first.inner_text().startswith("江津市")
        finally:
            shared.close()


def portal_url_of(page) -> str:
    return page.evaluate("new URL(document.querySelector('form[data-pp-search]').dataset.root, location.href).href")


def test_on_the_portal_the_plan_names_are_searched_without_an_index(browser, portal_url):
    loaded = open_page(browser, portal_url + SEARCH + "?q=江津")
    try:
        page = loaded.page
        status = _wait_for_answer(page)
        assert "計画が1件" in status
        assert page.get_by_role("radio", name="計画の名前（自治体名・計画名）").is_checked()
        assert page.locator(".pp-search-result__title").all_inner_texts() == ["江津市 スマートシティ江津推進構想アクションプラン"]
        assert not [u for u in loaded.requests if "/pagefind" in u], "the plan names need no search index"
        # choosing the plan searches within it, with the same words
        _search_again(page, lambda: page.get_by_role("button", name="この計画の中を探す").click())
        assert _query(page) == {"q": ["江津"], "plan": ["gotsu"]} and page.get_by_role("radio", name="江津市").is_checked()
        assert not [u for u in loaded.requests if "/pagefind-2/" in u]
        assert not loaded.console_errors and not loaded.failed
    finally:
        loaded.close()


def test_a_plan_shares_its_part_yet_finds_only_its_own_pages(browser, patterns_site):
    """The patterns portal: twelve plans, four to a part. A plan's search loads its part
    and keeps its own pages (the part's `plan` filter), not its neighbours'."""
    with serve_directory(patterns_site) as base:
        loaded = open_page(browser, base + urls.plan_base("kpi-shapes"))
        try:
            page = loaded.page
            sizes = _record_sizes(page)
            page.locator("#pp-header-q").fill("取組")
            page.locator("#pp-header-q").press("Enter")
            page.wait_for_url(re.compile(re.escape(SEARCH)))
            _wait_for_answer(page)
            links = page.locator(".pp-search-result__title a").evaluate_all("links => links.map(a => a.pathname)")
            assert links and all(link.startswith("/kpi-shapes/") for link in links), links
            assert set(_index_bytes(sizes)) == {"pagefind", "pagefind-2"}   # the loader, then part 2 alone
            assert [u for u in loaded.requests if "/pagefind/" in u] == [base + urls.LATEST_BUNDLE + "pagefind.js"]
            every = page.get_by_role("radio", name=EVERY_PLAN)
            _search_again(page, lambda: every.check())
            links = page.locator(".pp-search-result__title a").evaluate_all("links => links.map(a => a.pathname)")
            assert {"kpi-shapes", "not-stated", "own-fields"} <= {link.split("/")[1] for link in links}, links
        finally:
            loaded.close()


def test_a_plans_archived_versions_join_its_own_search(browser, portal_url):
    """A plan's frozen 版 have their own small indexes: merged into the plan's search (and
    kept as the plan's), read from its part's list."""
    loaded = open_page(browser, portal_url + SEARCH + "?q=テレワーク&plan=gotsu&archived=1")
    try:
        page = loaded.page
        _wait_for_answer(page)
        links = page.locator(".pp-search-result__title a").evaluate_all("links => links.map(a => a.pathname)")
        assert links and all(link.startswith("/" + urls.plan_base("gotsu")) for link in links), links
        assert any(link.startswith("/" + urls.plan_base("gotsu") + urls.VERSIONS + "/") for link in links)
        assert "過去の版" in " ".join(page.locator(".pp-search-result .pp-meta").all_inner_texts())
        assert not [u for u in loaded.requests if "/pagefind-2/" in u or urls.search_plans() in u]
        assert not loaded.console_errors and not loaded.failed
    finally:
        loaded.close()
