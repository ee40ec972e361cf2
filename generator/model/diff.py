"""Field-level changes between two 版 of a plan (pure data, no presentation).

Each initiative, KPI and the plan itself are flattened into ordered (field key → text)
pairs; comparing two flattenings gives added, removed and changed fields. The site's
diff pages, the revision-history summaries, `planpub diff` and `planpub release` all
use this one module, so they always agree.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field

from generator.i18n import msg
from generator.model import fiscal
from generator.model.fields import INITIATIVE_FIELDS, FieldSet
from generator.model.flatten import FieldKey, _text, flatten_kpi  # noqa: F401 (flatten_kpi: re-exported)
from generator.model.kinds import kind_of
from generator.model.plan import Initiative, PlanContent, Version


def change_kind(old, new) -> str:
    """added / removed / changed, from the values before and after (None = absent)."""
    if old is None:
        return "added"
    if new is None:
        return "removed"
    return "changed"


@dataclass(frozen=True)
class FieldChange:
    key: FieldKey
    old: str | None      # None: the field did not exist (added)
    new: str | None      # None: the field was removed

    @property
    def kind(self) -> str:
        return change_kind(self.old, self.new)


@dataclass
class InitiativeChange:
    id: str
    old: Initiative | None
    new: Initiative | None
    fields: list[FieldChange] = field(default_factory=list)

    @property
    def kind(self) -> str:
        kind = change_kind(self.old, self.new)
        return "renamed" if kind == "changed" and self.old.title != self.new.title else kind

    @property
    def title(self) -> str:
        return (self.new or self.old).display_title


@dataclass
class PlanDiff:
    """Everything that differs between two contents of one plan."""

    plan_fields: list[FieldChange] = field(default_factory=list)
    initiatives: list[InitiativeChange] = field(default_factory=list)
    ignored: tuple[str, ...] = ()   # fields the newer 版's document does not contain (absence ≠ deletion)
    fields: FieldSet = INITIATIVE_FIELDS   # the newer 版's initiative fields (for labels)

    def by_kind(self, kind: str) -> list[InitiativeChange]:
        return [c for c in self.initiatives if c.kind == kind]

    @property
    def kpi_target_changes(self) -> list[tuple[InitiativeChange | None, FieldChange]]:
        """Changes of KPI targets, wherever the KPI lives."""
        found = [(None, f) for f in self.plan_fields if f.key[:1] == ("kpi",) and "targets" in f.key]
        for change in self.initiatives:
            found += [(change, f) for f in change.fields if f.key[:1] == ("kpi",) and "targets" in f.key]
        return found

    @property
    def is_empty(self) -> bool:
        return not self.plan_fields and not self.initiatives

    def summary(self) -> dict[str, int]:
        return {
            "added": len(self.by_kind("added")),
            "removed": len(self.by_kind("removed")),
            "renamed": len(self.by_kind("renamed")),
            "changed": len(self.by_kind("changed")),
            "kpi_targets": len(self.kpi_target_changes),
            "plan_fields": len(self.plan_fields),
        }


def flatten_initiative(initiative: Initiative, fields: FieldSet = INITIATIVE_FIELDS) -> dict[FieldKey, str]:
    """Ordered fields of an initiative as plain text, in registry order."""
    out: dict[FieldKey, str] = {}
    for field in fields:
        out.update(kind_of(field.kind).flatten(field.change_key,
                                               field.value(initiative)))
    if ("title",) not in out:
        out[("title",)] = initiative.title
    for key, name in initiative.labels.items():   # what this item's document calls a field
        out[("labels", key)] = name
    for item in initiative.items:
        for key, text in flatten_initiative(item, fields).items():
            out[("items", item.local_id) + key] = text
    return out


def flatten_plan(content: PlanContent) -> dict[FieldKey, str]:
    """Plan-level fields (not initiatives) as plain text."""
    out: dict[FieldKey, str] = {
        ("plan", "municipality"): content.municipality,
        ("plan", "title"): content.title,
        ("plan", "adoption"): content.adoption,
    }
    if content.period_stated:
        out[("plan", "period")] = msg("diff.range", start=content.period_start, end=content.period_end)
    for attribute in ("parent_strategy", "subtitle"):
        if getattr(content, attribute):
            out[("plan", attribute)] = getattr(content, attribute)
    lead = _text(content.lead)
    if lead:
        out[("plan", "lead")] = lead
    for theme in content.all_themes():
        out[("theme", theme.id)] = theme.display_name
        for fy, value in sorted(theme.schedule.items()):
            out[("theme_schedule", theme.id, fy)] = _text(value) or ""
        for kpi in theme.kpis:
            out.update(flatten_kpi(kpi))
        for vision in theme.visions:
            out[("vision", vision.id)] = _text(vision.text) or ""
        for key, name in theme.labels.items():
            out[("theme_labels", theme.id, key)] = name
    if content.departments:
        out[("plan", "departments")] = msg("ui.list_separator").join(d.name for d in content.departments)
    if content.categories:
        out[("plan", "categories")] = msg("ui.list_separator").join(content.categories)
    for attribute in ("version_policy", "goals"):
        text = _text(getattr(content, attribute))
        if text:
            out[("plan", attribute)] = text
    for chapter in content.chapters:
        out[("chapter", chapter.id)] = f"{chapter.title}\n{chapter.markdown.strip()}"
    for kpi in content.kpis:
        out.update(flatten_kpi(kpi))
    return out


def _plan_key_ignored(key: FieldKey, ignore: tuple[str, ...]) -> bool:
    """Plan-level keys that belong to an omitted field: the department list, the theme tree."""
    if key == ("plan", "departments"):
        return "departments" in ignore
    if key[0] in ("theme", "vision"):
        return "theme" in ignore
    if key[0] == "chapter":
        return "chapters" in ignore
    return False


def compare_fields(old: dict[FieldKey, str], new: dict[FieldKey, str]) -> list[FieldChange]:
    """Changes in the order of the new fields, removed ones where they used to be."""
    changes: list[FieldChange] = []
    keys = list(new)
    for index, key in enumerate(old):
        if key not in new:
            # Place a removed field right after its predecessor in the old order.
            predecessors = list(old)[:index]
            position = max((keys.index(k) + 1 for k in predecessors if k in keys), default=0)
            keys.insert(position, key)
    for key in keys:
        before, after = old.get(key), new.get(key)
        if before != after:
            changes.append(FieldChange(key, before, after))
    return changes


def flatten_stage(version: Version | None, stage_name: Callable[[str], str] = str) -> dict[FieldKey, str]:
    """A 版's stage facts as plain text, as the revision history states them: its public-comment
    period, what the consultation excluded, the stage planned next and its planned date.
    `stage_name`: a stage id → the site's name for it."""
    out: dict[FieldKey, str] = {}
    if version is None:
        return out
    comment, following = version.public_comment, version.next_stage
    if comment is not None and (comment.start or comment.end):
        def day(value):
            return fiscal.date_label(value) if value else msg("ui.not_stated")
        out[("version", "public_comment")] = msg("ui.public_comment_range", start=day(comment.start), end=day(comment.end))
    if comment is not None and comment.excludes:
        out[("version", "public_comment_excludes")] = _text(comment.excludes)
    if following is not None:
        out[("version", "next_stage")] = stage_name(following.status)
        out[("version", "next_stage_date")] = fiscal.date_label(following.date) if following.date else \
            msg("ui.next_stage_date_unstated")
    return out


