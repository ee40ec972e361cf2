"""An initiative at a glance (the summary that opens its page) and its change note: what
changed in this 版, linking to the field-level diff (GOV.UK's change note). No HTML here."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model.kpi import KpiAssessment, summary as kpi_summary
from generator.model.plan import Initiative, PlanContent, Progress
from generator.pages import urls
from generator.pages.editions import Edition
from generator.pages.kinds import PageKind


@dataclass(frozen=True)
class InitiativeSummary:
    status: tuple[int, str] | None            # (fiscal year, status) most recently stated
    progress: tuple[int, Progress] | None     # the latest year's progress entry with a text
    period: tuple[int, int] | None            # first and last fiscal year the schedule mentions
    departments: list[str]
    judgements: dict[str, int] = field(default_factory=dict)   # KPI judgement → count (only those > 0)
    kpi: KpiAssessment | None = None          # the judgement itself when there is one KPI

    @property
    def is_empty(self) -> bool:
        return not (self.status or self.progress or self.period or self.departments or self.judgements)


@dataclass(frozen=True)
class ChangeNote:
    """How this 版 changed the initiative compared with the previous frozen 版."""

    version_name: str
    state: str                   # "added" | "changed" | "unchanged"
    counts: dict[str, int]       # changed / added / removed fields (state "changed")
    url: str | None              # the initiative's part of the compare page


def initiative_summary(content: PlanContent, initiative: Initiative,
                       assessments: dict[str, KpiAssessment]) -> InitiativeSummary:
    fields = content.fields
    progress = next(((fy, p) for fy, p in sorted(initiative.progress.items(), reverse=True) if p.text), None) \
        if "progress" in fields else None
    years = initiative.years(fields)
    kpis = [assessments[k.id] for k in initiative.kpis if k.id in assessments] if "kpis" in fields else []
    judgements = {j: n for j, n in kpi_summary(kpis).items() if n}
    return InitiativeSummary(status=initiative.latest_status(), progress=progress,
                             period=(years[0], years[-1]) if years else None,
                             departments=list(initiative.departments), judgements=judgements,
                             kpi=kpis[0] if len(kpis) == 1 else None)


def change_note(edition: Edition, diffs: dict, initiative_id: str) -> ChangeNote | None:
    """None for the working copy, the first frozen 版, or an initiative this 版 does not have."""
    snapshots = edition.known_snapshots
    ids = [v.id for v in snapshots]
    if edition.is_working or edition.version.id not in ids or ids.index(edition.version.id) == 0:
        return None
    previous, version = snapshots[ids.index(edition.version.id) - 1], edition.version
    change = next((c for c in diffs[(previous.id, version.id)].initiatives if c.id == initiative_id), None)
    if change is None:
        return ChangeNote(version.name, "unchanged", {}, None)
    url = urls.compare(edition.plan.id, previous.id, version.id, initiative_id)
    if change.old is None:
        return ChangeNote(version.name, "added", {}, url)
    counts = {kind: sum(1 for f in change.fields if f.kind == kind) for kind in ("changed", "added", "removed")}
    return ChangeNote(version.name, "changed", {k: n for k, n in counts.items() if n}, url)
