"""A 版 as the site names and dates it (model/resolved/versions.py)."""

from __future__ import annotations

from dataclasses import replace

from generator.model.plan import Version
from generator.model.resolved.versions import DAY_START, resolve_version, with_stage


def test_a_name_gets_its_stage_once():
    assert with_stage("第1.0版", "策定") == "第1.0版（策定）"
    assert with_stage("第1.0版（案）", "案") == "第1.0版（案）"
    assert with_stage("第1.0版", None) == "第1.0版"


def test_a_version_is_named_with_its_stage_and_dated_as_stated(patterns):
    site, plans = patterns
    plan = plans["dates-and-stages"]
    names = {v.id: resolve_version(v, site, plan.snapshots.get(v.id)) for v in plan.versions}
    assert names["1.0-draft"].titled_name == "第1.0版（案）" and names["1.0"].titled_name == "第1.0版（策定）"
    assert names["1.0"].stage_id == "adopted"
    assert names["1.1"].precision == "year" and names["1.1"].instant is None and names["1.1"].fiscal_year is None
    assert names["1.0"].precision == "month" and names["1.0"].fiscal_year == 2022 and names["1.0"].instant is None


def test_a_full_timestamp_is_the_release_time_else_the_stated_day_never_an_invented_one():
    day = resolve_version(Version("x", "第2版", date="2026-03-26"))
    assert day.instant == "2026-03-26" + DAY_START and day.fiscal_year == 2025
    released = resolve_version(Version("y", "第3版", date="2026", released="2026-05-01T09:30:00+09:00"))
    assert released.instant == "2026-05-01T09:30:00+09:00" and released.stage is None
    assert resolve_version(Version("z", "第4版")).precision is None
    assert resolve_version(Version("z", "第4版")).instant is None


def test_a_draft_plan_names_its_version_a_draft_unless_the_version_states_a_stage(patterns):
    site, plans = patterns
    plan = plans["dates-and-stages"]
    content = plan.snapshots[plan.latest.id]
    draft = replace(content, adoption="draft")
    assert resolve_version(Version("w", "第9版"), site, draft).stage == "案"
    assert resolve_version(Version("w", "第9版", status="adopted"), site, draft).stage == "策定"