def diff_contents(old: PlanContent, new: PlanContent, ignore: tuple[str, ...] = (),
                  versions: tuple[Version | None, Version | None] = (None, None),
                  stage_name: Callable[[str], str] = str) -> PlanDiff:
    """Changes from `old` to `new`. `ignore` names fields the newer 版's source document does
    not contain: their absence there is not reported as a deletion (additions still are).
    `versions`: the two 版 (None for the working copy), whose stage facts are compared too
    (`stage_name`: the site's name of a stage id)."""
    # the working copy states no stage facts yet (`planpub release` records them): not compared
    plan_fields = compare_fields(flatten_stage(versions[0], stage_name), flatten_stage(versions[1], stage_name)) \
        if None not in versions else []
    plan_fields += [f for f in compare_fields(flatten_plan(old), flatten_plan(new))
                    if not (f.kind == "removed" and _plan_key_ignored(f.key, ignore))]
    result = PlanDiff(plan_fields=plan_fields, ignored=tuple(ignore), fields=new.fields)
    old_ids = [i.id for i in old.initiatives]
    new_ids = [i.id for i in new.initiatives]
    order = new_ids + [i for i in old_ids if i not in new_ids]
    for initiative_id in order:
        before, after = old.initiative(initiative_id), new.initiative(initiative_id)
        fields = [f for f in compare_fields(flatten_initiative(before, new.fields) if before else {},
                                            flatten_initiative(after, new.fields) if after else {})
                  if not (f.kind == "removed" and f.key[0] in ignore)]
        if before is None or after is None or fields:
            result.initiatives.append(InitiativeChange(initiative_id, before, after, fields))
    return result


@dataclass(frozen=True)
class Segment:
    """A run of text that is the same in both, only in the old, or only in the new value."""

    kind: str  # "equal" | "delete" | "insert"
    text: str


def inline_diff(old: str | None, new: str | None) -> list[Segment]:
    """Character-level differences (Japanese has no spaces to split words on)."""
    old, new = old or "", new or ""
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    segments: list[Segment] = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(Segment("equal", old[a1:a2]))
        if op in ("delete", "replace"):
            segments.append(Segment("delete", old[a1:a2]))
        if op in ("insert", "replace"):
            segments.append(Segment("insert", new[b1:b2]))
    return segments


def omitted_between(old_version, new_version) -> tuple[str, ...]:
    """Fields whose absence in the newer 版 is not a deletion: its document lacks them."""
    return tuple(sorted(set(new_version.omits)))


def initiative_changed(before: Initiative, after: Initiative, ignore: tuple[str, ...] = (),
                       fields: FieldSet = INITIATIVE_FIELDS) -> bool:
    """Whether one initiative differs between two 版, apart from ignored fields."""
    return any(not (f.kind == "removed" and f.key[0] in ignore)
               for f in compare_fields(flatten_initiative(before, fields), flatten_initiative(after, fields)))

