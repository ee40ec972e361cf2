"""The resolved 版 (generator/model/resolved/): a field's four states, its source and label, KPI
figures with their words as written, the item a KPI belongs to, and the 版's name, stage and dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.i18n import set_language
from generator.model.markup import plain_line, plain_text
from generator.model.plan import Version
from generator.model.resolved import EditionKind, State, resolve_edition, resolve_version
from generator.validate import load_valid_site

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture(scope="module")
def patterns():
    set_language("ja")
    result = load_valid_site(FIXTURES / "patterns")
    assert not result.problems
    return result.site, {p.id: p for p in result.site.plans}


def _edition(patterns, plan_id: str, kind=EditionKind.LATEST, version_id: str | None = None):
    site, plans = patterns
    plan = plans[plan_id]
    version = plan.version(version_id) if version_id else plan.latest
    return resolve_edition(plan, version, kind, site)


def test_a_field_left_out_by_the_latest_document_is_carried_with_its_source(patterns):
    latest = _edition(patterns, "carried-sheets")
    kiosk = latest.initiative("kiosk")
    departments = kiosk.value("departments")
    assert departments.state is State.STATED and departments.value == ["情報政策課"]
    assert departments.carried and departments.source.version_id == "sheets"
    assert departments.source.titled_name == "個別業務シート（版数・発行日の記載なし）"
    assert kiosk.value("title").source.carried is False           # stated in this 版
    assert [v.key for v in kiosk.carried] == ["departments", "purpose", "schedule"]
    frozen = _edition(patterns, "carried-sheets", EditionKind.FROZEN, "2.0")
    own = frozen.initiative("kiosk").value("departments")
    assert own.state is State.OMITTED and own.omitted_by_version and own.value is None
    assert frozen.initiative("kiosk").earlier_details.version_id == "sheets"   # where the details are


def test_states_stated_empty_omitted_and_not_used(patterns):
    schedules = _edition(patterns, "schedules")
    empty = next(i for i in schedules.all_items() if i.value("schedule").state is State.STATED_EMPTY)
    assert empty.schedule_years, "a schedule stated as empty is still a table"
    own = _edition(patterns, "own-fields")
    portal = own.initiative("portal")
    assert portal.value("overview").state is State.OMITTED and not portal.value("overview").omitted_by_version
    assert portal.value("progress").state is State.NOT_USED              # the plan has no progress field
    assert "progress" not in portal.values and portal.status is None
    assert all(v.state is not State.NOT_USED for v in portal.values.values())


def test_labels_come_from_the_most_specific_scope(patterns):
    site, plans = patterns
    own = _edition(patterns, "own-fields")
    assert own.initiative("app").value("departments").label == "関係部署"      # the plan's word
    assert own.initiative("app").value("schedule").label == "スケジュール"      # the catalogue's
    assert own.initiative("app").value("schedule").table_label == "予定・取組事項"
    # A theme that names a field (a later format) names it for its initiatives; views need no change.
    plan = plans["own-fields"]
    theme = plan.snapshots[plan.latest.id].theme("convenience")
    theme.labels = {"departments": "推進担当"}
    try:
        app = resolve_edition(plan, plan.latest, EditionKind.LATEST, site).initiative("app")
        assert app.value("departments").label == "推進担当" and app.value("overview").label == "事業概要"
    finally:
        del theme.labels


def test_kpis_keep_their_words_and_know_the_item_they_belong_to(patterns):
    shapes = _edition(patterns, "kpi-shapes")
    specialists = next(k for k in shapes.all_kpis() if k.id == "specialists")
    assert specialists.final.text == "各課に1名以上" and specialists.final.value == 1
    hierarchy = _edition(patterns, "hierarchy")
    owners = {k.id: k.owner for k in hierarchy.all_kpis()}
    assert owners["rpa-hours"].kind == "item" and owners["rpa-hours"].page_id == "rpa"
    assert owners["rpa-hours"].anchor == "item-1" and owners["rpa-hours"].path == ("①－Ⅲ－i 定型業務の自動化",)
    assert owners["digital-procedures"].kind == "theme" and owners["digital-procedures"].path == ("① 行政運営の改革",)
    assert specialists.assessment.kpi is None   # views get the judgement, not the raw measure


def test_a_version_is_named_with_its_stage_and_dated_as_stated(patterns):
    site, plans = patterns
    plan = plans["dates-and-stages"]
    names = {v.id: resolve_version(v, site, plan.snapshots.get(v.id)) for v in plan.versions}
    assert names["1.0-draft"].titled_name == "第1.0版（案）" and names["1.0"].titled_name == "第1.0版（策定）"
    assert names["1.1"].precision == "year" and names["1.1"].instant is None and names["1.1"].fiscal_year is None
    assert names["1.0"].precision == "month" and names["1.0"].fiscal_year == 2022 and names["1.0"].instant is None
    day = resolve_version(Version("x", "第2版", date="2026-03-26"))
    assert day.instant == "2026-03-26T00:00:00+09:00"
    released = resolve_version(Version("y", "第3版", date="2026", released="2026-05-01T09:30:00+09:00"))
    assert released.instant == "2026-05-01T09:30:00+09:00" and released.stage is None


def test_inline_markup_has_one_plain_text():
    assert plain_line("押印を**廃止**し、^^記入欄を減らす^^。") == "押印を廃止し、記入欄を減らす。"
    assert plain_line("1. はじめに") == "1. はじめに"                 # a line, never a list
    assert plain_line("[申請](https://example.jp/)") == "申請 (https://example.jp/)"
    assert plain_text("- **a**\n- b") == "- a\n- b"
