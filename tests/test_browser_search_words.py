"""Search that means what it finds (issue 22, part 5), in headless Chromium on the sample.

A result must hold the query's words in a row, cut the same way at index and query time
(build/search_words.py, planpub-search-words.js); partial matches (the query ends inside a
longer word) come after full ones; when the latest 版 find little, the page says how many
more the earlier 版 have, with one button to show them. The expected pages are worked out
here in Python, from the built pages' text cut by the same analyser."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote, urlsplit

import pytest

from generator.build.search_index import indexed_part
from generator.build.search_words import indexed_word, segmented
from generator.pages import urls
from generator.pages.kinds import PageKind

SEARCH_PAGE = urls.portal(PageKind.SEARCH)

PHONE, LAPTOP = (390, 844), (1280, 800)
QUERIES = ["テレワーク", "マイナンバーカード", "キャッシュレス", "電子申請", "ペーパーレス", "議会", "研修", "マイナ",
           "職員 研修"]
IGNORED = re.compile(r'<(\w+)[^>]*data-pagefind-ignore[^>]*>.*?</\1>', re.S)


def _words_of_page(sample_site, href: str) -> list[str]:
    """The words the index holds for the page at `href`: its indexed text, cut as at index time."""
    path = sample_site / urlsplit(href).path.lstrip("/") / "index.html"
    html, _ = segmented(indexed_part(path.read_text(encoding="utf-8")))
    text = re.sub(r"<[^>]+>", " ", IGNORED.sub(" ", html.split("<body>", 1)[1]))
    return [w for w in map(indexed_word, text.split()) if w]


def _kind(sample_site, href: str, query: str) -> str:
    """full / partial / none, reckoned here: a run of the query is a full match where the page's
    words spell it exactly from one word boundary to another, partial where they spell it from
    a word boundary into a longer word. Every run must match."""
    words = _words_of_page(sample_site, href)
    kinds = []
    for run in query.split():
        text = unicodedata.normalize("NFKC", run).lower()
        spelled = ["".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(len(words), i + len(text)) + 1)]
        kinds.append("full" if text in spelled else "partial" if any(s.startswith(text) for s in spelled) else "none")
    return "none" if "none" in kinds else "partial" if "partial" in kinds else "full"


@pytest.fixture(scope="module")
def search(browser, sample_url):
    page = browser.new_page(viewport={"width": LAPTOP[0], "height": LAPTOP[1]})

    def run(query: str, archived: bool = False) -> list[str]:
        address = sample_url + SEARCH_PAGE + "?q=" + quote(query) + ("&archived=1" if archived else "")
        page.goto(address, wait_until="networkidle")
        page.wait_for_function("document.querySelector('[data-pp-search-status]').textContent.length > 0")
        more = page.locator("[data-pp-search-more]")
        while more.is_visible():
            count = page.locator(".pp-search-result").count()
            more.click()
            page.wait_for_function(f"document.querySelectorAll('.pp-search-result').length > {count}")
        return page.locator(".pp-search-result__title a").evaluate_all("links => links.map(a => a.href)")

    run.page = page
    yield run
    page.close()


@pytest.mark.parametrize("query", QUERIES)
def test_every_result_holds_the_query_and_full_matches_come_first(search, sample_site, query):
    found = search(query)
    assert found, query
    kinds = [_kind(sample_site, href, query) for href in found]
    assert "none" not in kinds, list(zip(found, kinds))
    assert kinds == sorted(kinds, key=lambda k: k != "full"), list(zip(found, kinds))   # full ones first
    excerpts = search.page.locator(".pp-search-result__excerpt").all_inner_texts()
    assert not any(re.search(r"[\u3040-\u30ff\u4e00-\u9fff] [\u3040-\u30ff\u4e00-\u9fff]", e) for e in excerpts)


def test_a_prefix_of_a_word_finds_the_longer_words_after_the_word_itself(search, sample_site):
    # マイナ is a word of its own on some pages and the start of longer ones (マイナンバー): both are
    # found, the pages with the word itself first
    kinds = [_kind(sample_site, href, "マイナ") for href in search("マイナ")]
    assert set(kinds) == {"full", "partial"} and kinds == sorted(kinds, key=lambda k: k != "full")


def test_single_kanji_never_stand_for_a_compound(search, sample_site):
    """議事録 must not find pages that only share 議 with it (the issue's example)."""
    for href in search("議事録"):
        assert "議事録" in (sample_site / urlsplit(href).path.lstrip("/") / "index.html").read_text(encoding="utf-8")


def test_when_the_latest_find_little_the_earlier_versions_are_offered(search):
    assert search("議事録") == []   # the initiative about 議事録ソフト was dropped in the latest 版
    page = search.page
    hint = page.locator("[data-pp-search-archived]")
    hint.wait_for(state="visible")
    assert "過去の版には、ほかに1件あります" in hint.inner_text()
    hint.get_by_role("button").click()
    page.wait_for_selector(".pp-search-result")
    titles = page.locator(".pp-search-result__title").all_inner_texts()
    assert any("議事録" in t for t in titles), titles
    assert page.get_by_label("過去の版も検索する").is_checked() and "archived=1" in page.url
    assert hint.is_hidden()


def test_enough_results_need_no_offer(search):
    assert len(search("マイナンバーカード")) >= 3
    assert search.page.locator("[data-pp-search-archived]").is_hidden()


def test_every_bundle_lists_the_words_it_holds(sample_site):
    for bundle in [sample_site / urls.LATEST_BUNDLE, sample_site / urls.archive_bundle("gotsu", "pre-1.5")]:
        lists = sorted((bundle / "words").glob("*.json"))
        assert len(lists) == 64
    import json
    words = {}
    for path in (sample_site / urls.LATEST_BUNDLE / "words").glob("*.json"):
        words.update(json.loads(path.read_text(encoding="utf-8")))
    assert {"テレワーク", "議会", "dx"} <= set(words) and "議事録" not in words   # 議事+録: short units
