"""What a build is asked to do and how long its phases took (build/request.py)."""

from __future__ import annotations

from generator.build.request import Timings


def test_phases_add_up_and_counts_start_at_zero():
    timings = Timings()
    timings.add("render", 1.5)
    timings.merge({"render": 0.5, "search": 2.0})
    assert dict(timings.phases) == {"render": 2.0, "search": 2.0}
    assert (timings.units_rendered, timings.units_cached, timings.indexes_made, timings.indexes_cached) == (0, 0, 0, 0)
