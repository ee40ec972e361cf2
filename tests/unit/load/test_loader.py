"""Files → model (load/loader.py): the site, each plan's frozen 版 in date order, the working
copy; every problem of every file collected in one run, with its path."""

from __future__ import annotations

import shutil

import pytest

from generator.load.loader import load_site
from generator.load.release_cache import ReleaseCache

from tests.conftest import FIXTURES


@pytest.fixture
def content(tmp_path):
    target = tmp_path / "content"
    shutil.copytree(FIXTURES / "basic", target)
    return target


def test_the_fixture_loads_into_one_plan_with_its_versions_and_working_copy(content):
    result = load_site(content)
    assert not result.problems and result.site.title
    [plan] = result.site.plans
    assert plan.id == "sample" and [v.id for v in plan.snapshot_versions] == ["1.0", "1.1"]
    assert plan.latest.id == "1.1" and plan.working is not None
    assert set(plan.snapshots) == {"1.0", "1.1"}
    assert [i.id for i in plan.snapshots["1.1"].initiatives] == ["online", "paperless", "reservation"]
    assert [i.id for i in plan.snapshots["1.0"].initiatives] == ["online", "paperless"]


def test_every_broken_file_is_reported_in_one_run(content):
    (content / "plans/sample/working/initiatives/online.yml").write_text("title: [\n", encoding="utf-8")
    (content / "plans/sample/working/initiatives/paperless.yml").write_text("titel: x\n", encoding="utf-8")
    (content / "plans/Bad Id").mkdir()
    files = sorted({p.file for p in load_site(content).problems})    # named as the person can find them
    assert files == [(content / name).as_posix() for name in ("plans/Bad Id", "plans/sample/working/initiatives/online.yml",
                                                              "plans/sample/working/initiatives/paperless.yml")]


def test_a_missing_site_file_or_no_plan_is_said(tmp_path):
    (tmp_path / "content").mkdir()
    codes = {p.code for p in load_site(tmp_path / "content").problems}
    assert {"missing_file", "no_plans"} <= codes
    assert load_site(tmp_path / "content").site is None


def test_an_edited_frozen_file_is_refused_by_its_manifest(content):
    frozen = content / "plans/sample/releases/1.0/plan.yml"
    frozen.write_text(frozen.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert "frozen_changed" in {p.code for p in load_site(content).problems}


def test_a_symlink_anywhere_is_refused_by_name(content, tmp_path):
    (tmp_path / "elsewhere.yml").write_text("title: x\n", encoding="utf-8")
    (content / "plans/sample/working/initiatives/linked.yml").symlink_to(tmp_path / "elsewhere.yml")
    assert ((content / "plans/sample/working/initiatives/linked.yml").as_posix(), "symlink") in \
        {(p.file, p.code) for p in load_site(content).problems}


def test_frozen_versions_from_the_cache_are_the_same(content, tmp_path):
    cache = ReleaseCache(tmp_path / "cache", "test")
    cold, hot = load_site(content, cache), load_site(content, cache)
    assert cold.site.plans[0].snapshots == hot.site.plans[0].snapshots
