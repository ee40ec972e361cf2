"""A 版 resolved into what every view shows (model/resolved/edition.py): carried values at the
stable address only, each frozen 版 exactly its own document, the working copy as it is."""

from __future__ import annotations

from generator.model.resolved.edition import EditionKind, resolve_edition, resolve_versions, resolve_working
from generator.model.resolved.values import State


def test_a_field_left_out_by_the_latest_document_is_carried_with_its_source(edition):
    latest = edition("carried-sheets")
    kiosk = latest.initiative("kiosk")
    departments = kiosk.value("departments")
    assert departments.state is State.STATED and departments.value == ["情報政策課"]
    assert departments.carried and departments.source.version_id == "sheets"
    assert departments.source.titled_name == "個別業務シート（版数・発行日の記載なし）"
    assert kiosk.value("title").source.carried is False           # stated in this 版
    assert [v.key for v in kiosk.carried] == ["departments", "purpose", "schedule"]
    assert [s.version_id for s in latest.carried_from] == ["sheets"]
    assert "情報政策課" in [d.name for d in latest.departments]     # a carried department is listed


def test_each_frozen_version_is_exactly_its_own_document(edition):
    frozen = edition("carried-sheets", EditionKind.FROZEN, "2.0")
    own = frozen.initiative("kiosk").value("departments")
    assert own.state is State.OMITTED and own.omitted_by_version and own.value is None
    assert frozen.initiative("kiosk").earlier_details.version_id == "sheets"   # where the details are
    assert frozen.carried_from == []


def test_the_edition_knows_its_fields_themes_and_kpis(edition):
    hierarchy = edition("hierarchy")
    assert hierarchy.uses("title") and not hierarchy.uses("no-such-field")
    assert hierarchy.theme(hierarchy.themes[0].id) is hierarchy.themes[0] and hierarchy.theme(None) is None
    assert len(hierarchy.all_kpis()) == len({k.id for k in hierarchy.all_kpis()}) > 0
    assert list(hierarchy.period) == list(range(hierarchy.period_start, hierarchy.period_end + 1))
    own = edition("own-fields")
    assert own.fields.label_of("departments", "担当課") == "関係部署" and "progress" not in own.fields


def test_a_frozen_version_means_its_own_year_by_this_year_the_latest_the_build(patterns, edition):
    site, plans = patterns
    plan = plans["dates-and-stages"]
    assert edition("dates-and-stages").current_fy == site.current_fy
    for version in plan.snapshot_versions:
        frozen = resolve_edition(plan, version, EditionKind.FROZEN, site)
        assert frozen.current_fy == frozen.version.fiscal_year


def test_versions_and_the_working_copy(basic):
    site, plans = basic
    plan = plans["sample"]
    assert [v.id for v in resolve_versions(plan, site)] == [v.id for v in plan.versions]
    working = resolve_working(plan, site)
    assert working.kind is EditionKind.WORKING and working.carried_from == []
    assert [i.id for i in working.initiatives] == [i.id for i in plan.working.initiatives]


def test_one_build_resolves_a_document_once_unless_the_stable_address_carries(patterns):
    site, plans = patterns
    plan = plans["dates-and-stages"]                       # its latest 版 omits nothing
    shared: dict = {}
    frozen = resolve_edition(plan, plan.latest, EditionKind.FROZEN, site, shared=shared)
    latest = resolve_edition(plan, plan.latest, EditionKind.LATEST, site, shared=shared)
    assert latest.initiatives is frozen.initiatives and latest.kind is EditionKind.LATEST
    assert latest.current_fy == site.current_fy and frozen.current_fy == frozen.version.fiscal_year
    carried = plans["carried-sheets"]                      # its latest 版 omits fields: carried at /latest
    frozen = resolve_edition(carried, carried.latest, EditionKind.FROZEN, site, shared=shared)
    latest = resolve_edition(carried, carried.latest, EditionKind.LATEST, site, shared=shared)
    assert latest.initiatives is not frozen.initiatives and latest.carried_from and not frozen.carried_from
