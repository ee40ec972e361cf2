"""`planpub check` (adapters/cli/check.py): one page of every page type is checked with axe,
latest and archived 版 apart. (The whole check, with Java and Chromium: tests/test_check.py.)"""

from __future__ import annotations

from generator.adapters.cli.check import sample_pages
from generator.i18n import msg, set_language
from generator.pages import urls
from generator.pages.kinds import PageKind
from generator.validate import load_valid_site

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
