"""Every address of the site, built in one place.

URLs are site-relative directory URLs without a leading slash ("gotsu/initiatives/bpr/"),
so the site works from a domain root or any sub-path; templates turn them into relative
links with `url(...)` and get them from these functions (the Jinja global `urls`), never
by joining strings. The ids that validation refuses (`RESERVED_PLAN_IDS`,
`RESERVED_CHAPTER_IDS`) come from the same table, so a plan or a chapter can never take
the address of a generated page or file.

    ""                                   site home                 (PageKind.SITE_HOME)
    search/, guide/errors/               portal pages
    search/plans.json, search/part-<n>.json   the plans of a search index in several parts
    guide/<name>/                        the staff guide (docs/site/guide/<name>.md)
    feed.xml, sitemap.xml, 404.html, search-bundles.json, data/plan.schema.json, pagefind/ …
    <plan>/                              the latest 版 (stable address)
    <plan>/v/<版>/                        a frozen 版
    <plan>/working/                      the working copy (preview only)
    <edition>/initiatives/, kpi/, …      edition pages (PageKind.path)
    <edition>/initiatives/<id>/, <edition>/<chapter>/
    <edition>/data/<file>                open data
    <plan>/compare/<old>/<new>/          field-level diff of two frozen 版
    <plan>/feed.xml, <plan>/versions.json
    <plan>/v/<版>/pagefind/               a frozen 版's own search bundle
    <page>/index.ruby.json               a page's ふりがな (fetched only when turned on)
"""

from __future__ import annotations

from generator.pages.kinds import EditionKind, PageKind, Scope

SITE_HOME = ""
ASSETS = "assets/"
SITE_FEED = "feed.xml"
SITEMAP = "sitemap.xml"
NOT_FOUND = "404.html"
SEARCH_BUNDLES = "search-bundles.json"
RUBY_FRAGMENT = "index.ruby.json"   # <page>/index.ruby.json: the page's ふりがな, fetched on demand
PLAN_JSON_SCHEMA = "data/plan.schema.json"
DATA_CATALOGUE = "data/datapackages.json"   # every published edition's datapackage.json
LATEST_BUNDLE = "pagefind/"
# The language every search bundle is built and searched in: text is cut into words before
# Pagefind sees it (build/search_words.py), so Pagefind must not segment it again.
SEARCH_LANGUAGE = "und"
GUIDE = "guide/"

VERSIONS = "v"           # <plan>/v/<版>/
WORKING = "working"      # <plan>/working/
COMPARE = "compare"      # <plan>/compare/<old>/<new>/
PLAN_FEED = "feed.xml"
VERSIONS_JSON = "versions.json"
DATA = "data/"
FIGURES = "figures/"     # <edition>/figures/<name>: chapters refer to them as ../figures/<name>
BUNDLE = "pagefind/"

# Names a plan id must not take: everything at the site root that is not a plan.
RESERVED_PLAN_IDS = frozenset({"assets", "data", "guide", "search", "pagefind", "index", "planpub", SITE_FEED, SITEMAP,
                               "sitemap.xml.gz", NOT_FOUND, SEARCH_BUNDLES, "404"})
# Names a chapter id must not take: every other first segment below a plan or an edition.
RESERVED_CHAPTER_IDS = frozenset(
    {k.path.split("/")[0] for k in PageKind if k.scope in (Scope.EDITION, Scope.PLAN) and k.path}
    | {VERSIONS, WORKING, COMPARE, PLAN_FEED, VERSIONS_JSON, BUNDLE.rstrip("/"), FIGURES.rstrip("/"), "index",
       "assets", "search",
       "diff"}) - {""}


def is_reserved_plan_id(plan_id: str) -> bool:
    """Also refuses pagefind-2, pagefind-3 …, the further parts of the latest search index."""
    return plan_id in RESERVED_PLAN_IDS or plan_id.startswith("pagefind-") or plan_id.startswith("sitemap-")


# ── plans and editions ────────────────────────────────────────────────────────

def plan_base(plan_id: str) -> str:
    return f"{plan_id}/"


def edition_base(plan_id: str, kind: EditionKind, version_id: str | None = None) -> str:
    if kind is EditionKind.LATEST:
        return plan_base(plan_id)
    if kind is EditionKind.WORKING:
        return f"{plan_id}/{WORKING}/"
    return f"{plan_id}/{VERSIONS}/{version_id}/"


