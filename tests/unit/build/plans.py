"""Small plans and sites for the build unit tests."""

from __future__ import annotations

from generator.model.plan import Plan, PlanContent, Site, Status, Text, Version


def make_plan(plan_id: str, *ids: str, lead: str = "x") -> Plan:
    versions = [Version(id=i, name=i, label=i, date=f"202{n}-03-31", snapshot=True) for n, i in enumerate(ids)]
    snapshots = {i: PlanContent("架空市", f"{plan_id} {i}", 2023, 2025, lead=Text.of(f"{lead} {i}")) for i in ids}
    return Plan(id=plan_id, versions=versions, snapshots=snapshots)


def make_site(*plans: Plan) -> Site:
    return Site(title="s", language="ja", plans=list(plans), statuses=[Status("運用中")], current_fy=2024)
