"""The cache of rendered units (build/cache.py): keys, edits in place, pruning."""

from __future__ import annotations

import os
from dataclasses import replace

from generator.build.cache import cached, prune, store, unit_key
from generator.build.units import plan_units

from .plans import make_plan, make_site


def test_a_changed_site_setting_or_program_changes_every_key():
    plan = make_plan("p", "1.0")
    site = make_site(plan)
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
