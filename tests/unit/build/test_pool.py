"""Rendering units in batches (build/pool.py)."""

from __future__ import annotations

from generator.build.pool import make_batches
from generator.build.units import plan_units

from .plans import make_plan


def test_batches_keep_a_plans_units_together_largest_first():
    units = [u for n in range(3) for u in plan_units(make_plan(f"p{n}", "1.0", "1.1"))]
    batches = make_batches(units, jobs=2)
    assert sorted(u.id for b in batches for u in b) == sorted(u.id for u in units)
    sizes = [sum(u.size for u in b) for b in batches]
    assert sizes == sorted(sizes, reverse=True)


def test_an_index_starts_once_its_latest_editions_are_rendered_and_the_portal_before_frozen_batches(tmp_path):
    from generator.build.pool import PartIndex, _Schedule

    plans = [plan_units(make_plan(f"p{n}", "1.0", "1.1")) for n in range(2)]
    latest = [[u for u in units if u.edition.is_latest] for units in plans]
    frozen = [[u for u in units if not u.edition.is_latest] for units in plans]
    keys = {u.id: f"key-{u.id}" for units in plans for u in units}
    cache = tmp_path / "units"
    index = PartIndex(1, tmp_path / "index", [cache / keys[u.id] for u in latest[1]])
    schedule = _Schedule(latest, frozen, [index], keys, cache, [("portal", 0)])
    assert [schedule.next(), schedule.next()] == [("batch", 0), ("batch", 1)]
    schedule.done(("batch", 0))
    assert [schedule.next(), schedule.next()] == [("portal", 0), ("batch", 2)]   # the index waits for batch 1
    schedule.done(("batch", 1))
    task = schedule.next()
    assert task[0] == "index" and task[1].output.is_relative_to(tmp_path / "index")
    assert [schedule.next(), schedule.next()] == [("batch", 3), None]
