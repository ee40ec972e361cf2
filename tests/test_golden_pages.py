"""Golden files: the rendered content of each page type, compared byte for byte.

Regenerate all of them after an intended change (a template, an address) with one command:
    python3 dev.py test --update-golden
and review the diff of tests/golden/ before committing (say in the commit why each changed).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.i18n import set_language
from generator.validate import load_valid_site
from generator.pages.builder import build_pages
from generator.render.renderer import Renderer

from generator.pages import urls
from generator.pages.kinds import PageKind as Kind

from .conftest import FIXTURES
from .site_pages import address

GOLDEN = Path(__file__).parent / "golden"

PAGES = {
    "site_home": urls.SITE_HOME,
    "plan_home": address("sample"),
    "plan_home_old_version": address("sample", version="1.0"),
    "initiatives": address("sample", Kind.INITIATIVES),
    "departments": address("sample", Kind.DEPARTMENTS),
    "initiative_all_fields": address("sample", Kind.INITIATIVE, "online"),
    "initiative_old_version": address("sample", Kind.INITIATIVE, "online", version="1.0"),
    "initiative_sparse": address("sample", Kind.INITIATIVE, "reservation"),
    "kpi": address("sample", Kind.KPI),
    "revisions": address("sample", Kind.REVISIONS),
    "chapter": address("sample", Kind.CHAPTER, "background"),
}


# Plans of many shapes (tests/fixtures/patterns): each plan's home, its first initiative,
# its KPI page and its revisions, so a change to how one pattern is shown is seen in review.
PATTERN_PLANS = sorted(p.name for p in (FIXTURES / "patterns/plans").iterdir())
PATTERN_PAGES = {f"patterns/{plan}_{kind}": (plan, kind) for plan in PATTERN_PLANS
                 for kind in ("plan_home", "initiative", "kpi", "revisions")}


@pytest.fixture(scope="module")
def rendered_patterns() -> dict[str, str]:
    set_language("ja")
    result = load_valid_site(FIXTURES / "patterns")
    assert not result.problems
    renderer = Renderer()
    by_url = {page.url: page for page in build_pages(result.site)}
    pages = {}
    for name, (plan_id, kind) in PATTERN_PAGES.items():
        plan = next(p for p in result.site.plans if p.id == plan_id)
        first = plan.snapshots[plan.latest.id].initiatives[0].id
        url = {"plan_home": address(plan_id), "initiative": address(plan_id, Kind.INITIATIVE, first),
               "kpi": address(plan_id, Kind.KPI), "revisions": address(plan_id, Kind.REVISIONS)}[kind]
        pages[name] = renderer.render(by_url[url])
    return pages


@pytest.fixture(scope="module")
def rendered() -> dict[str, str]:
    set_language("ja")
    result = load_valid_site(FIXTURES / "basic")
    assert not result.problems
    renderer = Renderer()
    by_url = {page.url: page for page in build_pages(result.site)}
    return {name: renderer.render(by_url[url]) for name, url in PAGES.items()}


def _plain_asset_names(page: str) -> str:
    """Hashed asset addresses (render/assets.py) back to their plain names, so a change to a
    stylesheet or script does not change the golden file of every page that links it."""
    assets = Renderer().assets
    for name in assets.sources():
        page = page.replace(assets.url(name.removeprefix("assets/")), name)
    return page


def _compare(name: str, page: str) -> None:
    page = _plain_asset_names(page)
    golden = GOLDEN / f"{name}.html"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(page, encoding="utf-8")
    assert golden.exists(), f"missing golden file {golden}; run python3 dev.py test --update-golden"
    assert page == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_matches_golden_file(rendered, name):
    _compare(name, rendered[name])


@pytest.mark.parametrize("name", sorted(PATTERN_PAGES))
def test_pattern_page_matches_golden_file(rendered_patterns, name):
    _compare(name, rendered_patterns[name])
