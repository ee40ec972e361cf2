"""The typed data each template gets (pages/contexts.py): every page's context has what
its kind needs, and a plan page the fields every plan page has."""

from __future__ import annotations

from generator.pages import urls
from generator.pages.contexts import (EditionContext, InitiativeContext, KpiContext, PlanPageContext,
                                      SiteHomeContext)
from generator.pages.kinds import PageKind


def test_each_page_kind_gets_its_own_context(basic_pages):
    assert isinstance(basic_pages[urls.SITE_HOME].context, SiteHomeContext)
    kpi = basic_pages[urls.latest_page("sample", PageKind.KPI)].context
    assert isinstance(kpi, KpiContext) and isinstance(kpi, EditionContext)
    initiative = basic_pages[urls.latest_page("sample", PageKind.INITIATIVE, "online")].context
    assert isinstance(initiative, InitiativeContext) and initiative.initiative.id == "online"


def test_every_plan_page_knows_its_plan_edition_menu_and_stable_address(basic_pages):
    for page in basic_pages.values():
        context = page.context
        if isinstance(context, PlanPageContext):
            assert context.plan.id == "sample" and context.menu and context.page_kind is page.kind
            assert context.latest_url.startswith(urls.plan_base("sample")), page.url
