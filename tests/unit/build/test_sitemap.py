"""sitemap.xml (build/sitemap.py): every current page, not the frozen copies or the diffs;
an index over several files past the limit; a gzip copy beside it."""

from __future__ import annotations

import gzip

from generator.build import sitemap
from generator.pages import urls
from generator.pages.kinds import PageKind
from generator.render.renderer import Renderer

from .plans import make_plan, make_site
from .sites import page_html, write_page

SITE = make_site(make_plan("p", "1.0", "1.1"))
CURRENT = [urls.SITE_HOME, urls.plan_base("p"), urls.latest_page("p", PageKind.KPI)]
FROZEN = [urls.frozen_page("p", "1.0", PageKind.KPI), urls.compare("p", "1.0", "1.1")]


def _site(tmp_path):
    for address in CURRENT + FROZEN:
        write_page(tmp_path, address, page_html("x"))
    return tmp_path


def test_current_pages_only_with_the_public_address(tmp_path):
    found = sitemap.current_urls(_site(tmp_path), SITE, "https://example.jp/plan/")
    assert [url for url, _ in found] == sorted(f"https://example.jp/plan/{a}" for a in CURRENT)
    # a plan's pages carry the date of its latest 版 (lastmod); the portal's home has none of its own
    assert dict(found)["https://example.jp/plan/"] is None
    assert {modified for url, modified in found if url != "https://example.jp/plan/"} == {"2021-03-31"}


def test_one_file_and_its_gzip_copy(tmp_path):
    site = _site(tmp_path)
    sitemap.write_sitemap(site, SITE, "https://example.jp/", Renderer())
    text = (site / urls.SITEMAP).read_text(encoding="utf-8")
    assert all(f"<loc>https://example.jp/{a}</loc>" in text for a in CURRENT)
    assert gzip.decompress((site / (urls.SITEMAP + ".gz")).read_bytes()).decode("utf-8") == text


def test_past_the_limit_an_index_lists_the_parts(tmp_path, monkeypatch):
    monkeypatch.setattr(sitemap, "SITEMAP_LIMIT", 2)
    site = _site(tmp_path)
    sitemap.write_sitemap(site, SITE, "https://example.jp/", Renderer())
    index = (site / urls.SITEMAP).read_text(encoding="utf-8")
    parts = sorted(p.name for p in site.glob("sitemap-*.xml"))
    assert len(parts) == 2 and all(f"https://example.jp/{name}" in index for name in parts)
    assert "sitemapindex" in index
