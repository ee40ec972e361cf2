"""An initiative resolved (model/resolved/initiatives.py): its fields by state and place, its
schedule's columns and its latest status."""

from __future__ import annotations

from generator.model.fields import Place
from generator.model.plan import Progress, Text
from generator.model.resolved.initiatives import (detail_count, latest_status, not_used, schedule_columns,
                                                  stated_years)
from generator.model.resolved.values import Source, State, Value
from generator.model.fields import INITIATIVE_FIELDS

SCHEDULE, PROGRESS = INITIATIVE_FIELDS["schedule"], INITIATIVE_FIELDS["progress"]


def test_a_field_the_plan_does_not_use_is_one_shared_not_used_value():
    assert not_used("progress") is not_used("progress")
    assert not_used("progress").state is State.NOT_USED and not not_used("progress").shown


def test_schedule_columns_cover_the_plan_period_and_every_stated_year():
    stated = {"schedule": Value(SCHEDULE, "スケジュール", State.STATED, {2021: Text(("準備",)), 2024: Text(("実施",))})}
    assert schedule_columns(stated, range(2023, 2026)) == ([2021, 2022, 2023, 2024, 2025], False)
    assert stated_years(stated.values()) == [2021, 2024]
    # nothing stated: no table; a schedule stated as empty: a table of the plan period
    assert schedule_columns({"schedule": Value(SCHEDULE, "", State.OMITTED)}, range(2023, 2026)) == ([], False)
    empty = {"schedule": Value(SCHEDULE, "", State.STATED_EMPTY, {})}
    assert schedule_columns(empty, range(2023, 2026)) == ([2023, 2024, 2025], False)


def test_the_latest_status_comes_with_the_version_that_states_it():
    source = Source("1.0", "第1.0版", carried=True)
    progress = Value(PROGRESS, "進捗", State.STATED,
                     {2023: Progress(status="実施中"), 2024: Progress(status="完了")}, source)
    status = latest_status({"progress": progress})
    assert (status.fy, status.name, status.source) == (2024, "完了", source)
    assert latest_status({}) is None                                   # the plan has no progress field
    assert latest_status({"progress": Value(PROGRESS, "進捗", State.OMITTED)}) is None


def test_detail_count_counts_entries_of_detail_fields():
    pairs = [(f, v) for f, v in ((INITIATIVE_FIELDS["overview"], Text(("概要",))),
                                  (INITIATIVE_FIELDS["departments"], ["市民課", "政策課"]),
                                  (INITIATIVE_FIELDS["title"], "題名"))]
    expected = sum((len(v) if isinstance(v, list) else 1) for f, v in pairs if f.detail)
    assert detail_count(pairs) == expected > 0


def test_states_stated_empty_omitted_and_not_used(edition):
    schedules = edition("schedules")
    empty = next(i for i in schedules.all_items() if i.value("schedule").state is State.STATED_EMPTY)
    assert empty.schedule_years, "a schedule stated as empty is still a table"
    portal = edition("own-fields").initiative("portal")
    assert portal.value("overview").state is State.OMITTED and not portal.value("overview").omitted_by_version
    assert portal.value("progress").state is State.NOT_USED              # the plan has no progress field
    assert "progress" not in portal.values and portal.status is None
    assert all(v.state is not State.NOT_USED for v in portal.values.values())
    meta = portal.at(Place.META)                                         # a place's fields in their order
    assert meta and [v.field.order for v in meta] == sorted(v.field.order for v in meta)
    assert {v.key for v in meta} == {v.key for v in portal.values.values() if v.field.place == Place.META}
    assert portal.stated("progress") == {} and portal.departments == list(portal.stated("departments"))
