"""Page data → HTML with the templates of theme/ (render/renderer.py): the page's content,
feeds and the sitemap, the chrome with links relative to the page or absolute for the
404 page, numbers and years as Japanese readers write them."""

from __future__ import annotations

import pytest

from generator.i18n import set_language
from generator.pages import urls
from generator.pages.builder import build_pages
from generator.pages.chrome import page_chrome
from generator.pages.kinds import PageKind
from generator.render.renderer import Renderer, format_number, format_number_short
from generator.validate import load_valid_site

from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def pages():
    set_language("ja")
    return {p.url: p for p in build_pages(load_valid_site(FIXTURES / "basic").site)}


def test_a_page_renders_its_content_without_the_layout(pages):
    html = Renderer().render(pages[urls.latest_page("sample", PageKind.INITIATIVE, "online")])
    assert "オンライン申請" in html and "<html" not in html and "令和6年度（2024年度）" in html


def test_the_chrome_links_relative_to_the_page_or_absolute_for_the_404_page(pages):
    address = urls.latest_page("sample", PageKind.KPI)
    chrome = page_chrome(pages[address].context)
    parts = Renderer().render_chrome(chrome, address)
    assert set(parts) == {"header", "drawer", "footer"} and 'href="../../' in parts["header"]
    absolute = Renderer().render_chrome(chrome, urls.NOT_FOUND, "/dx/plan/")
    assert 'href="/dx/plan/' in absolute["header"] and 'href="../' not in absolute["header"]


def test_the_sitemap_and_a_feed_come_from_templates():
    renderer = Renderer()
    sitemap = renderer.render_sitemap([("https://example.jp/a/", "2026-01-01"), ("https://example.jp/b/", None)])
    assert "<loc>https://example.jp/a/</loc><lastmod>2026-01-01</lastmod>" in sitemap
    assert "<loc>https://example.jp/b/</loc></url>" in sitemap          # no date stated: none invented
    assert "<sitemapindex" in renderer.render_sitemap([("https://example.jp/sitemap-1.xml", "2026-01-01")], index=True)


def test_numbers_as_written_in_japanese():
    assert format_number(1234567) == "1,234,567" and format_number(2.0) == "2" and format_number(2.5) == "2.5"
    assert format_number(0.125) == "0.12" and format_number(None) == "" and format_number("<b>") == "&lt;b&gt;"
    assert format_number_short(12_000.02) == "12,000" and format_number_short(2.25) == "2.2"


def test_markdown_tables_are_in_a_box_that_scrolls_and_the_text_is_the_main_landmark():
    set_language("ja")
    renderer = Renderer()
    html = renderer.env.filters["markdown"]("| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert "<table class=\"pp-md-table\">" in html   # in a box that scrolls on a narrow screen (issue 22)
    assert 'role="region"' in html and 'tabindex="0"' in html and html.count("<table") == 1
    assert renderer.env.filters["paragraph"]("本文") == "<p>本文</p>"
    page = renderer.text_landmark("<nav>a</nav><!--pp-text--><h1>t</h1>")
    assert page == '<nav>a</nav><main id="pp-main" tabindex="-1" class="pp-text"><h1>t</h1></main>'
    assert renderer.text_landmark("<h1>t</h1>") == '<main id="pp-main" tabindex="-1" class="pp-text"><h1>t</h1></main>'
