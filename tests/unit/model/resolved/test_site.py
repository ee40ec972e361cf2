"""The site as its portal pages and chrome show it (model/resolved/site.py)."""

from __future__ import annotations

from generator.model.resolved.site import resolve_site, summarise_plan


def test_every_published_plan_is_named_as_of_its_latest_version(basic):
    site, plans = basic
    info = resolve_site(site)
    assert info.title == site.title and info.current_fy == site.current_fy
    [summary] = info.plans
    plan = plans["sample"]
    assert summary.id == "sample" and summary.version.id == plan.latest.id
    assert summary.name == f"{summary.municipality} {summary.title}"
    assert summary.archived                    # it has frozen 版 besides the latest
    assert summary.uses_departments


def test_a_working_copy_is_summarised_as_a_draft_of_the_preview(basic):
    site, plans = basic
    [draft] = resolve_site(site).drafts
    assert draft.id == "sample" and draft.version is None
    assert summarise_plan(plans["sample"], site, working=True).title == plans["sample"].working.title


def test_a_plan_without_departments_says_so(patterns):
    site, plans = patterns
    summaries = {s.id: s for s in resolve_site(site).plans}
    for plan_id, summary in summaries.items():
        content = plans[plan_id].snapshots[plans[plan_id].latest.id]
        assert summary.uses_departments == ("departments" in content.fields), plan_id
    assert summaries["own-fields"].labels.own("departments") == "関係部署"   # the plan's word for it
