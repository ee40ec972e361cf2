"""Small plans and sites for the build unit tests."""

from __future__ import annotations

from generator.model.plan import Plan, PlanContent, Site, Status, Text, Version


def make_plan(plan_id: str, *ids: str, lead: str = "x") -> Plan:
    versions = [Version(id=i, name=i, label=i, date=f"202{n}-03-31", snapshot=True) for n, i in enumerate(ids)]
    snapshots = {i: PlanContent("架空市", f"{plan_id} {i}", 2023, 2025, lead=Text.of(f"{lead} {i}")) for i in ids}
    return Plan(id=plan_id, versions=versions, snapshots=snapshots)


def make_site(*plans: Plan) -> Site:
    return Site(title="s", language="ja", plans=list(plans), statuses=[Status("運用中")], current_fy=2024)


def small_portal(target, plan_ids):
    """A content folder of several plans on disk: the basic fixture's plan (two frozen 版
    and a working copy) under each id."""
    import shutil

    from tests.conftest import FIXTURES

    shutil.copytree(FIXTURES / "basic", target)
    for plan_id in plan_ids:
        shutil.copytree(FIXTURES / "basic/plans/sample", target / "plans" / plan_id)
    shutil.rmtree(target / "plans/sample")
    return target


def add_release(plan_dir, label: str, date: str = "2024-09-30") -> None:
    """Publish one more 版 of a plan made by `small_portal`: a copy of its 1.1."""
    import shutil

    from generator.load.manifest import build_manifest, manifest_text

    release = plan_dir / "releases" / label
    shutil.copytree(plan_dir / "releases/1.1", release, ignore=shutil.ignore_patterns("manifest.json"))
    (release / "release.yml").write_text(f'label: "{label}"\ndate: {date}\nnotes: [第{label}版]\n', encoding="utf-8")
    (release / "manifest.json").write_text(manifest_text(build_manifest(release)), encoding="utf-8")