def page(base: str, kind: PageKind | str, arg: str | None = None) -> str:
    """An edition page: `kind`'s path below the edition's `base` (arg: an initiative or
    chapter id for item pages)."""
    kind = PageKind(kind)
    return base + (kind.path.format(id=arg) if kind.scope is Scope.ITEM else kind.path)


def frozen_page(plan_id: str, version_id: str, kind: PageKind | str, arg: str | None = None) -> str:
    return page(edition_base(plan_id, EditionKind.FROZEN, version_id), kind, arg)


def latest_page(plan_id: str, kind: PageKind | str, arg: str | None = None) -> str:
    return page(plan_base(plan_id), kind, arg)


def working_base(plan_id: str) -> str:
    return edition_base(plan_id, EditionKind.WORKING)


def compare(plan_id: str, old_id: str, new_id: str, initiative_id: str | None = None) -> str:
    url = plan_base(plan_id) + PageKind.COMPARE.path.format(old=old_id, new=new_id)
    return url + (initiative_anchor(initiative_id) if initiative_id else "")


def compare_base(plan_id: str) -> str:
    """Where the compare pages of a plan start (the compare form adds <old>/<new>/)."""
    return f"{plan_id}/{COMPARE}/"


def plan_feed(plan_id: str) -> str:
    return plan_base(plan_id) + PLAN_FEED


def versions_json(plan_id: str) -> str:
    return plan_base(plan_id) + VERSIONS_JSON


def revision_entry(plan_id: str, version_id: str) -> str:
    """A 版's entry in the plan's revision history (an anchor on the revisions page)."""
    return latest_page(plan_id, PageKind.REVISIONS) + version_anchor(version_id)


def filtered_initiatives(base: str, theme_id: str) -> str:
    """The initiative index of the edition at `base`, filtered to one theme (planpub-filters.js
    reads ?theme=; without JavaScript the full list is shown)."""
    return page(base, PageKind.INITIATIVES) + f"?theme={theme_id}"


def data_file(base: str, name: str) -> str:
    """An open-data file of the edition at `base`."""
    return base + DATA + name


def figure(base: str, name: str) -> str:
    """A figure of the edition at `base`."""
    return base + FIGURES + name


def archive_bundle(plan_id: str, version_id: str) -> str:
    """A frozen 版's own search bundle (built and cached with its pages)."""
    return edition_base(plan_id, EditionKind.FROZEN, version_id) + BUNDLE


def search_plans() -> str:
    """The names of every plan, for the search page's plan-name scope (a portal of several parts)."""
    return portal(PageKind.SEARCH) + "plans.json"


def search_part(n: int) -> str:
    """The plans and archived 版 of search part `n` (a portal of several parts)."""
    return portal(PageKind.SEARCH) + f"part-{n}.json"


def latest_bundle_part(n: int) -> str:
    """pagefind/ (the primary part of the latest 版's index), then pagefind-2/, pagefind-3/ …"""
    return LATEST_BUNDLE if n == 1 else f"pagefind-{n}/"


def portal(kind: PageKind | str) -> str:
    return PageKind(kind).path


def page_file(page_url: str) -> str:
    """The file a directory-URL page is written to (what a static server sends for it)."""
    return page_url + "index.html"


def guide_page(name: str) -> str:
    """A page of the staff guide (docs/site/guide/<name>.md; "" for its index)."""
    return GUIDE + (f"{name}/" if name else "")


def ruby_fragment(page_url: str) -> str:
    """The ふりがな of a page (render/furigana.py), beside its index.html."""
    return page_url + RUBY_FRAGMENT


def asset(name: str) -> str:
    return ASSETS + name


# ── anchors within pages ──────────────────────────────────────────────────────

def theme_anchor(theme_id: str) -> str:
    return f"#theme-{theme_id}"


def kpi_anchor(kpi_id: str) -> str:
    return f"#kpi-{kpi_id}"


def version_anchor(version_id: str) -> str:
    return f"#version-{version_id}"


def initiative_anchor(initiative_id: str) -> str:
    return f"#initiative-{initiative_id}"
