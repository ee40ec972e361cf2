"""The URL scheme (pages/urls.py) and the page kinds it is derived from."""

from __future__ import annotations

import pytest

from generator.pages import urls
from generator.pages.kinds import EditionKind, PageKind, Scope, menu_kinds


def test_edition_bases():
    assert urls.edition_base("gotsu", EditionKind.LATEST) == "gotsu/"
    assert urls.edition_base("gotsu", EditionKind.FROZEN, "1.5") == "gotsu/v/1.5/"
    assert urls.edition_base("gotsu", EditionKind.WORKING) == urls.working_base("gotsu") == "gotsu/working/"


@pytest.mark.parametrize("kind, arg, expected", [
    (PageKind.PLAN_HOME, None, "gotsu/v/1.5/"),
    (PageKind.INITIATIVES, None, "gotsu/v/1.5/initiatives/"),
    (PageKind.INITIATIVE, "bpr", "gotsu/v/1.5/initiatives/bpr/"),
    (PageKind.CHAPTER, "dx-approach", "gotsu/v/1.5/dx-approach/"),
    (PageKind.DATA, None, "gotsu/v/1.5/data/"),
    ("kpi", None, "gotsu/v/1.5/kpi/"),          # templates pass kinds as strings
])
def test_edition_pages(kind, arg, expected):
    assert urls.frozen_page("gotsu", "1.5", kind, arg) == expected


def test_plan_and_portal_addresses():
    assert urls.compare("gotsu", "pre-1.5", "1.5") == "gotsu/compare/pre-1.5/1.5/"
    assert urls.compare("gotsu", "1.4", "1.5", "bpr") == "gotsu/compare/1.4/1.5/#initiative-bpr"
    assert urls.compare_base("gotsu") == "gotsu/compare/"
    assert urls.plan_feed("gotsu") == "gotsu/feed.xml" and urls.versions_json("gotsu") == "gotsu/versions.json"
    assert urls.revision_entry("gotsu", "1.5") == "gotsu/revisions/#version-1.5"
    assert urls.data_file("gotsu/v/1.5/", "kpis.csv") == "gotsu/v/1.5/data/kpis.csv"
    assert urls.archive_bundle("gotsu", "1.5") == "gotsu/v/1.5/pagefind/"
    assert [urls.latest_bundle_part(n) for n in (1, 2)] == ["pagefind/", "pagefind-2/"]
    assert urls.portal(PageKind.SEARCH) == "search/" and urls.portal(PageKind.ERROR_LIST) == "guide/errors/"
    assert urls.asset("planpub.css") == "assets/planpub.css"


def test_every_edition_page_has_a_distinct_address():
    paths = [k.path for k in PageKind if k.scope is Scope.EDITION]
    assert len(paths) == len(set(paths))


def test_reserved_chapter_ids_cover_every_generated_name_below_a_plan():
    first_segments = {k.path.split("/")[0] for k in PageKind if k.scope in (Scope.EDITION, Scope.PLAN) and k.path}
    assert first_segments - {""} <= urls.RESERVED_CHAPTER_IDS
    assert {"v", "working", "compare", "feed.xml", "versions.json", "pagefind"} <= urls.RESERVED_CHAPTER_IDS


@pytest.mark.parametrize("plan_id", ["search", "guide", "assets", "data", "pagefind", "pagefind-3", "feed.xml",
                                     "sitemap.xml", "404.html"])
def test_reserved_plan_ids(plan_id):
    assert urls.is_reserved_plan_id(plan_id)


def test_ordinary_ids_are_not_reserved():
    assert not urls.is_reserved_plan_id("gotsu") and "dx-approach" not in urls.RESERVED_CHAPTER_IDS


def test_menu_lists_declared_pages_in_order():
    assert [k.value for k in menu_kinds()] == ["plan_home", "initiatives", "departments", "kpi", "revisions",
                                               "data", "print"]


def test_page_kinds_are_strings_templates_can_compare():
    assert PageKind.KPI == "kpi" and PageKind("initiative").template_name == "planpub/pages/initiative.html"
