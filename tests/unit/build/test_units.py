"""Build units (build/units.py): one per plan's latest address and per frozen 版, their digests, shards."""

from __future__ import annotations

from generator.build.units import plan_units
from generator.pages import urls

from .plans import make_plan, make_site


def _by_edition(plan) -> dict:
    """A plan's units by what they hold: "latest" or the id of the frozen 版."""
    return {"latest" if u.edition.is_latest else u.edition.version.id: u for u in plan_units(plan)}


def test_a_plan_has_a_latest_unit_then_one_per_frozen_version():
    units = plan_units(make_plan("p", "1.0", "1.1"))
    assert [(u.edition.is_latest, u.edition.version.id) for u in units] == [(True, "1.1"), (False, "1.0"), (False, "1.1")]
    assert len({u.id for u in units}) == 3 and all(u.id.startswith("p/") for u in units)
    latest, first, _ = units
    assert latest.bundle is None and first.bundle == urls.archive_bundle("p", "1.0")


def test_publishing_a_new_version_changes_the_latest_unit_only():
    before, after = make_plan("p", "1.0", "1.1"), make_plan("p", "1.0", "1.1", "1.2")
    old = {key: u.digest(make_site(before)) for key, u in _by_edition(before).items()}
    new = {key: u.digest(make_site(after)) for key, u in _by_edition(after).items()}
    assert old["1.0"] == new["1.0"] and old["1.1"] == new["1.1"]
    assert old["latest"] != new["latest"] and "1.2" not in old
