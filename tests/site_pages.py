"""One page of each type in the sites the tests build, by name. Every address comes from
generator/pages/urls.py, so changing an address there changes no test.

    SAMPLE      the shipped sample (content/): 江津市 (gotsu) and 鹿島市 (kashima)
    BASIC       the fixture plan (tests/fixtures/basic): KPIs with actuals, charts, statuses
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from generator.pages import urls
from generator.pages.kinds import EditionKind, PageKind as Kind


def _site_url() -> str:
    from generator.adapters.mkdocs.settings import read_settings
    return read_settings(Path(__file__).resolve().parent.parent / "mkdocs.yml").site_url


SITE_URL = _site_url()                         # mkdocs.yml's site_url: the sample's public address
PREFIX = urlsplit(SITE_URL).path.rstrip("/")   # its path, under which the browser tests serve the site

# A page that does not exist, several folders deep (the server answers with 404.html).
MISSING = "a/b/c/missing"


def query(address: str, **parameters: str) -> str:
    """`address` with a query string (?q=… on the search page)."""
    from urllib.parse import urlencode
    return f"{address}?{urlencode(parameters)}"


SAMPLE = {
    "site home": urls.SITE_HOME,
    "plan home": urls.plan_base("gotsu"),
    "initiatives": urls.latest_page("kashima", Kind.INITIATIVES),
    "initiative": urls.latest_page("kashima", Kind.INITIATIVE, "no09"),
    "initiative with schedule": urls.latest_page("gotsu", Kind.INITIATIVE, "bpr"),
    "kpi": urls.latest_page("kashima", Kind.KPI),
    "departments": urls.latest_page("kashima", Kind.DEPARTMENTS),
    "revisions": urls.latest_page("gotsu", Kind.REVISIONS),
    "compare": urls.compare("gotsu", "pre-1.5", "1.5"),
    "chapter": urls.latest_page("gotsu", Kind.CHAPTER, "dx-promotion"),
    "data": urls.latest_page("gotsu", Kind.DATA),
    "search": query(urls.portal(Kind.SEARCH), q="申請"),
    "print": urls.latest_page("kashima", Kind.PRINT),
    "frozen edition": urls.edition_base("gotsu", EditionKind.FROZEN, "pre-1.5"),
    "frozen initiative": urls.frozen_page("gotsu", "pre-1.5", Kind.INITIATIVE, "online-application-app"),
    "guide": urls.guide_page("format"),
    "error list": urls.portal(Kind.ERROR_LIST),
    "404": MISSING,
}

BASIC = {
    "site home": urls.SITE_HOME,
    "plan home": urls.plan_base("sample"),
    "initiatives": urls.latest_page("sample", Kind.INITIATIVES),
    "initiative": urls.latest_page("sample", Kind.INITIATIVE, "online"),
    "initiative without KPIs": urls.latest_page("sample", Kind.INITIATIVE, "reservation"),
    "kpi": urls.latest_page("sample", Kind.KPI),
    "revisions": urls.latest_page("sample", Kind.REVISIONS),
    "departments": urls.latest_page("sample", Kind.DEPARTMENTS),
    "chapter": urls.latest_page("sample", Kind.CHAPTER, "background"),
    "compare": urls.compare("sample", "1.0", "1.1"),
    "frozen edition": urls.edition_base("sample", EditionKind.FROZEN, "1.0"),
    "frozen initiative": urls.frozen_page("sample", "1.0", Kind.INITIATIVE, "online"),
    "search": query(urls.portal(Kind.SEARCH), q="窓口"),
    "error list": urls.portal(Kind.ERROR_LIST),
}


def address(plan: str, kind: Kind = Kind.PLAN_HOME, item: str | None = None, version: str | None = None) -> str:
    """A page of a plan: of its latest 版 (at the plan's stable address) or of a frozen 版."""
    return urls.frozen_page(plan, version, kind, item) if version else urls.latest_page(plan, kind, item)


def data_file(plan: str, name: str, version: str | None = None) -> str:
    """An open-data file of a plan's latest or a frozen 版."""
    base = urls.edition_base(plan, EditionKind.FROZEN, version) if version else urls.plan_base(plan)
    return urls.data_file(base, name)


def page_path(site, plan: str, kind: Kind = Kind.PLAN_HOME, item: str | None = None,
              version: str | None = None):
    """The file of a plan's page in a built site."""
    return site / urls.page_file(address(plan, kind, item, version))
