"""Every generated page is valid HTML, links nowhere broken, and loads nothing from other hosts."""

from __future__ import annotations

import pytest

from .sitecheck import check_links, foreign_resources, run_vnu

pytestmark = pytest.mark.slow   # the Nu Html Checker (Java) over built sites


@pytest.fixture(params=["basic_site", "sample_site"])
def site(request):
    return request.getfixturevalue(request.param)


def test_every_page_passes_the_nu_html_checker(site):
    pages, errors = run_vnu(site)
    assert pages > 20
    assert errors == ""


def test_no_broken_internal_links_or_anchors(site):
    checked, broken = check_links(site)
    assert checked > 100
    assert broken == []


def test_no_resource_from_another_host(site):
    assert foreign_resources(site) == []
