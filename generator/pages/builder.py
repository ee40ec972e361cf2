"""Which pages the site has, at which URLs, with which data (no HTML here).

The latest 版 of each plan is published twice: at /<plan>/… (the stable address citizens
bookmark) and at /<plan>/v/<version>/… like every other frozen 版. Addresses come from
pages/urls.py, the pages of an edition from pages/catalogue.py, their data types from
pages/contexts.py.
"""

from __future__ import annotations

from typing import Iterator

from generator.i18n import lookup, msg
from generator.model.diff import inline_diff
from generator.model.markup import plain_line
from generator.model.plan import Site
from generator.pages import changes, sections, urls
from generator.pages.catalogue import EditionBuild, edition_pages as _edition_pages
from generator.pages.contexts import (CompareContext, ErrorListContext, ProblemsContext, SearchContext,
                                      SiteHomeContext, WithdrawnContext)
from generator.pages.editions import Edition, content_has, plan_editions, unique
from generator.pages.files import site_info
from generator.pages.kinds import PageKind, Scope
from generator.pages.page import Page


def build_pages(site: Site, include_working: bool = False) -> list[Page]:
    """Every page of the site, in a stable order. `include_working` adds the unpublished
    working copy of each plan at /<plan>/working/ for the staff preview."""
    pages = portal_pages(site, preview=include_working)
    for plan in site.plans:
        editions = plan_editions(plan, include_working)
        diffs = changes.pair_diffs(plan, site)  # shared by every revisions page and the compare pages
        for edition in unique(editions):
            pages.extend(edition_pages(site, edition, editions, diffs))
    return pages


def portal_pages(site: Site, preview: bool = False, plan_parts: dict[str, int] | None = None) -> list[Page]:
    """The pages about the whole site rather than one plan: the plan list, search, error list.
    `plan_parts`: each published plan's search part (build/load parts.py); a portal of
    several parts offers a search scope (a plan, the plan list, every plan)."""
    info = site_info(site, with_plans=True)
    return [
        Page(url=urls.SITE_HOME, kind=PageKind.SITE_HOME, title=site.title,
             context=SiteHomeContext(site=info, plans=info.plans, preview=preview),
             description=site.description or site.title),
        Page(url=urls.portal(PageKind.SEARCH), kind=PageKind.SEARCH, title=msg("ui.search_title"),
             context=SearchContext(site=info, archived_plans=[p for p in info.plans if p.archived],
                                   bundle_list=urls.SEARCH_BUNDLES,
                                   scoped=len(set((plan_parts or {}).values())) > 1),
             description=msg("ui.search_title")),
        Page(url=urls.portal(PageKind.ERROR_LIST), kind=PageKind.ERROR_LIST, title=msg("ui.error_list_title"),
             context=ErrorListContext(site=info, errors=error_catalogue())),
    ]


def edition_pages(site: Site, edition: Edition, editions: list[Edition], diffs: dict) -> list[Page]:
    """All pages published at one edition's base URL. A frozen 版 also owns the compare
    pages whose newer side it is; the latest owns the notes for pages it no longer has."""
    build = EditionBuild(site, edition, editions, diffs)
    pages = list(_edition_pages(build))
    if edition.is_working:
        return pages
    if edition.is_latest:
        pages.extend(withdrawn_pages(build))
    else:
        pages.extend(compare_pages(build))
    return pages


def _plan_context(build: EditionBuild, kind: PageKind, arg: str | None = None) -> dict:
    """The common fields of a plan page that is not an edition's own page: its menu links to
    the plan's stable addresses, which always exist."""
    base = urls.plan_base(build.edition.plan.id)
    return {"site": build.info, "plan": build.resolved, "content": build.resolved, "edition": build.edition.address,
            "version": build.resolved.version, "page_kind": kind, "page_arg": arg, "menu_base": base,
            "menu": build.menu(base)}


