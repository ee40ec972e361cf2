"""Build units (build/units.py): one per plan's latest address and per frozen 版, their digests, shards."""

from __future__ import annotations

from generator.build.units import plan_units, shard_plans

from .plans import make_plan, make_site


def test_a_plan_has_a_latest_unit_then_one_per_frozen_version():
    assert [u.id for u in plan_units(make_plan("p", "1.0", "1.1"))] == ["p/latest", "p/v/1.0", "p/v/1.1"]
    latest, first, _ = plan_units(make_plan("p", "1.0", "1.1"))
    assert latest.bundle is None and first.bundle == "p/v/1.0/pagefind/"


def test_publishing_a_new_version_changes_the_latest_unit_only():
    before, after = make_plan("p", "1.0", "1.1"), make_plan("p", "1.0", "1.1", "1.2")
    old = {u.id: u.digest(make_site(before)) for u in plan_units(before)}
    new = {u.id: u.digest(make_site(after)) for u in plan_units(after)}
    assert old["p/v/1.0"] == new["p/v/1.0"] and old["p/v/1.1"] == new["p/v/1.1"]
    assert old["p/latest"] != new["p/latest"] and "p/v/1.2" not in old


def test_shards_split_plans_deterministically():
    site = make_site(*[make_plan(f"p{n}", "1.0") for n in range(5)])
    shards = [[p.id for p in shard_plans(site, (k, 3))] for k in (1, 2, 3)]
    assert shards == [["p0", "p3"], ["p1", "p4"], ["p2"]]
    assert sorted(sum(shards, [])) == [p.id for p in shard_plans(site, None)]
