"""Search bundles (build/search_index.py): which pages are indexed, what of them, in how
many parts — and a real bundle written by Pagefind."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import search_index
from generator.build.search_index import (Bundle, indexed_part, pages_under, part_bundle, plan_latest_pages,
                                          write_bundles)
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


def test_a_part_of_several_marks_each_page_with_its_plan_for_pagefind_only():
    html = page_html("本文")
    part = indexed_part(html, "p&q")
    assert '<span data-pagefind-filter="plan:p&amp;q"></span>' in part and "本文" in part
    assert part.index("data-pagefind-body") < part.index("data-pagefind-filter")
    assert "data-pagefind-filter" not in indexed_part(html)


def test_a_part_of_several_keeps_the_wasm_a_merged_bundle_drops(tmp_path):
    names = ["pagefind.js", "pagefind-worker.js", "wasm.unknown.pagefind", "pagefind-entry.json", "x.pf_meta",
             "pagefind-ui.js"]
    kept = {}
    for primary, split in ((True, False), (False, False), (False, True)):
        folder = tmp_path / f"{primary}-{split}"
        folder.mkdir()
        for name in names:
            (folder / name).write_text("")
        search_index._keep_needed(folder, primary, split)
        kept[primary, split] = sorted(p.name for p in folder.iterdir())
    assert kept[True, False] == sorted(names[:5])
    assert kept[False, False] == ["pagefind-entry.json", "x.pf_meta"]
    assert kept[False, True] == ["pagefind-entry.json", "pagefind-worker.js", "wasm.unknown.pagefind", "x.pf_meta"]


def test_a_parts_index_has_its_pages_sorted_and_only_the_first_part_loads():
    pages = [(f"p{n}/", Path(f"{n}.html")) for n in range(3)]
    first, second = part_bundle(Path("root"), 1, list(reversed(pages))), part_bundle(Path("root"), 2, pages)
    assert first.output == Path("root") / urls.latest_bundle_part(1) and first.primary and first.pages == pages
    assert second.output == Path("root") / urls.latest_bundle_part(2) and not second.primary
    assert not second.split and part_bundle(Path("root"), 2, pages, split=True).split


def test_a_plans_latest_pages_are_its_stable_addresses_only(site):
    write_page(site, urls.compare("p", "1.0", "1.1"), page_html("差分"))
    assert [url for url, _ in plan_latest_pages(site, "p")] == [LATEST]
    assert plan_latest_pages(site, "other") == []


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
