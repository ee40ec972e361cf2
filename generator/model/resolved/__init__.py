"""The resolved 版: what every view of one edition shows, decided once.

A view (a page, a card, a filter, the KPI list, the print page, a feed, the open data, the
search record) never reads the raw model (model/plan.py): it renders a `ResolvedEdition`, so
one fact reads the same everywhere and nothing unstated is shown as stated.

    resolve_edition(plan, version, kind, site)  →  ResolvedEdition
        .version           ResolvedVersion: name, stage (案 …), date as precise as stated,
                           the real time `planpub release` published it (the plan's ledger)
        .initiatives       ResolvedInitiative (sub-items in .items): for every field the plan
                           uses, a `Value` — as written, its `State`, its label, its `Source`
        .themes, .kpis     ResolvedTheme, ResolvedKpi (figures with their words as written)
        .fields            the plan's fields and its own words for them (`label_of`)

Built once per plan and 版 (`EditionKind.FROZEN`, `WORKING`) and once for the stable
address (`LATEST`): there, a field the latest 版's document leaves out (release.yml `omits`)
shows what the last earlier frozen 版 stated, with that 版 as its `Source` (carried);
each frozen 版 shows exactly its own document (a stable address carrying nothing shares it: `shared=`).

The four states of a field (values.py `State`): STATED (incl. carried), STATED_EMPTY (the
document has the row, blank), OMITTED (the document does not state it: 「記載なし」), NOT_USED
(not a field of this plan: never shown). Labels come from the most specific scope that names
a field (labels.py: initiative → theme → plan → catalogue).
"""

from generator.model.resolved.edition import (WORKING_ID, EditionKind, FieldView, ResolvedEdition, ResolvedTheme,
                                              resolve_edition, resolve_versions, resolve_working)
from generator.model.resolved.initiatives import ResolvedInitiative, StatusEntry
from generator.model.resolved.kpis import Figure, KpiOwner, ResolvedKpi
from generator.model.resolved.labels import LabelScope
from generator.model.resolved.values import Source, State, Value
from generator.model.resolved.versions import ResolvedVersion, resolve_version, with_stage

__all__ = ["EditionKind", "FieldView", "Figure", "KpiOwner", "LabelScope", "ResolvedEdition", "ResolvedInitiative",
           "ResolvedKpi", "ResolvedTheme", "ResolvedVersion", "Source", "State", "StatusEntry", "Value",
           "WORKING_ID", "resolve_edition", "resolve_version", "resolve_versions", "resolve_working", "with_stage"]

from generator.model.resolved.site import PlanSummary, SiteInfo, resolve_site, summarise_plan  # noqa: E402

__all__ += ["PlanSummary", "SiteInfo", "resolve_site", "summarise_plan"]
