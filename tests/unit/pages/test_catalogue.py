"""One builder per page kind (pages/catalogue.py): every edition gets every page kind it
declares, item pages for every initiative and chapter, titles that name the plan and the
版, search weights only for published pages."""

from __future__ import annotations

from generator.pages import urls
from generator.pages.catalogue import EditionBuild, edition_pages
from generator.pages.editions import plan_editions
from generator.pages.kinds import PageKind, Scope
from generator.pages.changes import pair_diffs


def _build(site, which: int = 0, working: bool = False) -> EditionBuild:
    plan = site.plans[0]
    editions = plan_editions(plan, include_working=working)
    return EditionBuild(site, editions[which] if not working else editions[-1], editions, pair_diffs(plan))


def test_every_edition_page_kind_and_every_item(basic):
    build = _build(basic)
    pages = list(edition_pages(build))
    kinds = {p.kind for p in pages}
    assert {k for k in PageKind if k.scope is Scope.EDITION} <= kinds
    initiatives = {p.url for p in pages if p.kind is PageKind.INITIATIVE}
    assert initiatives == {urls.latest_page("sample", PageKind.INITIATIVE, i.id) for i in build.content.initiatives}
    assert {p.url for p in pages if p.kind is PageKind.CHAPTER} == \
        {urls.latest_page("sample", PageKind.CHAPTER, c.id) for c in build.content.chapters}


def test_titles_name_the_plan_and_a_frozen_pages_version(basic):
    latest = {p.kind: p for p in edition_pages(_build(basic))}
    frozen = {p.kind: p for p in edition_pages(_build(basic, 1))}
    title = basic.plans[0].snapshots["1.1"].title
    assert title in latest[PageKind.KPI].title and "第1.0版" in frozen[PageKind.KPI].title
    assert "第1.1版" not in latest[PageKind.KPI].title


def test_published_pages_are_searchable_and_the_working_copy_is_not(basic):
    home = next(p for p in edition_pages(_build(basic)) if p.kind is PageKind.PLAN_HOME)
    assert home.context.search.edition == "latest"
    frozen_home = next(p for p in edition_pages(_build(basic, 1)) if p.kind is PageKind.PLAN_HOME)
    assert frozen_home.context.search.edition == "archived"
    working = next(p for p in edition_pages(_build(basic, working=True)) if p.kind is PageKind.PLAN_HOME)
    assert getattr(working.context, "search", None) is None


def test_kpi_assessments_and_charts_are_made_once_for_every_page(basic):
    build = _build(basic)
    assert set(build.shared["assessments"]) == {k.id for k in build.content.all_kpis()}
    assert set(build.shared["charts"]) == set(build.shared["assessments"])
