"""The one build pipeline (build/driver.py): the whole site as one batch (what a plain
`mkdocs build`/`serve` renders), and `build_site` filling a staging folder from units."""

from __future__ import annotations

import pytest

from generator.build.driver import build_site, whole_site
from generator.build.request import BuildRequest, Timings
from generator.build.units import plan_units
from generator.i18n import set_language
from generator.pages import urls
from generator.pages.kinds import PageKind
from generator.render.renderer import Renderer
from generator.validate import load_valid_site

from tests.conftest import FIXTURES

from .writer import PlainWriter


@pytest.fixture(scope="module")
def site():
    set_language("ja")
    return load_valid_site(FIXTURES / "basic").site


def test_the_whole_site_is_one_portal_batch_and_the_preview_adds_the_working_copy(site):
    batch = whole_site(site, Renderer(), "https://example.jp/")
    addresses = {p.url for p in batch.pages}
    assert batch.portal and batch.after_write is not None
    assert {urls.SITE_HOME, urls.plan_base("sample"), urls.edition_base("sample", urls.EditionKind.FROZEN, "1.0")} <= addresses
    assert not any(a.startswith(urls.working_base("sample")) for a in addresses)
    assert {urls.plan_feed("sample"), urls.versions_json("sample"), urls.SITE_FEED} <= set(batch.files)
    preview = whole_site(site, Renderer(), "https://example.jp/", preview=True)
    working = {p.url for p in preview.pages} - addresses
    assert working and all(a.startswith(urls.working_base("sample")) for a in working)
    assert urls.latest_page("sample", PageKind.INITIATIVE, "online").replace(
        urls.plan_base("sample"), urls.working_base("sample")) in working


def test_the_pages_of_the_whole_site_are_those_of_its_units(site):
    from generator.build.units import UnitRenderer
    producer = UnitRenderer(site)
    unit_pages = {p.url for plan in site.plans for unit in plan_units(plan) for p in producer.pages(unit)}
    batch = whole_site(site, Renderer(), "")
    assert unit_pages <= {p.url for p in batch.pages}


@pytest.mark.slow
def test_build_site_renders_missing_units_then_takes_them_from_the_cache(site, tmp_path):
    """(slow: the search indexer runs as a process of its own.)"""
    def request(staging):
        staging.mkdir()
        return BuildRequest(site=site, staging=staging, cache_dir=tmp_path / "cache", fingerprint="f",
                            writer_factory=PlainWriter, renderer_factory=Renderer, site_url="https://example.jp/")
    first, again = Timings(), Timings()
    build_site(request(tmp_path / "one"), first)
    build_site(request(tmp_path / "two"), again)
    assert (first.units_rendered, first.units_cached) == (3, 0) and (again.units_rendered, again.units_cached) == (0, 3)
    for staging in (tmp_path / "one", tmp_path / "two"):
        assert (staging / urls.page_file(urls.latest_page("sample", PageKind.KPI))).is_file()
        assert (staging / urls.archive_bundle("sample", "1.0")).is_dir() and (staging / urls.SITEMAP).is_file()
