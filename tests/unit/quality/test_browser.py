"""The local server, Chromium and axe (quality/browser.py), shared by the browser tests and
`planpub check`: a missing page gets the site's 404 page, a path prefix and headers as a
configured server sends them; axe finds a violation where there is one."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from generator.pages import urls
from generator.quality import browser
from generator.quality.tools import MissingTool


@pytest.fixture
def site(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<p>a</p>", encoding="utf-8")
    (tmp_path / urls.NOT_FOUND).write_text("<h1>ページが見つかりません</h1>", encoding="utf-8")
    return tmp_path


def _get(url):
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.read().decode("utf-8"), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8"), error.headers


def test_pages_under_a_prefix_and_the_404_page_for_anything_else(site):
    with browser.serve_directory(site, prefix="/dx/plan", headers={"X-Test": "yes"}) as base:
        assert base.endswith("/dx/plan/")
        status, body, headers = _get(base + "a/")
        assert status == 200 and body == "<p>a</p>" and headers["X-Test"] == "yes"
        status, body, headers = _get(base + "missing/")
        assert status == 404 and "ページが見つかりません" in body and headers["X-Test"] == "yes"
        assert _get(base.replace("/dx/plan/", "/elsewhere/a/"))[0] == 404


def test_without_chromium_the_tool_is_named(monkeypatch, tmp_path):
    monkeypatch.setattr(browser, "CHROMIUM", tmp_path / "no-chromium")
    with pytest.raises(MissingTool):
        browser.launch(None)


@pytest.mark.slow
def test_axe_reports_an_image_without_a_text_alternative(site):
    """(slow: Chromium.)"""
    (site / "bad.html").write_text('<!doctype html><html lang="ja"><title>t</title><main><img src="x.png"></main>',
                                   encoding="utf-8")
    with browser.serve_directory(site) as base, browser.sync_playwright() as playwright:
        chromium = browser.launch(playwright)
        page = chromium.new_page()
        page.goto(base + "bad.html")
        assert "image-alt" in {v["id"] for v in browser.axe_violations(page)}
        assert browser.axe_violations(page) == browser.axe_violations(page)    # axe added once
        chromium.close()


@pytest.mark.slow
def test_axe_added_before_a_page_loads_runs_under_a_strict_csp(site):
    """(slow: Chromium.) `planpub check` adds axe as each page loads: there before the page's
    own scripts, not refused by a policy that allows no inline script."""
    (site / "s.js").write_text("document.title = typeof axe;", encoding="utf-8")
    (site / "bad.html").write_text('<!doctype html><html lang="ja"><title>t</title><script src="s.js"></script>'
                                   '<main><img src="x.png"></main>', encoding="utf-8")
    policy = {"Content-Security-Policy": "default-src 'self'; script-src 'self'"}
    with browser.serve_directory(site, headers=policy) as base, browser.sync_playwright() as playwright:
        chromium = browser.launch(playwright)
        page = chromium.new_page()
        browser.add_axe(page)
        page.goto(base + "bad.html")
        assert page.title() == "object"
        assert "image-alt" in {v["id"] for v in browser.axe_violations(page)}
        chromium.close()
