"""The site as its portal pages and every page's chrome show it: its settings and each
published plan named as of its latest 版 (the full resolution of a plan is `resolve_edition`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model.plan import Plan, Site
from generator.model.resolved.labels import LabelScope, plan_scope
from generator.model.resolved.versions import ResolvedVersion, resolve_version


@dataclass(frozen=True)
class PlanSummary:
    """A plan as lists of plans name it: as of its latest 版 (or, unpublished, its working copy)."""

    id: str
    municipality: str
    title: str
    period_start: int
    period_end: int
    version: ResolvedVersion | None        # its latest 版; None: nothing published yet
    labels: LabelScope = field(default_factory=LabelScope)
    uses_departments: bool = True
    archived: bool = False                 # it has frozen 版 besides the latest

    @property
    def name(self) -> str:
        return f"{self.municipality} {self.title}"


@dataclass(frozen=True)
class SiteInfo:
    title: str
    language: str
    current_fy: int
    description: str | None = None
    publisher: str | None = None
    licence: str | None = None
    plans: list[PlanSummary] = field(default_factory=list)     # published plans, in site order
    drafts: list[PlanSummary] = field(default_factory=list)    # working copies (the staff preview)


def summarise_plan(plan: Plan, site: Site | None = None, working: bool = False) -> PlanSummary:
    version = None if working else plan.latest
    content = plan.working if working or version is None else plan.snapshots[version.id]
    return PlanSummary(plan.id, content.municipality, content.title, content.period_start, content.period_end,
                       resolve_version(version, site, content) if version is not None else None,
                       plan_scope(content.fields), "departments" in content.fields,
                       len(plan.snapshot_versions) > 1)


def resolve_site(site: Site) -> SiteInfo:
    return SiteInfo(site.title, site.language, site.current_fy, site.description, site.publisher, site.licence,
                    [summarise_plan(p, site) for p in site.plans if p.latest is not None],
                    [summarise_plan(p, site, working=True) for p in site.plans if p.working is not None])
