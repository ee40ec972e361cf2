"""Build units and their cache keys (build/units.py, build/cache.py, build/pool.py)."""

from __future__ import annotations

import os
from dataclasses import replace

from generator.build.cache import cached, prune, store, unit_key
from generator.build.pool import make_batches
from generator.build.units import plan_units, shard_plans
from generator.model.plan import Plan, PlanContent, Site, Status, Text, Version


def _plan(plan_id: str, *ids: str, lead: str = "x") -> Plan:
    versions = [Version(id=i, name=i, label=i, date=f"202{n}-03-31", snapshot=True) for n, i in enumerate(ids)]
    snapshots = {i: PlanContent("架空市", f"{plan_id} {i}", 2023, 2025, lead=Text.of(f"{lead} {i}")) for i in ids}
    return Plan(id=plan_id, versions=versions, snapshots=snapshots)


def _site(*plans: Plan) -> Site:
    return Site(title="s", language="ja", plans=list(plans), statuses=[Status("運用中")], current_fy=2024)


def test_a_plan_has_a_latest_unit_then_one_per_frozen_version():
    assert [u.id for u in plan_units(_plan("p", "1.0", "1.1"))] == ["p/latest", "p/v/1.0", "p/v/1.1"]
    latest, first, _ = plan_units(_plan("p", "1.0", "1.1"))
    assert latest.bundle is None and first.bundle == "p/v/1.0/pagefind/"


def test_publishing_a_new_version_changes_the_latest_unit_only():
    before, after = _plan("p", "1.0", "1.1"), _plan("p", "1.0", "1.1", "1.2")
    old = {u.id: u.digest(_site(before)) for u in plan_units(before)}
    new = {u.id: u.digest(_site(after)) for u in plan_units(after)}
    assert old["p/v/1.0"] == new["p/v/1.0"] and old["p/v/1.1"] == new["p/v/1.1"]
    assert old["p/latest"] != new["p/latest"] and "p/v/1.2" not in old


def test_a_changed_site_setting_or_program_changes_every_key():
    plan = _plan("p", "1.0")
    site = _site(plan)
    unit = plan_units(plan)[1]
    key = unit_key(unit, site, "program-1", {})
    assert unit_key(unit, site, "program-2", {}) != key
    assert unit_key(unit, replace(site, title="other"), "program-1", {}) != key
    assert unit_key(unit, site, "program-1", {}) == key


def test_the_cache_notices_a_file_edited_in_place(tmp_path):
    cache = tmp_path / "units"
    cache.mkdir()
    rendered = tmp_path / "rendered"
    (rendered / "p").mkdir(parents=True)
    (rendered / "p/index.html").write_text("<p>x</p>")
    store(rendered, cache, "k1")
    assert cached(cache, "k1") and not cached(cache, "k2")
    page = cache / "k1/p/index.html"
    page.write_text("<p>changed</p>")        # e.g. someone edited site/, which links here
    assert not cached(cache, "k1")
    os.utime(page, ns=(0, 0))
    assert not cached(cache, "k1")


def test_pruning_keeps_only_the_keys_in_use(tmp_path):
    cache = tmp_path / "units"
    for key in ("keep", "drop"):
        source = tmp_path / key
        source.mkdir()
        (source / "f").write_text(key)
        cache.mkdir(exist_ok=True)
        store(source, cache, key)
    prune(cache, {"keep"})
    assert sorted(p.name for p in cache.iterdir()) == ["keep", "keep.json"]


def test_shards_split_plans_deterministically():
    site = _site(*[_plan(f"p{n}", "1.0") for n in range(5)])
    shards = [[p.id for p in shard_plans(site, (k, 3))] for k in (1, 2, 3)]
    assert shards == [["p0", "p3"], ["p1", "p4"], ["p2"]]
    assert sorted(sum(shards, [])) == [p.id for p in shard_plans(site, None)]


def test_batches_keep_a_plans_units_together_largest_first():
    units = [u for n in range(3) for u in plan_units(_plan(f"p{n}", "1.0", "1.1"))]
    batches = make_batches(units, jobs=2)
    assert sorted(u.id for b in batches for u in b) == sorted(u.id for u in units)
    sizes = [sum(u.size for u in b) for b in batches]
    assert sizes == sorted(sizes, reverse=True)
