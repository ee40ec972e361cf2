"""Incremental, parallel and sharded builds produce exactly what a clean build produces."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator.build.summary import SUMMARY_FOLDER
from generator.pages import urls
from generator.pages.kinds import EditionKind, PageKind as Kind

from .conftest import FIXTURES, ROOT, SAMPLE_CONTENT, build_site, config_copy, run_cli, tree_digest
from .site_pages import page_path

pytestmark = pytest.mark.slow   # builds sites, some in parallel processes


def _timings(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _release(content: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("進捗の追記\n", encoding="utf-8")
    result = run_cli("release", "gotsu", "1.6", "--date", "2026-09-30", "--notes", str(notes), "--yes",
                     "--content", str(content))
    assert result.returncode == 0, result.stdout + result.stderr


def _tree(directory: Path) -> dict[str, bytes]:
    return {p.relative_to(directory).as_posix(): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


FROZEN = [urls.edition_base("gotsu", EditionKind.FROZEN, v) for v in ("pre-1.5", "1.5")]


@pytest.fixture(scope="module")
def released(tmp_path_factory) -> SimpleNamespace:
    """The sample built with a cache, then gotsu 1.6 released and the site built again with
    that cache and once clean (a fresh cache): the builds the next two tests look at."""
    tmp_path = tmp_path_factory.mktemp("released")
    content = tmp_path / "content"
    shutil.copytree(SAMPLE_CONTENT, content)
    plans = [p for p in (content / "plans").iterdir() if p.is_dir()]
    # Every frozen 版 of the sample (and of any plan a town adds) plus the other plans' latest pages.
    cachable = sum(1 for plan in plans for v in (plan / "releases").iterdir() if v.is_dir()) + len(plans) - 1
    cache, timings = tmp_path / "cache", tmp_path / "timings.json"
    assert build_site(content, tmp_path / "site", "--cache-dir", str(cache)).returncode == 0
    frozen_before = {frozen: _tree(tmp_path / "site" / frozen) for frozen in FROZEN}
    _release(content, tmp_path)
    cached = build_site(content, tmp_path / "site", "--cache-dir", str(cache), "--timings", str(timings))
    clean = build_site(content, tmp_path / "clean", "--cache-dir", str(tmp_path / "fresh"))
    assert clean.returncode == 0, clean.stderr
    return SimpleNamespace(cachable=cachable, site=tmp_path / "site", clean=tmp_path / "clean", cached=cached,
                           timings=timings, frozen_before=frozen_before)


def test_a_frozen_version_is_byte_identical_after_a_newer_one_is_published(released):
    for frozen in FROZEN:
        before, after = released.frozen_before[frozen], _tree(released.clean / frozen)
        assert before == after, [name for name in before if before[name] != after.get(name)]
    assert page_path(released.clean, "gotsu", version="1.6").is_file()
    assert (released.clean / urls.page_file(urls.compare("gotsu", "1.5", "1.6"))).is_file()


def test_a_cached_build_after_a_release_equals_a_clean_build(released):
    cached = released.cachable
    assert released.cached.returncode == 0, released.cached.stderr
    # Only the plan's latest address and the new 版 were rendered; both frozen 版 of gotsu
    # and everything of the other plans came from the cache.
    assert (_timings(released.timings)["units_rendered"], _timings(released.timings)["units_cached"]) == (2, cached)
    assert f"{cached}件の版は前回の結果をそのまま使い" in released.cached.stdout
    assert tree_digest(released.site) == tree_digest(released.clean)


def test_clean_ignores_the_cache(basic_content, tmp_path):
    cache, timings = tmp_path / "cache", tmp_path / "timings.json"
    assert build_site(basic_content, tmp_path / "site", "--cache-dir", str(cache)).returncode == 0
    first = tree_digest(tmp_path / "site")
    assert build_site(basic_content, tmp_path / "site", "--cache-dir", str(cache), "--timings",
                      str(timings)).returncode == 0
    assert _timings(timings)["units_rendered"] == 0
    assert build_site(basic_content, tmp_path / "site", "--cache-dir", str(cache), "--clean", "--timings",
                      str(timings)).returncode == 0
    assert _timings(timings)["units_cached"] == 0 and _timings(timings)["units_rendered"] == 3
    assert tree_digest(tmp_path / "site") == first


@pytest.mark.parametrize("change", ["template", "configuration"])
def test_a_changed_template_or_configuration_invalidates_the_cache(basic_content, tmp_path, change):
    overrides = tmp_path / "overrides"   # the site's own theme overrides, empty at first
    overrides.mkdir()
    config = config_copy(tmp_path, overrides)
    timings = tmp_path / "timings.json"

    def build() -> dict:
        result = run_cli("build", "--config", str(config), "--content", str(basic_content), "--site-dir",
                         str(tmp_path / "site"), "--timings", str(timings))
        assert result.returncode == 0, result.stderr
        return _timings(timings)

    assert build()["units_rendered"] == 3
    assert build()["units_rendered"] == 0
    if change == "template":
        # A page template overridden by the site (the renderer reads overrides first, too).
        page = overrides / "planpub/pages/initiative.html"
        page.parent.mkdir(parents=True)
        page.write_text((ROOT / "theme/planpub/pages/initiative.html").read_text(encoding="utf-8") +
                        "<!-- planpub-test-marker -->\n", encoding="utf-8")
        marker = "planpub-test-marker"
    else:
        config.write_text(config.read_text(encoding="utf-8").replace(
            "site_name: 自治体DXアクションプラン", "site_name: 変更後のサイト名"), encoding="utf-8")
        marker = "変更後のサイト名"
    assert build()["units_rendered"] == 3
    frozen_page = page_path(tmp_path / "site", "sample", Kind.INITIATIVE, "online", version="1.0")
    assert marker in frozen_page.read_text(encoding="utf-8")


@pytest.fixture
def three_plans(sample_content) -> Path:
    """The sample's plans plus the fixture's plan: at least three, one shard each."""
    shutil.copytree(FIXTURES / "basic/plans/sample", sample_content / "plans/sample")
    return sample_content


def test_shards_merged_equal_an_unsharded_parallel_build(three_plans, tmp_path):
    one_plan_parts = {"PLANPUB_SEARCH_PART_PLANS": "1"}   # each plan a part of its own: one per shard
    assert build_site(three_plans, tmp_path / "whole", "--jobs", "2", env=one_plan_parts).returncode == 0
    merged = tmp_path / "merged"
    merged.mkdir()
    plans = sorted(p.name for p in (three_plans / "plans").iterdir())
    for k, plan in enumerate(plans, start=1):
        shard = tmp_path / f"shard{k}"
        result = build_site(three_plans, shard, "--shard", f"{k}/{len(plans)}", env=one_plan_parts)
        assert result.returncode == 0, result.stderr
        # only its plan, that plan's search index and summary; no portal pages
        assert {p.name for p in shard.iterdir()} == {plan, urls.latest_bundle_part(k).rstrip("/"), SUMMARY_FOLDER}
        assert [p.stem for p in (shard / SUMMARY_FOLDER).iterdir()] == [plan]
        shutil.copytree(shard, merged, dirs_exist_ok=True)                 # "merge by copying directories"
    result = build_site(three_plans, merged, "--merge", env=one_plan_parts)
    assert result.returncode == 0, result.stderr
    assert tree_digest(merged) == tree_digest(tmp_path / "whole")


def test_parallel_build_equals_serial_build(basic_content, tmp_path):
    assert build_site(basic_content, tmp_path / "one", "--jobs", "1").returncode == 0
    assert build_site(basic_content, tmp_path / "two", "--jobs", "2").returncode == 0
    assert tree_digest(tmp_path / "one") == tree_digest(tmp_path / "two")


@pytest.mark.parametrize("value", ["3", "0/3", "4/3", "a/b"])
def test_a_bad_shard_is_refused_with_the_expected_form(basic_content, tmp_path, value):
    result = build_site(basic_content, tmp_path / "site", "--shard", value)
    assert result.returncode == 2
    assert "K/N" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_merge_needs_the_shard_outputs(basic_content, tmp_path):
    result = build_site(basic_content, tmp_path / "nothing-here", "--merge")
    assert result.returncode == 1
    assert "--merge" in result.stderr and "Traceback" not in result.stderr


def test_an_edited_frozen_file_is_refused_even_when_the_version_was_cached(basic_content, tmp_path):
    assert build_site(basic_content, tmp_path / "site").returncode == 0  # fills the caches
    frozen = basic_content / "plans/sample/releases/1.0/initiatives/online.yml"
    frozen.write_text(frozen.read_text(encoding="utf-8").replace("オンライン申請", "オンライン申込", 1),
                      encoding="utf-8")
    result = build_site(basic_content, tmp_path / "site")
    assert result.returncode == 1
    assert "releases/1.0/initiatives/online.yml" in result.stderr and "Traceback" not in result.stderr
