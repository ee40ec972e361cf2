"""Each initiative's body is rendered once per 版 in a real build — `planpub build` (units in
batches) and a plain `mkdocs build` (the whole site as one batch) — and placed by both its
initiative page and the 版's print page (render/bodies.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.i18n import set_language
from generator.pages.builder import build_pages
from generator.pages import urls
from generator.pages.kinds import PageKind
from generator.validate import load_valid_site

from tests.body_renders import body_renders  # noqa: F401 (a fixture)
from tests.conftest import FIXTURES, build_site, config_copy

pytestmark = pytest.mark.slow   # runs Pagefind


def _published_bodies(content: Path) -> set[tuple[str, str]]:
    """(edition base, initiative id) of every initiative of every published edition."""
    set_language("ja")
    return {(page.context.edition.base, item.id) for page in build_pages(load_valid_site(content).site)
            if page.kind is PageKind.PRINT for item in page.context.content.initiatives}


def test_planpub_build_renders_each_body_once_per_edition(tmp_path, body_renders):
    result = build_site(FIXTURES / "basic", tmp_path / "site", "--jobs", "1")
    assert result.returncode == 0, result.stdout + result.stderr
    assert set(body_renders) == _published_bodies(FIXTURES / "basic") and set(body_renders.values()) == {1}
    assert (tmp_path / "site" / urls.page_file(urls.latest_page("sample", PageKind.PRINT))).exists()


def test_a_plain_mkdocs_build_renders_each_body_once_per_edition(tmp_path, body_renders, monkeypatch):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")
    config = load_config(str(config_copy(tmp_path, content=FIXTURES / "basic")), site_dir=str(tmp_path / "site"))
    build(config)
    assert set(body_renders) == _published_bodies(FIXTURES / "basic") and set(body_renders.values()) == {1}
    assert (tmp_path / "site" / urls.page_file(urls.latest_page("sample", PageKind.PRINT))).exists()
