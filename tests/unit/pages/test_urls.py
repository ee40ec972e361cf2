"""The URL scheme (pages/urls.py) and the page kinds it is derived from.

What is tested is how addresses relate (below which base, distinct, reserved), not how
they are spelt: changing an address in pages/kinds.py or urls.py changes no test."""

from __future__ import annotations

import pytest

from generator.pages import urls
from generator.pages.kinds import EditionKind, PageKind, Scope, menu_kinds

PLAN = "gotsu"


def _is_directory(address: str) -> bool:
    return address.endswith("/") and not address.startswith("/")


def test_edition_bases_lie_below_the_plan_and_differ():
    latest = urls.edition_base(PLAN, EditionKind.LATEST)
    frozen = [urls.edition_base(PLAN, EditionKind.FROZEN, v) for v in ("1.4", "1.5")]
    working = urls.edition_base(PLAN, EditionKind.WORKING)
    assert latest == urls.plan_base(PLAN) and working == urls.working_base(PLAN)
    assert all(_is_directory(b) and b.startswith(latest) for b in [latest, working, *frozen])
    assert len({latest, working, *frozen}) == 4
    assert all(version in base for version, base in zip(("1.4", "1.5"), frozen))
    assert not urls.plan_base("other").startswith(latest)


@pytest.mark.parametrize("kind", [k for k in PageKind if k.scope in (Scope.EDITION, Scope.ITEM)])
def test_every_edition_page_lies_below_its_edition(kind):
    for base in (urls.plan_base(PLAN), urls.edition_base(PLAN, EditionKind.FROZEN, "1.5")):
        address = urls.page(base, kind, "bpr" if kind.scope is Scope.ITEM else None)
        assert _is_directory(address) and address.startswith(base)
        assert urls.page(base, kind.value, "bpr") == address          # templates pass kinds as strings
        if kind.scope is Scope.ITEM:
            assert "bpr" in address and urls.page(base, kind, "other") != address
    assert urls.frozen_page(PLAN, "1.5", kind, "bpr") == urls.page(urls.edition_base(PLAN, EditionKind.FROZEN, "1.5"),
                                                                     kind, "bpr")
    assert urls.latest_page(PLAN, kind, "bpr") == urls.page(urls.plan_base(PLAN), kind, "bpr")


def test_every_page_of_an_edition_has_a_distinct_address():
    base = urls.plan_base(PLAN)
    addresses = [urls.page(base, k, "x") for k in PageKind if k.scope is Scope.EDITION]
    addresses += [urls.page(base, k, "x") for k in PageKind if k.scope is Scope.ITEM]
    assert len(addresses) == len(set(addresses))


def test_plan_addresses():
    base = urls.plan_base(PLAN)
    compare = urls.compare(PLAN, "pre-1.5", "1.5")
    assert _is_directory(compare) and compare.startswith(urls.compare_base(PLAN)) and urls.compare_base(PLAN).startswith(base)
    assert compare.index("pre-1.5") < compare.rindex("1.5") and compare != urls.compare(PLAN, "1.5", "pre-1.5")
    assert urls.compare(PLAN, "1.4", "1.5", "bpr") == urls.compare(PLAN, "1.4", "1.5") + urls.initiative_anchor("bpr")
    assert urls.plan_feed(PLAN).startswith(base) and urls.versions_json(PLAN).startswith(base)
    assert urls.plan_feed(PLAN) != urls.versions_json(PLAN)
    assert urls.revision_entry(PLAN, "1.5") == urls.latest_page(PLAN, PageKind.REVISIONS) + urls.version_anchor("1.5")
    frozen = urls.edition_base(PLAN, EditionKind.FROZEN, "1.5")
    assert urls.data_file(frozen, "kpis.csv").startswith(frozen) and urls.data_file(frozen, "kpis.csv").endswith("kpis.csv")
    assert urls.figure(frozen, "a.png").startswith(frozen) and urls.figure(frozen, "a.png").endswith("a.png")
    assert _is_directory(urls.archive_bundle(PLAN, "1.5")) and urls.archive_bundle(PLAN, "1.5").startswith(frozen)
    assert urls.filtered_initiatives(base, "t").startswith(urls.page(base, PageKind.INITIATIVES))


