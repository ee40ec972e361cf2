"""Records of what a build made of each plan (build/plan_records.py): an unchanged plan is
not loaded again; any change to its files, the code or site.yml, or a unit missing from
the cache, and it is."""

from __future__ import annotations

import json
import os

import pytest

from generator.build import plan_records
from generator.build.cache import store
from generator.build.plan_records import PlanRecord, PlanRecords, folder_digest

from .plans import small_portal


@pytest.fixture
def plan_dir(tmp_path):
    return small_portal(tmp_path / "content", ["a"]) / "plans/a"


@pytest.fixture
def units(tmp_path):
    cache = tmp_path / "units"
    cache.mkdir()
    for key in ("k1", "k2"):
        (tmp_path / key).mkdir()
        (tmp_path / key / "index.html").write_text(key)
        store(tmp_path / key, cache, key)
    return cache


def _record() -> PlanRecord:
    return PlanRecord("a", {"a/latest": "k1", "a/frozen": "k2"}, "k1", {"id": "a", "format": 1})


def test_an_unchanged_plan_with_its_units_cached_is_taken_as_recorded(plan_dir, units, tmp_path):
    records = PlanRecords(tmp_path / "plans", "code", "site")
    key = records.key(plan_dir)
    assert records.get(plan_dir, key, units) is None   # nothing recorded yet
    records.put(plan_dir, key, _record())
    assert records.get(plan_dir, records.key(plan_dir), units) == _record()
    assert PlanRecords(tmp_path / "plans", "other code", "site").key(plan_dir) != key
    assert PlanRecords(tmp_path / "plans", "code", "other site.yml").key(plan_dir) != key


def test_any_change_of_the_plans_files_or_a_missing_unit_loads_it_again(plan_dir, units, tmp_path):
    records = PlanRecords(tmp_path / "plans", "code", "site")
    key = records.key(plan_dir)
    records.put(plan_dir, key, _record())
    before = folder_digest(plan_dir)
    history = plan_dir / "history.yml"
    history.write_text(history.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert folder_digest(plan_dir) != before and records.get(plan_dir, records.key(plan_dir), units) is None
    (plan_dir / "releases/1.0/extra.txt").write_text("x")
    assert records.key(plan_dir) != key
    (units / "k2" / "index.html").write_text("edited in place")
    assert records.get(plan_dir, key, units) is None


@pytest.mark.parametrize("text", ["not json", "[]", json.dumps({"key": "x"})])
def test_a_broken_record_means_loading_the_plan(plan_dir, units, tmp_path, text):
    records = PlanRecords(tmp_path / "plans", "code", "site")
    key = records.key(plan_dir)
    records.put(plan_dir, key, _record())
    path = tmp_path / "plans" / "a.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(text.replace('"x"', json.dumps(key)), encoding="utf-8")
    assert records.get(plan_dir, key, units) is None
    path.write_text(json.dumps({**data, "latest_key": "k3"}), encoding="utf-8")   # not one of its units
    assert records.get(plan_dir, key, units) is None


def test_an_unchanged_folder_is_not_read_again_but_a_rewrite_with_the_old_times_is_seen(plan_dir, units, tmp_path,
                                                                                        monkeypatch):
    records = PlanRecords(tmp_path / "plans", "code", "site")
    key = records.key(plan_dir)
    records.put(plan_dir, key, _record())

    def refuse(*args):
        raise AssertionError("an unchanged folder is read")
    with monkeypatch.context() as patched:
        patched.setattr(plan_records, "folder_digest", refuse)
        assert PlanRecords(tmp_path / "plans", "code", "site").key(plan_dir) == key
    # the same size and modification time, other bytes: the change time tells
    history = plan_dir / "history.yml"
    text, times = history.read_text(encoding="utf-8"), history.stat()
    history.write_text(text.replace("1", "2", 1) if "1" in text else text.upper(), encoding="utf-8")
    os.utime(history, ns=(times.st_atime_ns, times.st_mtime_ns))
    assert history.stat().st_size == times.st_size
    assert PlanRecords(tmp_path / "plans", "code", "site").key(plan_dir) != key
