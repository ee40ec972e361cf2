"""Edition kinds: which 版 a page may mention, where it lives."""

from __future__ import annotations

from generator.model.plan import Plan, PlanContent, Version
from generator.pages.editions import Edition, content_has, plan_editions, unique
from generator.pages import urls
from generator.pages.kinds import EditionKind, PageKind

FROZEN = EditionKind.FROZEN


def _plan(*ids: str, working: bool = True) -> Plan:
    versions = [Version(id=i, name=f"第{i}版", label=i, date=f"202{n}-03-31", snapshot=True) for n, i in enumerate(ids)]
    content = PlanContent(municipality="架空市", title="t", period_start=2023, period_end=2025)
    return Plan(id="p", versions=versions, snapshots={i: content for i in ids}, working=content if working else None)


def test_editions_are_the_latest_then_every_frozen_then_the_working_copy():
    editions = plan_editions(_plan("1.0", "1.1"), include_working=True)
    assert [(e.kind, e.version.id, e.base) for e in editions] == [
        (EditionKind.LATEST, "1.1", urls.plan_base("p")), (EditionKind.FROZEN, "1.0", urls.edition_base("p", FROZEN, "1.0")),
        (EditionKind.FROZEN, "1.1", urls.edition_base("p", FROZEN, "1.1")),
        (EditionKind.WORKING, "working", urls.working_base("p"))]


def test_a_frozen_edition_knows_only_itself_and_earlier_versions():
    plan = _plan("1.0", "1.1", "1.2")
    latest, first, second, third = plan_editions(plan)
    assert [v.id for v in first.known_snapshots] == ["1.0"]
    assert [v.id for v in second.known_snapshots] == ["1.0", "1.1"]
    assert [v.id for v in latest.known_snapshots] == ["1.0", "1.1", "1.2"]


def test_an_unpublished_plan_is_previewed_at_its_working_address_only():
    editions = plan_editions(_plan(), include_working=True)
    assert [e.base for e in unique(editions)] == [urls.working_base("p")]
    assert plan_editions(_plan()) == []


def test_flags_follow_the_kind():
    edition = Edition(_plan("1.0"), Version(id="1.0", name="x"), PlanContent("a", "b", 2023, 2024), EditionKind.LATEST)
    assert edition.is_latest and edition.unversioned and not edition.is_working
    assert edition.url(PageKind.INITIATIVE, "x") == urls.latest_page("p", PageKind.INITIATIVE, "x")


def test_content_has_items_of_its_own_only():
    content = PlanContent("a", "b", 2023, 2024)
    assert content_has(content, PageKind.KPI) and not content_has(content, PageKind.INITIATIVE, "nothing")
