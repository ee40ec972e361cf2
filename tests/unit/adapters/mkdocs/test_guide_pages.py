"""The site's own pages in batches of plan pages (adapters/mkdocs/guide_pages.py): built by
a build's first batch in a process, left out of the next ones, and the plan pages are the
same byte for byte either way. Real MkDocs runs (MkDocsWriter) on a small site."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.adapters.mkdocs import guide_pages, plugin
from generator.adapters.mkdocs.writer import MkDocsWriter
from generator.build.batch import Batch
from generator.i18n import set_language
from generator.pages.builder import build_pages
from generator.pages import urls
from generator.pages.urls import page_file
from generator.validate import load_valid_site

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures"

CONFIG = """\
site_name: テスト
site_url: https://example.jp/
docs_dir: docs
theme:
  name: material
  language: ja
  font: false
plugins:
  - planpub
"""
NAV = """\
nav:
  - トップ: index.md
  - ガイド:
      - guide/index.md
      - 書式: guide/format.md
"""


@pytest.fixture(scope="module")
def plan_pages():
    set_language("ja")
    site = load_valid_site(FIXTURES / "basic").site
    return [page for page in build_pages(site) if page.url.startswith(site.plans[0].id + "/")][:6]


def _site(tmp_path: Path, nav: str = NAV) -> MkDocsWriter:
    (tmp_path / "docs/guide").mkdir(parents=True)
    (tmp_path / "docs/guide/index.md").write_text("---\nicon: material/book-open\n---\n# 職員の手引き\n\n本文\n",
                                                  encoding="utf-8")
    (tmp_path / "docs/guide/format.md").write_text("# 内容の書き方\n\n本文\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(CONFIG + nav, encoding="utf-8")
    return MkDocsWriter(tmp_path / "mkdocs.yml")


def _write(writer: MkDocsWriter, pages, out: Path) -> Path:
    writer.write(Batch(list(pages), {}, False, "ja"), out)
    return out


def test_plan_pages_are_the_same_whether_the_guide_was_built_in_their_run_or_left_out(tmp_path, plan_pages):
    writer = _site(tmp_path)
    plugin.start_build()
    first = _write(writer, plan_pages[:2], tmp_path / "first")
    assert (first / "guide/index.html").is_file()            # the build's first run builds the guide
    left_out = _write(writer, plan_pages[2:], tmp_path / "left_out")
    assert not (left_out / "guide").exists() and not (left_out / urls.NOT_FOUND).exists()
    plugin.start_build()                                      # a new build builds it again
    built = _write(writer, plan_pages[2:], tmp_path / "built")
    assert (built / "guide/index.html").is_file()
    for page in plan_pages[2:]:
        shown = (left_out / page_file(page.url)).read_text(encoding="utf-8")
        assert shown == (built / page_file(page.url)).read_text(encoding="utf-8")
    # what the navigation shows of the guide: its title from the page, its icon from its metadata
    assert "職員の手引き" in shown and "内容の書き方" not in shown and "書式" in shown
    assert shown.count("<svg") == (built / page_file(plan_pages[2].url)).read_text(encoding="utf-8").count("<svg")


def test_a_guide_page_changed_since_is_built_again(tmp_path, plan_pages):
    writer = _site(tmp_path)
    guide_pages.forget()
    _write(writer, plan_pages[:1], tmp_path / "first")
    (tmp_path / "docs/guide/index.md").write_text("# 新しい手引き\n", encoding="utf-8")
    after = _write(writer, plan_pages[1:2], tmp_path / "after")
    assert (after / "guide/index.html").is_file() and not (after / "guide/format").exists()
    assert "新しい手引き" in (after / page_file(plan_pages[1].url)).read_text(encoding="utf-8")


def test_without_a_nav_setting_nothing_is_left_out(tmp_path, plan_pages):
    """MkDocs makes the navigation from the pages it builds: leaving one out would drop it."""
    writer = _site(tmp_path, nav="")
    guide_pages.forget()
    _write(writer, plan_pages[:1], tmp_path / "first")
    again = _write(writer, plan_pages[1:2], tmp_path / "again")
    assert (again / "guide/index.html").is_file() and (again / "guide/format/index.html").is_file()
    assert "内容の書き方" in (again / page_file(plan_pages[1].url)).read_text(encoding="utf-8")
