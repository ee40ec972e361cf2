"""The portal (build/portal.py): the pages about the whole site, put into the staging
folder with the sitemap, after every plan's pages, from the plans' summaries."""

from __future__ import annotations

import json

import pytest

from generator.build.portal import build_portal, render_portal
from generator.build.summary import encode, round_trip
from generator.build.request import BuildRequest, Timings
from generator.i18n import set_language
from generator.pages import urls
from generator.pages.kinds import PageKind
from generator.render.renderer import Renderer
from generator.validate import load_valid_site

from tests.conftest import FIXTURES

from .sites import page_html, write_page
from .writer import PlainWriter


@pytest.fixture
def request_for(tmp_path):
    set_language("ja")
    site = load_valid_site(FIXTURES / "basic").site
    writer = PlainWriter()
    staging, cache = tmp_path / "staging", tmp_path / "cache"
    staging.mkdir()
    cache.mkdir()
    return BuildRequest(site=site, staging=staging, cache_dir=tmp_path / "cache", fingerprint="f",
                        writer_factory=lambda: writer, renderer_factory=Renderer,
                        site_url="https://example.jp/"), writer


def test_the_portal_pages_and_files_are_one_batch_with_the_portals_chrome(request_for, tmp_path):
    request, writer = request_for
    render_portal(request, [urls.latest_bundle_part(2)], tmp_path / "out")
    [batch] = writer.batches
    assert batch.portal and batch.chrome is not None
    assert {p.kind for p in batch.pages} >= {PageKind.SITE_HOME, PageKind.SEARCH, PageKind.ERROR_LIST}
    bundles = json.loads((tmp_path / "out" / urls.SEARCH_BUNDLES).read_text(encoding="utf-8"))
    assert bundles["latest"] == [urls.latest_bundle_part(2)]
    assert (tmp_path / "out" / urls.SITE_FEED).is_file()


def test_the_portal_is_made_from_summaries_and_lists_the_parts_indexes(request_for):
    request, writer = request_for
    write_page(request.staging, urls.plan_base("sample"), page_html("x"))
    [plan] = request.site.plans
    build_portal(request, Timings(), [round_trip(encode(plan, 3))])
    staging = request.staging
    assert writer.batches[-1].chrome.plans[0].url == urls.plan_base("sample")
    assert (staging / urls.page_file(urls.SITE_HOME)).is_file() and (staging / urls.SITEMAP).is_file()
    assert "https://example.jp/sample/" in (staging / urls.SITEMAP).read_text(encoding="utf-8")
    bundles = json.loads((staging / urls.SEARCH_BUNDLES).read_text(encoding="utf-8"))
    assert bundles["latest"] == [urls.latest_bundle_part(3)]
    assert not list(request.cache_dir.iterdir())   # its scratch folder is gone
