"""The portal (build/portal.py): the pages about the whole site, put into the staging
folder with the latest 版's search index and the sitemap, after every plan's pages."""

from __future__ import annotations

import json

import pytest

from generator.build.portal import build_portal, latest_pages, render_portal
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


def test_the_index_made_in_the_pool_and_the_portal_move_into_staging(request_for, tmp_path):
    request, _ = request_for
    latest = tmp_path / "latest-index"
    (latest / urls.LATEST_BUNDLE).mkdir(parents=True)
    (latest / urls.LATEST_BUNDLE / "pagefind-entry.json").write_text("{}")
    write_page(request.staging, urls.plan_base("sample"), page_html("x"))
    build_portal(request, Timings(), latest_root=latest)
    staging = request.staging
    assert (staging / urls.LATEST_BUNDLE / "pagefind-entry.json").is_file() and not latest.exists()
    assert (staging / urls.page_file(urls.SITE_HOME)).is_file() and (staging / urls.SITEMAP).is_file()
    assert "https://example.jp/sample/" in (staging / urls.SITEMAP).read_text(encoding="utf-8")


def test_the_latest_index_covers_the_stable_addresses_only(request_for):
    request, _ = request_for
    staging = request.staging
    latest = write_page(staging, urls.latest_page("sample", PageKind.INITIATIVE, "online"), page_html("x"))
    write_page(staging, urls.frozen_page("sample", "1.0", PageKind.INITIATIVE, "online"), page_html("x", latest=False))
    write_page(staging, urls.compare("sample", "1.0", "1.1"), page_html("x"))
    assert latest_pages(staging, request.site) == [(urls.latest_page("sample", PageKind.INITIATIVE, "online"), latest)]
