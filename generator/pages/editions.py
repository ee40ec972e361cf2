"""Editions: a plan as published at one base URL (the latest 版, a frozen 版, the working copy)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.i18n import msg
from generator.model.plan import Plan, PlanContent, Version
from generator.pages import urls
from generator.pages.kinds import EditionKind, PageKind

from generator.model.resolved import WORKING_ID  # noqa: E402 (the working copy's id, resolved like a 版)


class _Published:
    """Where an edition is published: its `base` address and its `kind` give the rest."""

    @property
    def is_latest(self) -> bool:
        return self.kind is EditionKind.LATEST

    @property
    def is_working(self) -> bool:
        return self.kind is EditionKind.WORKING

    @property
    def unversioned(self) -> bool:
        """Served at /<plan>/ rather than below /<plan>/v/."""
        return self.kind is EditionKind.LATEST

    def url(self, kind: PageKind | str, arg: str | None = None) -> str:
        return urls.page(self.base, kind, arg)


@dataclass(frozen=True)
class EditionAddress(_Published):
    """Where an edition is published, as its pages link to it (templates get this, never the
    edition's raw content)."""

    plan_id: str
    version_id: str
    kind: EditionKind

    @property
    def base(self) -> str:
        return urls.edition_base(self.plan_id, self.kind, self.version_id)


@dataclass(frozen=True)
class Edition(_Published):
    plan: Plan
    version: Version
    content: PlanContent
    kind: EditionKind

    @property
    def address(self) -> EditionAddress:
        return EditionAddress(self.plan.id, self.version.id, self.kind)

    @property
    def base(self) -> str:
        return self.address.base

    @property
    def known_snapshots(self) -> list[Version]:
        """The frozen 版 this edition's pages may mention. A frozen 版 mentions only itself
        and earlier ones, so its pages never change after publication: that is what lets
        a build copy them from the cache instead of rendering them again."""
        snapshots = self.plan.snapshot_versions
        ids = [v.id for v in snapshots]
        if self.kind is not EditionKind.FROZEN or self.version.id not in ids:
            return snapshots
        return snapshots[: ids.index(self.version.id) + 1]

    def has(self, kind: PageKind | str, arg: str | None = None) -> bool:
        return content_has(self.content, kind, arg)


def content_has(content: PlanContent, kind: PageKind | str, arg: str | None = None) -> bool:
    """Whether a 版's content has the page of this kind: an initiative or a chapter it has, the
    departments view when its plan has departments; other pages exist in every 版."""
    if kind == PageKind.DEPARTMENTS:
        return "departments" in content.fields
    if kind == PageKind.INITIATIVE:
        return content.initiative(arg) is not None
    if kind == PageKind.CHAPTER:
        return any(c.id == arg for c in content.chapters)
    return True


def plan_editions(plan: Plan, include_working: bool = False) -> list[Edition]:
    """The latest 版, then every frozen 版, then (preview only) the working copy."""
    latest = plan.latest
    editions = []
    if latest is not None:
        editions.append(Edition(plan, latest, plan.snapshots[latest.id], EditionKind.LATEST))
        editions += [Edition(plan, v, plan.snapshots[v.id], EditionKind.FROZEN) for v in plan.snapshot_versions]
    if include_working and plan.working is not None:
        working = Version(id=WORKING_ID, name=msg("ui.working_version"))
        edition = Edition(plan, working, plan.working, EditionKind.WORKING)
        if not editions:  # nothing published yet: the working copy stands in for the plan home
            editions.append(edition)
        editions.append(edition)
    return editions


def unique(editions: list[Edition]) -> list[Edition]:
    seen, result = set(), []
    for edition in editions:
        if edition.base not in seen:
            seen.add(edition.base)
            result.append(edition)
    return result
