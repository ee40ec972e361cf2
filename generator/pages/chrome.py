"""What the site's chrome (header search, menu drawer, footer) shows around a page.

A plan page's chrome depends only on its own plan and the site settings, so a frozen 版's
pages never change when another plan is added: its menu lists its own plan's pages and
links to the plan list. Portal pages (the site home, search, the guide, the 404 page)
list every plan with its pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model.plan import Contact, Site
from generator.model.resolved import SiteInfo
from generator.pages import sections, urls
from generator.pages.contexts import MenuEntry, PlanPageContext
from generator.pages.files import DEFAULT_LICENCE, plan_licence, site_info
from generator.pages.kinds import PageKind


@dataclass(frozen=True)
class PlanLinks:
    """One plan in the menu drawer: its home and its pages."""

    name: str
    url: str
    menu: list[MenuEntry]
    current: bool = False


@dataclass(kw_only=True)
class Chrome:
    site_title: str
    search_url: str = urls.portal(PageKind.SEARCH)
    plan_list_url: str = urls.SITE_HOME
    guide_url: str = urls.GUIDE
    plans: list[PlanLinks] = field(default_factory=list)
    contact: Contact | None = None
    plan_name: str = ""          # on plan pages: the plan the contact and the feed belong to
    licence: str = DEFAULT_LICENCE
    publisher: str | None = None
    plan_feed: str | None = None  # the plan's own feed, on its pages
    site_feed: str = urls.SITE_FEED


def _plan_name(content) -> str:
    return f"{content.municipality} {content.title}"


def portal_chrome(site: Site | SiteInfo) -> Chrome:
    """Every published plan at its stable address, with the pages of its latest 版 (a new plan
    with nothing published yet has no pages to link)."""
    info = site if isinstance(site, SiteInfo) else site_info(site, with_plans=True)
    plans = []
    for plan in info.plans:
        base = urls.plan_base(plan.id)
        plans.append(PlanLinks(plan.name, base, sections.plan_menu(base, plan.id, plan.labels, plan.uses_departments)))
    return Chrome(site_title=info.title, plans=plans, licence=info.licence or DEFAULT_LICENCE,
                  publisher=info.publisher)


def plan_chrome(context: PlanPageContext) -> Chrome:
    """A plan page: its plan's pages (as its own menu links them), contact and licence."""
    site = context.site
    home = urls.page(context.menu_base, PageKind.PLAN_HOME)
    links = PlanLinks(_plan_name(context.content), home, context.menu, current=True)
    return Chrome(site_title=site.title, plans=[links], contact=context.content.contact,
                  plan_name=_plan_name(context.content), licence=plan_licence(context.content, site),
                  publisher=site.publisher, plan_feed=urls.plan_feed(context.plan.id))


def page_chrome(context: object) -> Chrome | None:
    """The chrome of a generated page from its context (None without a site: the problems page)."""
    if isinstance(context, PlanPageContext):
        return plan_chrome(context)
    site = getattr(context, "site", None)
    return portal_chrome(site) if site is not None else None
