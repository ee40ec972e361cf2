"""`planpub check` (adapters/cli/check.py): one page of every page type is checked with axe,
latest and archived 版 apart. (The whole check, with Java and Chromium: tests/test_check.py.)"""

from __future__ import annotations

import pytest

from generator.adapters.cli.check import AHEAD, _loaded, sample_pages
from generator.i18n import msg, set_language
from generator.pages import urls
from generator.pages.kinds import PageKind
from generator.validate import load_valid_site

from tests.browser import serve_directory
from tests.conftest import FIXTURES, run_cli


def test_one_page_of_every_page_type_latest_and_archived_apart():
    set_language("ja")
    pages = sample_pages(load_valid_site(FIXTURES / "basic").site)
    assert pages[PageKind.SITE_HOME.value] == urls.SITE_HOME
    assert pages[PageKind.KPI.value] == urls.latest_page("sample", PageKind.KPI)
    archived = PageKind.KPI.value + msg("check.archived")
    assert pages[archived] == urls.frozen_page("sample", "1.0", PageKind.KPI)
    assert {PageKind.INITIATIVE.value, PageKind.CHAPTER.value, PageKind.COMPARE.value + msg("check.archived")} <= set(pages)
    assert len(set(pages.values())) == len(pages)


def test_content_problems_stop_the_check_before_building(basic_content, tmp_path):
    (basic_content / "plans/sample/working/plan.yml").write_text("title: [\n", encoding="utf-8")
    result = run_cli("check", "--content", str(basic_content))
    assert result.returncode == 1 and "plan.yml" in result.stderr and "✘" in result.stdout


@pytest.mark.slow   # Chromium
def test_every_page_is_given_loaded_in_order_while_the_next_ones_load(browser, tmp_path):
    """axe runs on each page once its network is idle; the pages after it load meanwhile."""
    names = [f"p{i}" for i in range(AHEAD + 3)]
    for name in names:   # each page fetches something after its load, as the search page does
        (tmp_path / f"{name}.html").write_text(
            f"<!doctype html><title>{name}</title><script>addEventListener('load', () =>"
            f" fetch('{name}.json').then(r => r.text()).then(t => document.title = t))</script>", encoding="utf-8")
        (tmp_path / f"{name}.json").write_text(f"{name} fetched", encoding="utf-8")
    with serve_directory(tmp_path) as base:
        seen = []
        for label, url, page in _loaded(browser, base, {name: f"{name}.html" for name in names}):
            seen.append((label, url, page.title(), page.evaluate("document.readyState")))
            assert len(browser.contexts) <= AHEAD + 1   # not every page at once
            page.close()
    assert seen == [(name, f"{name}.html", f"{name} fetched", "complete") for name in names]
    assert browser.contexts == []
