"""Checks over a built site (quality/sitecheck.py): broken links and anchors, resources
from other hosts, the Nu Html Checker."""

from __future__ import annotations

import pytest

from generator.quality.sitecheck import check_links, foreign_resources, html_pages, run_vnu


def _page(folder, name, body):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'<!doctype html><html lang="ja"><head><title>t</title></head><body>{body}</body></html>',
                    encoding="utf-8")


@pytest.fixture
def site(tmp_path):
    _page(tmp_path, "index.html", '<a href="a/">a</a><a href="a/#here">here</a><a href="/p/a/">rooted</a>'
                                  '<a href="https://example.jp/">out</a>')
    _page(tmp_path, "a/index.html", '<h2 id="here">h</h2><a href="../">up</a>')
    return tmp_path


def test_links_anchors_and_links_under_the_sites_path_are_checked(site):
    checked, broken = check_links(site, "/p/")
    assert checked == 4 and broken == []
    _page(site, "b/index.html", '<a href="../nowhere/">x</a><a href="../a/#missing">y</a><img src="gone.png" alt="">')
    checked, broken = check_links(site, "/p/")
    assert sorted(broken) == ["b/index.html → ../a/#missing (no anchor)", "b/index.html → ../nowhere/",
                              "b/index.html → gone.png"]


def test_resources_from_another_host_are_found(site):
    assert foreign_resources(site) == []
    _page(site, "c/index.html", '<script src="https://cdn.example.com/x.js"></script><img src="//img.example.com/a.png">')
    assert len(foreign_resources(site)) == 2 and len(html_pages(site)) == 3


@pytest.mark.slow
def test_the_nu_html_checker_finds_an_error(site):
    """(slow: Java.)"""
    assert run_vnu(site) == (2, "")
    _page(site, "d/index.html", "<img src=x.png>")
    pages, errors = run_vnu(site)
    assert pages == 3 and "alt" in errors