def compare_pages(build: EditionBuild) -> Iterator[Page]:
    """A diff page from every earlier frozen 版 to the frozen 版 of `build`."""
    newer, content = build.edition, build.resolved
    plan_id, new = content.id, content.version
    known = sections.known_versions(content, newer)
    for old in known[:-1]:
        diff = build.diffs.readable((old.id, new.id))
        title = msg("ui.compare_title", old=old.titled_name, new=new.titled_name)
        url = urls.compare(plan_id, old.id, new.id)
        yield Page(url=url, kind=PageKind.COMPARE, title=msg("ui.title_in_plan", title=title, plan=content.title),
                   context=CompareContext(**_plan_context(build, PageKind.COMPARE), latest_url=url,
                                          old=old, new=new, diff=diff, inline_diff=inline_diff,
                                          compare_versions=known,
                                          compare_choices=changes.compare_choices(plan_id, known)),
                   description=title)


def withdrawn_pages(build: EditionBuild) -> Iterator[Page]:
    """A short page at the stable address of every initiative or chapter that an earlier
    frozen 版 had but the latest no longer has, saying so and linking to the 版 that have it —
    and of a page kind an earlier 版 had that the latest has no use for (the departments view).
    So a link from any frozen page to "the same page in the latest 版" never breaks."""
    latest, content = build.edition, build.resolved
    plan = latest.plan
    versions = {v.id: v for v in content.versions}
    seen: dict[tuple[PageKind, str | None], tuple[str, str]] = {}
    page_kinds = [k for k in PageKind if k.scope is Scope.EDITION and not latest.has(k)]
    for version in plan.snapshot_versions:
        older = plan.snapshots[version.id]
        items = [(PageKind.INITIATIVE, i.id, plain_line(i.display_title)) for i in older.initiatives] + \
            [(PageKind.CHAPTER, c.id, c.title) for c in older.chapters] + \
            [(kind, None, _kind_title(kind, older)) for kind in page_kinds if content_has(older, kind)]
        for kind, item_id, title in items:
            if not content_has(plan.snapshots[latest.version.id], kind, item_id):
                seen[(kind, item_id)] = (title, version.id)
    for (kind, item_id), (title, last) in sorted(seen.items(), key=lambda pair: (pair[0][0], pair[0][1] or "")):
        holders = [versions[v.id] for v in plan.snapshot_versions if content_has(plan.snapshots[v.id], kind, item_id)]
        yield Page(url=latest.url(kind, item_id), kind=PageKind.WITHDRAWN,
                   title=msg("ui.title_in_plan", title=title, plan=content.title),
                   context=WithdrawnContext(**_plan_context(build, PageKind.WITHDRAWN, item_id),
                                            latest_url=latest.url(PageKind.PLAN_HOME), item_title=title,
                                            item_kind=str(kind), last_version=versions[last],
                                            holders=[{"version": v, "url": urls.frozen_page(plan.id, v.id, kind, item_id)}
                                                     for v in holders]),
                   description=msg("ui.withdrawn_description", title=title))


def _kind_title(kind: PageKind, content) -> str:
    from generator.model.resolved.labels import plan_scope
    if kind is PageKind.DEPARTMENTS:
        return sections.departments_title(plan_scope(content.fields), msg(kind.title_key))
    return msg(kind.title_key)


def problems_page(problems, url: str = urls.SITE_HOME) -> Page:
    """The preview's stand-in page when content has problems: at the site home, and at the
    address of every page the preview showed before (the page being edited shows them)."""
    return Page(url=url, kind=PageKind.PROBLEMS, title=msg("ui.problems_title"),
                context=ProblemsContext(site=None, problems=problems.sorted()))


# Error messages whose fix is described under a different hint key.
_HINT_ALIASES = {"shift_jis": "encoding", "not_utf8": "encoding", "bom": "encoding", "unknown_field": "did_you_mean",
                 "frozen_changed": "frozen", "frozen_missing": "frozen", "frozen_added": "frozen",
                 "missing_dir": "unreadable", "missing_file": "chapter_missing", "empty_list": "empty_value",
                 "year_out_of_range": "bad_year_key", "bad_link": "bad_link", "schema_other": "yaml_syntax",
                 "wrong_type": "wrong_type", "not_in_choices": "choose_one", "raw_html_in_text": "raw_html",
                 "figure_bad_name": "figure_missing"}


def error_catalogue() -> list[dict]:
    """Every message `planpub validate` can print, with how to fix it (for the staff guide)."""
    errors, hints = lookup("errors"), lookup("hints")
    return [{"key": key, "message": text, "hint": hints.get(key) or hints.get(_HINT_ALIASES.get(key, ""), "")}
            for key, text in errors.items()]


