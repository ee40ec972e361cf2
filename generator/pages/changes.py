"""What changed between frozen 版, as the compare pages, the revision history, an initiative's
history and its change note show it. The field-level diff of two documents is the model's
(model/diff.py); this module names it for readers (pages/diff_names.py) and says where to read it."""

from __future__ import annotations

from dataclasses import dataclass

from generator.model.diff import PlanDiff, diff_contents, omitted_between
from generator.model.plan import Plan, Site
from generator.model.resolved import ResolvedVersion
from generator.pages import diff_names, urls
from generator.pages.editions import Edition
from generator.pages.kinds import PageKind


def pair_diffs(plan: Plan, site: Site | None = None) -> "PairDiffs":
    """The diff of any ordered pair of frozen 版 (older → newer), each computed once, when
    first needed (a build that renders one new 版 needs only the pairs ending there); stages
    named as `site` names them."""
    return PairDiffs(plan, site)


def stage_namer(site: Site | None):
    """A stage id → the name the site gives it (its id when the site does not know it)."""
    def name(stage_id: str) -> str:
        stage = site.version_status(stage_id) if site is not None else None
        return stage.name if stage else stage_id
    return name


class PairDiffs(dict):
    def __init__(self, plan: Plan, site: Site | None = None):
        super().__init__()
        self.plan = plan
        self.stage_name = stage_namer(site)
        self._readable: dict[tuple[str, str], diff_names.ReadableDiff] = {}
        # The plan's editions resolved in this build (model/resolved/ resolve_edition `shared`):
        # they are built together, as they share these diffs.
        self.resolved: dict = {}

    def __missing__(self, pair: tuple[str, str]) -> PlanDiff:
        old_id, new_id = pair
        old, new = self.plan.version(old_id), self.plan.version(new_id)
        diff = diff_contents(self.plan.snapshots[old_id], self.plan.snapshots[new_id], omitted_between(old, new),
                             (old, new), self.stage_name)
        self[pair] = diff
        return diff

    def readable(self, pair: tuple[str, str]) -> diff_names.ReadableDiff:
        """The diff of a pair in names (theme, vision, chapter and KPI names from either 版)."""
        if pair not in self._readable:
            old, new = (self.plan.snapshots[v] for v in pair)
            names = diff_names.part_names(old, new)
            kpi_names = {key[1]: name for key, name in names.items() if key[0] == "kpi"}
            self._readable[pair] = diff_names.diff_view(self[pair], names, kpi_names)
        return self._readable[pair]


def compare_choices(plan_id: str, snapshots: list[ResolvedVersion]) -> list[dict]:
    return [{"old": old, "new": new, "url": urls.compare(plan_id, old.id, new.id)}
            for i, old in enumerate(snapshots) for new in snapshots[i + 1:]]


def revision_summaries(plan_id: str, diffs: PairDiffs, snapshots: list[ResolvedVersion]) -> dict[str, dict]:
    """For each frozen 版 with a frozen predecessor: the change summary and its diff page."""
    result = {}
    for previous, version in zip(snapshots, snapshots[1:]):
        diff = diffs.readable((previous.id, version.id))
        result[version.id] = {"previous": previous, "diff": diff, "summary": diff.summary(),
                              "url": urls.compare(plan_id, previous.id, version.id)}
    return result


def initiative_appearances(edition: Edition, initiative_id: str, versions: list[ResolvedVersion],
                           diffs: dict) -> list[dict]:
    """Each frozen 版 (that the edition knows of) that contains the initiative, and whether
    it changed since the previous one (`diffs`: the plan's pair diffs, computed once)."""
    plan = edition.plan
    names = {v.id: v for v in versions}
    entries = []
    previous_version = None
    for version in edition.known_snapshots:
        if plan.snapshots[version.id].initiative(initiative_id) is None:
            previous_version = None
            continue
        changed = previous_version is not None and \
            any(c.id == initiative_id for c in diffs[(previous_version.id, version.id)].initiatives)
        state = "added" if previous_version is None else ("changed" if changed else "unchanged")
        entries.append({"version": names[version.id], "state": state,
                        "url": urls.frozen_page(plan.id, version.id, PageKind.INITIATIVE, initiative_id),
                        "diff_url": (urls.compare(plan.id, previous_version.id, version.id, initiative_id)
                                     if state == "changed" else None)})
        previous_version = version
    return entries


@dataclass(frozen=True)
class ChangeNote:
    """How this 版 changed the initiative compared with the previous frozen 版."""

    version_name: str
    state: str                   # "added" | "changed" | "unchanged"
    counts: dict[str, int]       # changed / added / removed fields (state "changed")
    url: str | None              # the initiative's part of the compare page


def change_note(edition: Edition, diffs: PairDiffs, initiative_id: str, version: ResolvedVersion) -> ChangeNote | None:
    """None for the working copy, the first frozen 版, or an initiative this 版 does not have."""
    snapshots = edition.known_snapshots
    ids = [v.id for v in snapshots]
    if edition.is_working or edition.version.id not in ids or ids.index(edition.version.id) == 0:
        return None
    previous = snapshots[ids.index(edition.version.id) - 1]
    change = next((c for c in diffs[(previous.id, version.id)].initiatives if c.id == initiative_id), None)
    if change is None:
        return ChangeNote(version.titled_name, "unchanged", {}, None)
    url = urls.compare(edition.plan.id, previous.id, version.id, initiative_id)
    if change.old is None:
        return ChangeNote(version.titled_name, "added", {}, url)
    counts = {kind: sum(1 for f in change.fields if f.kind == kind) for kind in ("changed", "added", "removed")}
    return ChangeNote(version.titled_name, "changed", {k: n for k, n in counts.items() if n}, url)
