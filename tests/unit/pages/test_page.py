"""A generated page (pages/page.py): its source name for MkDocs and links relative to it."""

from __future__ import annotations

import pytest

from generator.pages.kinds import PageKind
from generator.pages.page import Page, relative_url


@pytest.mark.parametrize("target, current, expected", [
    ("", "", "./"),
    ("a/", "", "a/"),
    ("", "a/b/c/", "../../../"),
    ("a/d/", "a/b/c/", "../../d/"),
    ("a/b/c/", "a/b/c/", "./"),
    ("a/x/1.5/", "a/", "x/1.5/"),
])
def test_relative_urls_work_under_any_sub_path(target, current, expected):
    assert relative_url(target, current) == expected


def test_page_source_uri():
    assert Page(url="", kind=PageKind.SITE_HOME, title="t", context=None).src_uri == "index.md"
    assert Page(url="a/b/", kind=PageKind.KPI, title="t", context=None).src_uri == "a/b/index.md"
