"""The print page (the whole plan as of one 版) against golden files: its initiatives' bodies
are the ones their initiative pages show, rendered once (render/bodies.py), with headings two
levels down (sub-items deeper) and ids prefixed. Rendered in build order (the bodies reused)
and alone (rendered for it) alike. Regenerate with UPDATE_GOLDEN=1, as tests/test_golden_pages.py."""

from __future__ import annotations

import pytest

from generator.i18n import set_language
from generator.pages.builder import build_pages
from generator.pages.kinds import PageKind as Kind
from generator.render.renderer import Renderer
from generator.validate import load_valid_site

from tests.conftest import FIXTURES, PATTERNS
from tests.site_pages import address
from tests.test_golden_pages import _compare

PRINT_PAGES = {
    "print/basic": (FIXTURES / "basic", address("sample", Kind.PRINT)),
    "print/basic_old_version": (FIXTURES / "basic", address("sample", Kind.PRINT, version="1.0")),
    "print/hierarchy": (PATTERNS, address("hierarchy", Kind.PRINT)),   # sub-items two levels deep
}


@pytest.fixture(scope="module")
def print_pages() -> dict[str, tuple[str, str]]:
    """name → (the page rendered after every page before it in build order, the page alone)."""
    set_language("ja")
    pages = {folder: build_pages(load_valid_site(folder).site) for folder in {f for f, _ in PRINT_PAGES.values()}}
    in_order = {}
    for folder, folder_pages in pages.items():
        renderer = Renderer()
        in_order[folder] = {page.url: renderer.render(page) for page in folder_pages}
    return {name: (in_order[folder][url], Renderer().render(next(p for p in pages[folder] if p.url == url)))
            for name, (folder, url) in PRINT_PAGES.items()}


@pytest.mark.parametrize("name", sorted(PRINT_PAGES))
def test_print_page_matches_golden_file(print_pages, name):
    in_order, alone = print_pages[name]
    assert in_order == alone
    _compare(name, in_order)
