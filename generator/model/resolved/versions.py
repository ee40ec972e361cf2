"""A 版 as the site names and dates it: its name with its stage, its date as precise as the
document states it, and the real time `planpub release` published it (the plan's ledger)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.i18n import msg
from generator.model import fiscal
from generator.model.plan import PlanContent, Site, Text, Version

# A date the document states to the day is shown at the start of that day in Japan, where a
# format needs a time of day (Atom's `updated`): the day is stated, nothing else is added.
DAY_START = "T00:00:00+09:00"


def with_stage(name: str, stage: str | None) -> str:
    """「第1.0版（策定）」: the name with its stage, unless the name already says it (「第1.0版（案）」)."""
    if not stage or stage in name:
        return name
    return msg("ui.version_with_stage", name=name, stage=stage)


@dataclass(frozen=True)
class ResolvedVersion:
    id: str
    name: str                     # as the site names it (「第1.5版」, 「第1.0版（案）」)
    label: str | None = None
    stage: str | None = None      # the stage's name when the 版 states one (its status, or the plan's 案)
    stage_id: str | None = None   # the site vocabulary's id of `stage` (draft, adopted …)
    date: str | None = None       # as the document states it: YYYY-MM-DD, YYYY-MM, YYYY; None: not stated
    released: str | None = None   # when `planpub release` published it (ISO 8601 with offset); None: not recorded
    summary: Text | None = None
    notes: Text | None = None
    source: Text | None = None
    document: str | None = None   # the address of the 版's document (a 版 without a snapshot)
    snapshot: bool = False
    omits: tuple[str, ...] = ()

    @property
    def titled_name(self) -> str:
        """The name wherever a 版 is named on its own (titles, feeds, data, the switcher)."""
        return with_stage(self.name, self.stage)

    @property
    def precision(self) -> str | None:
        """"day", "month" or "year": how precisely the document dates the 版."""
        return {10: "day", 7: "month", 4: "year"}.get(len(self.date or ""))

    @property
    def instant(self) -> str | None:
        """A full timestamp that states nothing the records do not: the time the 版 was
        released, else the start of the day the document states; None when neither is known
        (a 版 dated by month or year only, frozen before releases were timed)."""
        if self.released:
            return self.released
        return self.date + DAY_START if self.precision == "day" else None

    @property
    def fiscal_year(self) -> int | None:
        """The fiscal year of its date; None when the date does not name a month."""
        if self.precision not in ("day", "month"):
            return None
        return fiscal.fiscal_year_of(dt.date(int(self.date[:4]), int(self.date[5:7]), 1))


def resolve_version(version: Version, site: Site | None = None, content: PlanContent | None = None) -> ResolvedVersion:
    """A 版 with its stage resolved: the stage it states (site.yml version_statuses), else 案
    when its plan.yml says the plan is a draft (`adoption: draft`), else none."""
    stage_id = version.status
    stage = site.version_status(stage_id) if site is not None and stage_id else None
    stage_name = stage.name if stage else (stage_id or None)
    if stage_name is None and content is not None and content.adoption == "draft":
        stage_name = msg("ui.draft")
    return ResolvedVersion(id=version.id, name=version.name, label=version.label, stage=stage_name,
                           stage_id=stage_id, date=version.date, released=version.released,
                           summary=version.summary, notes=version.notes, source=version.source,
                           document=version.document, snapshot=version.snapshot, omits=version.omits)
