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
