"""A plan's summary for the portal (build/summary.py): the portal made from summaries is
the portal made from the whole plans, so a merge of shards loads no content."""

from __future__ import annotations

import json

import pytest

from generator.build.sitemap import plan_changed
from generator.build.summary import SUMMARY_FOLDER, SummaryError, encode, round_trip, take_summaries, write_summaries
from generator.i18n import set_language
from generator.pages.builder import portal_pages
from generator.pages.chrome import portal_chrome
from generator.pages.files import portal_files
from generator.render.renderer import Renderer
from generator.validate import load_valid_site

from tests.conftest import PATTERNS, SAMPLE_CONTENT


@pytest.fixture(scope="module", params=[SAMPLE_CONTENT, PATTERNS], ids=["sample", "patterns"])
def site(request):
    set_language("ja")
    result = load_valid_site(request.param)
    assert not result.problems
    return result.site


def _portal(site) -> tuple:
    renderer = Renderer()
    pages = [renderer.render(page) for page in portal_pages(site)]
    return (pages, portal_files(site, renderer, "https://example.jp/", ["pagefind-2/"]), repr(portal_chrome(site)),
            plan_changed(site))   # the sitemap's dates


def test_the_portal_from_summaries_is_the_portal_from_the_plans(site):
    published = [plan for plan in site.plans if plan.latest]
    summaries = [round_trip(encode(plan, n)) for n, plan in enumerate(published, start=1)]
    assert [n for _, n in summaries] == list(range(1, len(published) + 1))
    summarised = type(site)(**{**vars(site), "plans": [plan for plan, _ in summaries]})
    assert _portal(summarised) == _portal(type(site)(**{**vars(site), "plans": published}))
    for plan, (summary, _) in zip(published, summaries):
        assert summary.versions == plan.versions and list(summary.snapshots) == [plan.latest.id]
        assert summary.snapshots[plan.latest.id].initiatives == []   # the content stays out


def test_a_shard_leaves_summaries_that_the_merge_takes_away(site, tmp_path):
    plans = [plan for plan in site.plans if plan.latest]
    write_summaries(tmp_path, [encode(plan, 1) for plan in reversed(plans)])
    assert sorted(p.stem for p in (tmp_path / SUMMARY_FOLDER).iterdir()) == sorted(p.id for p in plans)
    taken = take_summaries(tmp_path)
    assert [plan.id for plan, _ in taken] == sorted(p.id for p in plans)
    assert not (tmp_path / SUMMARY_FOLDER).exists()


def test_a_folder_without_summaries_or_with_foreign_ones_is_refused(tmp_path):
    with pytest.raises(SummaryError):
        take_summaries(tmp_path)
    (tmp_path / SUMMARY_FOLDER).mkdir()
    for text in ("not json", json.dumps({"format": 99}), json.dumps({"format": 1, "id": "x"})):
        (tmp_path / SUMMARY_FOLDER / "x.json").write_text(text, encoding="utf-8")
        with pytest.raises(SummaryError):
            take_summaries(tmp_path)
