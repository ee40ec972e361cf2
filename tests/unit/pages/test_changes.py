"""What changed between frozen 版, as the compare pages, the revision history, an initiative's
history and its change note show it (pages/changes.py)."""

from __future__ import annotations

from generator.model.diff import diff_contents
from generator.model.resolved import resolve_versions
from generator.pages import changes, urls
from generator.pages.editions import plan_editions
from generator.pages.kinds import PageKind


def _frozen(basic):
    plan = basic.plans[0]
    return plan, [v for v in resolve_versions(plan, basic) if v.snapshot]


def test_each_pair_is_diffed_once_when_first_needed_and_named_for_readers(basic):
    plan = basic.plans[0]
    diffs = changes.pair_diffs(plan)
    assert not diffs
    diff = diffs[("1.0", "1.1")]
    assert diffs[("1.0", "1.1")] is diff and list(diffs) == [("1.0", "1.1")]
    assert diff.initiatives == diff_contents(plan.snapshots["1.0"], plan.snapshots["1.1"]).initiatives
    readable = diffs.readable(("1.0", "1.1"))
    assert diffs.readable(("1.0", "1.1")) is readable
    assert readable.summary() == diff.summary()
    assert all(row.label and "." not in row.label for change in readable.initiatives for row in change.fields)


def test_every_ordered_pair_of_frozen_versions_is_a_choice_and_each_version_has_its_summary(basic):
    plan, frozen = _frozen(basic)
    choices = changes.compare_choices(plan.id, frozen)
    assert [(c["old"].id, c["new"].id) for c in choices] == [("1.0", "1.1")]
    assert choices[0]["url"] == urls.compare(plan.id, "1.0", "1.1")
    summaries = changes.revision_summaries(plan.id, changes.pair_diffs(plan), frozen)
    assert list(summaries) == ["1.1"] and summaries["1.1"]["previous"].id == "1.0"
    assert summaries["1.1"]["url"] == choices[0]["url"]


def test_an_initiative_history_and_its_change_note(basic):
    plan, frozen = _frozen(basic)
    diffs = changes.pair_diffs(plan)
    editions = plan_editions(plan)
    latest = next(e for e in editions if e.kind.value == "latest")
    versions = resolve_versions(plan, basic)
    history = changes.initiative_appearances(latest, "online", versions, diffs)
    assert [(h["version"].id, h["state"]) for h in history] == [("1.0", "added"), ("1.1", "changed")]
    assert history[1]["url"] == urls.frozen_page(plan.id, "1.1", PageKind.INITIATIVE, "online")
    assert history[1]["diff_url"] == urls.compare(plan.id, "1.0", "1.1", "online") and history[0]["diff_url"] is None
    new = next(v for v in versions if v.id == "1.1")
    note = changes.change_note(latest, diffs, "online", new)
    assert note.state == "changed" and note.version_name == new.titled_name and sum(note.counts.values()) > 0
    first = next(e for e in editions if e.kind.value == "frozen" and e.version.id == "1.0")
    assert changes.change_note(first, diffs, "online", next(v for v in versions if v.id == "1.0")) is None