def test_anchors_name_what_they_point_at():
    for anchor, id_ in ((urls.theme_anchor("t1"), "t1"), (urls.kpi_anchor("k1"), "k1"),
                        (urls.version_anchor("1.5"), "1.5"), (urls.initiative_anchor("bpr"), "bpr")):
        assert anchor.startswith("#") and anchor.endswith(id_)
    assert len({urls.theme_anchor("x"), urls.kpi_anchor("x"), urls.version_anchor("x"), urls.initiative_anchor("x")}) == 4


def test_portal_addresses_and_site_files():
    portal = [urls.portal(k) for k in PageKind if k.scope is Scope.PORTAL and k.path]
    assert all(_is_directory(a) for a in portal) and len(portal) == len(set(portal))
    assert urls.portal(PageKind.SITE_HOME) == urls.SITE_HOME == ""
    parts = [urls.latest_bundle_part(n) for n in (1, 2, 3)]
    assert parts[0] == urls.LATEST_BUNDLE and len(set(parts)) == 3 and all(_is_directory(p) for p in parts)
    assert urls.asset("planpub.css").startswith(urls.ASSETS) and urls.asset("planpub.css").endswith("planpub.css")
    assert urls.guide_page("format").startswith(urls.GUIDE) and urls.guide_page("") == urls.GUIDE
    page = urls.latest_page(PLAN, PageKind.KPI)
    assert urls.page_file(page).startswith(page) and urls.ruby_fragment(page).startswith(page)
    assert urls.page_file(page) != urls.ruby_fragment(page)


def test_reserved_chapter_ids_cover_every_generated_name_below_a_plan():
    below_a_plan = {k.path.split("/")[0] for k in PageKind if k.scope in (Scope.EDITION, Scope.PLAN) and k.path}
    below_a_plan |= {urls.VERSIONS, urls.WORKING, urls.COMPARE, urls.PLAN_FEED, urls.VERSIONS_JSON,
                     urls.BUNDLE.rstrip("/"), urls.FIGURES.rstrip("/")}
    assert below_a_plan - {""} <= urls.RESERVED_CHAPTER_IDS
    for address in (urls.plan_feed(PLAN), urls.versions_json(PLAN), urls.compare_base(PLAN), urls.working_base(PLAN),
                    urls.edition_base(PLAN, EditionKind.FROZEN, "1.5"), urls.archive_bundle(PLAN, "1.5")):
        assert address.removeprefix(urls.plan_base(PLAN)).split("/")[0] in urls.RESERVED_CHAPTER_IDS, address


def test_every_name_at_the_site_root_is_a_reserved_plan_id():
    at_root = [urls.SITE_FEED, urls.SITEMAP, urls.NOT_FOUND, urls.SEARCH_BUNDLES, urls.ASSETS, urls.GUIDE,
               urls.PLAN_JSON_SCHEMA, *(urls.latest_bundle_part(n) for n in (1, 2, 3)),
               *(urls.portal(k) for k in PageKind if k.scope is Scope.PORTAL and k.path)]
    for address in at_root:
        assert urls.is_reserved_plan_id(address.split("/")[0]), address


def test_ordinary_ids_are_not_reserved():
    assert not urls.is_reserved_plan_id(PLAN) and "dx-approach" not in urls.RESERVED_CHAPTER_IDS


def test_menu_lists_declared_pages_in_order():
    assert [k.value for k in menu_kinds()] == ["plan_home", "initiatives", "departments", "kpi", "revisions",
                                               "data", "print"]


def test_page_kinds_are_strings_templates_can_compare():
    assert PageKind.KPI == "kpi" and PageKind("initiative").template_name == "planpub/pages/initiative.html"
