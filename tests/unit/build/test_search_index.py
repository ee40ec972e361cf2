"""Search bundles (build/search_index.py): which pages are indexed, what of them, in how
many parts — and a real bundle written by Pagefind."""

from __future__ import annotations

import pytest

from generator.build import search_index
from generator.build.search_index import Bundle, indexed_part, latest_bundles, pages_under, write_bundles
from generator.pages import urls
from generator.pages.kinds import PageKind

from .sites import page_html, write_page

LATEST = urls.latest_page("p", PageKind.INITIATIVE, "a")
FROZEN = urls.frozen_page("p", "1.0", PageKind.INITIATIVE, "a")


@pytest.fixture
def site(tmp_path):
    write_page(tmp_path, LATEST, page_html("窓口のオンライン化"))
    write_page(tmp_path, FROZEN, page_html("窓口のオンライン化（旧）", latest=False))
    write_page(tmp_path, urls.latest_page("p", PageKind.DATA), page_html("ファイル", searchable=False))
    return tmp_path


def test_pages_under_lists_searchable_pages_by_address_and_can_skip(site):
    assert [url for url, _ in pages_under(site, ".")] == [LATEST, FROZEN]
    assert [url for url, _ in pages_under(site, ".", latest_only=True)] == [LATEST]
    assert [url for url, _ in pages_under(site, "p", skip=(urls.VERSIONS,))] == [LATEST]
    assert pages_under(site, "nothing-here") == []


def test_only_the_language_and_the_body_are_indexed():
    html = page_html("本文")
    part = indexed_part(html)
    assert part.startswith('<html lang="ja">') and "本文" in part and "menu" not in part
    assert indexed_part("<p>no marker</p>") == "<p>no marker</p>"


def test_the_latest_pages_are_split_into_parts_of_the_configured_size(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANPUB_SEARCH_PART_PAGES", "2")
    pages = [(f"p{n}/", tmp_path / f"{n}.html") for n in range(5)]
    bundles = latest_bundles(tmp_path, list(reversed(pages)))
    assert [b.output.name + "/" for b in bundles] == [urls.latest_bundle_part(n) for n in (1, 2, 3)]
    assert [b.primary for b in bundles] == [True, False, False]
    assert [u for b in bundles for u, _ in b.pages] == [u for u, _ in pages]   # sorted, none lost


@pytest.mark.slow
def test_pagefind_writes_a_bundle_and_removes_one_without_pages(site, tmp_path):
    out, empty = tmp_path / "bundle", tmp_path / "empty"
    empty.mkdir()
    write_bundles([Bundle(out, pages_under(site, "."), primary=True), Bundle(empty, [])])
    names = {p.name for p in out.iterdir()}
    assert "pagefind-entry.json" in names and "pagefind.js" in names and not empty.exists()
    assert not list(tmp_path.glob("*.writing"))
    secondary = tmp_path / "secondary"
    write_bundles([Bundle(secondary, pages_under(site, "."))])
    assert "pagefind.js" not in {p.name for p in secondary.iterdir()}   # only the primary loads
    search_index.close_shared_service()
