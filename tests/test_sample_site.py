"""The shipped sample content: valid, and every stated field on its page."""

from __future__ import annotations

import json

import html
import re
from pathlib import Path

import pytest

from generator.validate import load_valid_site
from generator.model.fields import INITIATIVE_FIELDS
from generator.pages import urls
from generator.pages.kinds import PageKind as Kind
from generator.pages.page import relative_url

from .conftest import SAMPLE_CONTENT
from .site_pages import address, page_path
from .site_pages import page_path

TAG = re.compile(r"<[^>]+>")


def _page_text(path: Path) -> str:
    """Text of a page's main content, tags removed, entities decoded, no whitespace
    (so inline markup such as <strong> does not split phrases)."""
    raw = path.read_text(encoding="utf-8")
    main = raw[raw.find('<div class="md-content__inner'):]
    return re.sub(r"\s+", "", html.unescape(TAG.sub("", main)))


def _plain(markdown_text: str) -> str:
    return re.sub(r"\s+", "", markdown_text.replace("**", ""))


@pytest.fixture(scope="module")
def sample():
    result = load_valid_site(SAMPLE_CONTENT)
    assert not result.problems, "\n".join(p.format() for p in result.problems)
    return result.site


def test_sample_content_is_valid(sample):
    assert {"gotsu", "kashima"} <= {p.id for p in sample.plans}  # a town may add its own plan


def test_every_initiative_sheet_and_card_is_transcribed(sample):
    plans = {p.id: p for p in sample.plans}
    gotsu, kashima = plans["gotsu"], plans["kashima"]
    assert len(gotsu.snapshots["pre-1.5"].initiatives) == 26
    assert len(gotsu.snapshots["1.5"].initiatives) == 28
    kashima_latest = kashima.snapshots[kashima.latest.id]
    assert [i.number for i in kashima_latest.initiatives] == [f"No.{n}" for n in range(1, 52)]
    # 26 sheets + 51 cards: the 77 initiatives of the two source documents.
    assert len(gotsu.snapshots["pre-1.5"].initiatives) + len(kashima_latest.initiatives) == 77


def test_gotsu_revision_history_is_complete_and_ordered_by_date(sample):
    gotsu = next(p for p in sample.plans if p.id == "gotsu")
    labels = [v.label for v in gotsu.versions]
    assert labels == ["1.0", "1.1", "1.2", "1.3", "1.4", "1.41", None, "1.5"]
    assert gotsu.latest.label == "1.5"


def test_every_initiative_has_a_page_with_every_stated_field(sample, sample_site):
    checked = 0
    for plan in sample.plans:
        for version in plan.snapshot_versions:
            content = plan.snapshots[version.id]
            for initiative in content.initiatives:
                page = sample_site / plan.id / "v" / version.id / "initiatives" / initiative.id / "index.html"
                assert page.is_file(), page
                text = _page_text(page)
                expected = [initiative.title] + initiative.departments + initiative.categories
                for name in INITIATIVE_FIELDS.text_keys:
                    if name in initiative.texts:
                        expected += list(initiative.texts[name].items)
                for per_year in (initiative.schedule, initiative.annual_goals):
                    for value in per_year.values():
                        expected += list(value.items)
                for progress in initiative.progress.values():
                    expected += [progress.status] if progress.status else []
                    expected += list(progress.text.items) if progress.text else []
                for kpi in initiative.kpis:
                    expected.append(kpi.name)
                for item in expected:
                    assert _plain(item) in text, f"{page}: {item!r} missing"
                checked += 1
    assert checked >= 26 + 28 + 51


def test_latest_version_is_published_at_the_stable_address(sample, sample_site):
    for plan in sample.plans:
        content = plan.snapshots[plan.latest.id]
        for initiative in content.initiatives:
            assert (sample_site / plan.id / "initiatives" / initiative.id / "index.html").is_file()
        for chapter in content.chapters:
            assert (sample_site / plan.id / chapter.id / "index.html").is_file()


def test_fiscal_years_are_shown_in_japanese_style(sample_site):
    text = _page_text(page_path(sample_site, "gotsu", Kind.INITIATIVE, "online-application-app", version="pre-1.5"))
    assert "令和5年度（2023年度）" in text and "令和8年度（2026年度）" in text


def test_older_version_pages_point_to_the_latest(sample_site):
    # Frozen pages never change, so they say which 版 they show and link to the stable
    # address; whether a newer 版 exists comes from versions.json (see the browser tests).
    html = page_path(sample_site, "gotsu", version="pre-1.5").read_text(encoding="utf-8")
    assert "公開したときの内容のまま固定されています" in _page_text(page_path(sample_site, "gotsu", version="pre-1.5"))
    here = address("gotsu", version="pre-1.5")
    assert f'data-versions="{relative_url(urls.versions_json("gotsu"), here)}"' in html
    assert f'href="{relative_url(address("gotsu"), here)}">最新版の同じページを見る' in html
    versions = json.loads((sample_site / urls.versions_json("gotsu")).read_text(encoding="utf-8"))
    assert versions["latest"]["id"] == "1.5" and [v["id"] for v in versions["versions"]] == ["pre-1.5", "1.5"]


def test_templates_are_not_published_as_files(sample_site):
    # MkDocs copies the non-HTML files of a theme; planpub's feed and sitemap templates are
    # read by the renderer and must not appear in the site.
    assert not (sample_site / "planpub").exists()
