"""Japanese full-text search (Pagefind) in headless Chromium: type queries, check the results."""

from __future__ import annotations

import json
import re

import pytest

from generator.pages import urls
from generator.pages.kinds import PageKind

from .browser import open_page, serve_directory
from .conftest import SAMPLE_CONTENT

SEARCH = urls.portal(PageKind.SEARCH)


@pytest.fixture(scope="module")
def search_page(browser, sample_url):
    """One search page for every query of this module."""
    loaded = open_page(browser, sample_url + SEARCH)
    yield loaded.page
    loaded.close()


def _search(page, query: str, archived: bool = False) -> list[str]:
    box = page.get_by_label("探したい言葉")
    box.fill(query)
    checkbox = page.get_by_label("過去の版も検索する")
    if checkbox.is_checked() != archived:
        checkbox.set_checked(archived)
    # The status keeps the last search's count until the new one is done: clear it first, then
    # wait for the new count and for its first results (at most 20 are shown at once).
    status = "document.querySelector('[data-pp-search-status]')"
    page.evaluate(f"{status}.textContent = ''")
    box.press("Enter")
    page.wait_for_function(f"{status}.textContent.length > 0")
    found = re.search(r"\d+", page.locator("[data-pp-search-status]").inner_text())
    shown = min(int(found[0]), 20) if found else 0
    page.wait_for_function(f"document.querySelectorAll('.pp-search-result').length >= {shown}")
    return page.locator(".pp-search-result__title").all_inner_texts()


@pytest.mark.parametrize("query, expected_top", [
    ("マイナンバーカード", {"No.1 「書かない・待たない・ワンストップ窓口」づくり", "No.4 コンビニ交付サービスの利用推進",
                        "No.5 パスポート電子申請の利用推進", "住民票等のコンビニ交付"}),
    ("キャッシュレス", {"No.6 窓口の各種証明書のキャッシュレス決済導入", "No.7 税納付の二次元バーコード決済によるキャッシュレス化",
                    "電子決済"}),
    # the words in a row: only the page that says 書かない窓口; as two words, also 「書かない・…窓口」
    ("書かない窓口", {"書かない窓口"}),
    ("書かない 窓口", {"No.1 「書かない・待たない・ワンストップ窓口」づくり", "書かない窓口"}),
    ("テレワーク", {"No.28 テレワーク（在宅勤務）の推進", "テレワークの導入"}),
])
def test_japanese_queries_find_the_initiatives_about_them_first(search_page, query, expected_top):
    titles = _search(search_page, query)
    assert expected_top <= set(titles[: len(expected_top) + 1]), titles
    assert f"q={query}" in search_page.url or "q=" in search_page.url


def test_results_show_plan_and_version_and_default_to_the_latest(search_page):
    _search(search_page, "テレワーク")
    metas = search_page.locator(".pp-search-result .pp-meta").all_inner_texts()
    assert any("江津市" in m and "第1.5版" in m for m in metas)
    assert not any("過去の版" in m for m in metas)


def test_archived_versions_can_be_included(search_page):
    titles = _search(search_page, "テレワーク", archived=True)
    metas = search_page.locator(".pp-search-result .pp-meta").all_inner_texts()
    assert titles.count("テレワークの導入") == 2  # the latest 版 and the earlier sheet
    assert any("過去の版" in m for m in metas)
    assert "archived=1" in search_page.url


def test_a_word_that_is_nowhere_says_so(search_page):
    assert _search(search_page, "ズッキーニ") == []
    assert "見つかりませんでした" in search_page.locator("[data-pp-search-status]").inner_text()


@pytest.fixture(scope="module")
def split_index_site(built_site):
    """The sample with the latest 版's index in one part per plan (as a large portal's is
    in parts of a few plans)."""
    return built_site(SAMPLE_CONTENT, env={"PLANPUB_SEARCH_PART_PLANS": "1"})


def test_a_split_index_finds_the_same_pages(split_index_site, search_page):
    parts = json.loads((split_index_site / urls.SEARCH_BUNDLES).read_text(encoding="utf-8"))["latest"]
    assert parts == [urls.latest_bundle_part(2)]
    assert all((split_index_site / urls.latest_bundle_part(n) / "pagefind-entry.json").is_file() for n in (1, 2))
    with serve_directory(split_index_site) as base:
        # several parts: every plan's text is searched when the reader chooses it
        loaded = open_page(search_page.context.browser, base + SEARCH + "?scope=all")
        page = loaded.page
        for query, expected in [("テレワーク", {"No.28 テレワーク（在宅勤務）の推進", "テレワークの導入"}),
                                ("キャッシュレス", {"No.6 窓口の各種証明書のキャッシュレス決済導入", "電子決済"})]:
            assert expected <= set(_search(page, query)), query
        loaded.close()
