"""What the page tests share: the fixture plan loaded once, and its pages by address."""

from __future__ import annotations

import pytest

from generator.i18n import set_language
from generator.pages.builder import build_pages
from generator.validate import load_valid_site

from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def basic():
    set_language("ja")
    result = load_valid_site(FIXTURES / "basic")
    assert not result.problems
    return result.site


@pytest.fixture(scope="module")
def basic_pages(basic):
    return {page.url: page for page in build_pages(basic, include_working=True)}
