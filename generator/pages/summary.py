"""An initiative at a glance: the summary that opens its page (no HTML here). Its change note
(what changed in this 版) is pages/changes.py's."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model.kpi import KpiAssessment, summary as kpi_summary
from generator.model.plan import Progress
from generator.model.resolved import ResolvedEdition, ResolvedInitiative, Source, StatusEntry
from generator.pages.changes import ChangeNote  # noqa: F401 (the initiative page's context names it here)


@dataclass(frozen=True)
class InitiativeSummary:
    status: StatusEntry | None                # the most recently stated status (none where the plan has none)
    progress: tuple[int, Progress] | None     # the latest year's progress entry with a text
    departments: list[str]
    departments_source: Source | None = None  # the 版 that states them (carried or not)
    progress_source: Source | None = None
    judgements: dict[str, int] = field(default_factory=dict)   # KPI judgement → count (only those > 0)
    kpi: KpiAssessment | None = None          # the judgement itself when there is one KPI

    @property
    def is_empty(self) -> bool:
        return not (self.status or self.progress or self.departments or self.judgements)


def initiative_summary(content: ResolvedEdition, initiative: ResolvedInitiative) -> InitiativeSummary:
    kpis = [k.assessment for k in initiative.kpis]
    judgements = {j: n for j, n in kpi_summary(kpis).items() if n}
    return InitiativeSummary(status=initiative.status, progress=initiative.progress_entry,
                             departments=initiative.departments,
                             departments_source=initiative.value("departments").source,
                             progress_source=initiative.value("progress").source, judgements=judgements,
                             kpi=kpis[0] if len(kpis) == 1 else None)
