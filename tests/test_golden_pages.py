"""Golden files: the rendered content of each page type, compared byte for byte.

Regenerate after an intended template change with:
    UPDATE_GOLDEN=1 python3 dev.py test tests/test_golden_pages.py
and review the diff of tests/golden/ before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.i18n import set_language
from generator.validate import load_valid_site
from generator.pages.builder import build_pages
from generator.render.renderer import Renderer

from .conftest import FIXTURES

GOLDEN = Path(__file__).parent / "golden"

PAGES = {
    "site_home": "",
    "plan_home": "sample/",
    "plan_home_old_version": "sample/v/1.0/",
    "initiatives": "sample/initiatives/",
    "departments": "sample/departments/",
    "initiative_all_fields": "sample/initiatives/online/",
    "initiative_old_version": "sample/v/1.0/initiatives/online/",
    "initiative_sparse": "sample/initiatives/reservation/",
    "kpi": "sample/kpi/",
    "revisions": "sample/revisions/",
    "chapter": "sample/background/",
}


@pytest.fixture(scope="module")
def rendered() -> dict[str, str]:
    set_language("ja")
    result = load_valid_site(FIXTURES / "basic")
    assert not result.problems
    renderer = Renderer()
    by_url = {page.url: page for page in build_pages(result.site)}
    return {name: renderer.render(by_url[url]) for name, url in PAGES.items()}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_matches_golden_file(rendered, name):
    golden = GOLDEN / f"{name}.html"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(rendered[name], encoding="utf-8")
    assert golden.exists(), f"missing golden file {golden}; run with UPDATE_GOLDEN=1"
    assert rendered[name] == golden.read_text(encoding="utf-8")
