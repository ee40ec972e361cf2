"""Field-level changes between two 版 of a plan (pure data, no presentation).

Each initiative, KPI and the plan itself are flattened into ordered (field key → text)
pairs; comparing two flattenings gives added, removed and changed fields. The site's
diff pages, the revision-history summaries, `planpub diff` and `planpub release` all
use this one module, so they always agree.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from generator.i18n import msg
from generator.model.fields import INITIATIVE_FIELDS, FieldSet, Kind
from generator.model.plan import PERIOD_END, Initiative, Kpi, KpiValue, PlanContent, Text

# A field key is a tuple: ("purpose",), ("schedule", 2024), ("kpi", "<id>", "targets", 2025) …
FieldKey = tuple


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


def _text(value: Text | None) -> str | None:
    if not value:
        return None
    bullet = msg("diff.bullet")
    return "\n".join(f"{bullet}{item}" if value.is_list and len(value.items) > 1 else item for item in value.items)


def _kpi_value(value: KpiValue | None) -> str | None:
    if value is None:
        return None
    parts = []
    if value.value is not None:
        parts.append(_number(value.value))
    if value.ratio is not None:
        parts.append(msg("diff.ratio", ratio=_number(value.ratio), base=value.base_fy))
    if value.change_percent is not None:
        parts.append(msg("diff.relative", percent=_number(value.change_percent), base=value.base_fy))
    if value.change is not None:
        parts.append(msg("diff.change", change=_number(value.change), base=value.base_fy))
    if value.by is not None:
        parts.append(msg("diff.by", by=msg("diff.period_end") if value.by == PERIOD_END else value.by))
    if value.text:
        parts.append(msg("diff.as_written", text=value.text))
    if value.as_of:
        parts.append(f"@{value.as_of}")
    if value.survey_planned:
        parts.append(msg("diff.survey_planned", date=value.survey_planned))
    if value.fy is not None:
        parts.insert(0, msg("diff.year_prefix", fy=value.fy))
    return " ".join(parts) or None


def _number(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def flatten_kpi(kpi: Kpi) -> dict[FieldKey, str]:
    out: dict[FieldKey, str] = {}
    base = ("kpi", kpi.id)
    out[base + ("name",)] = kpi.name
    for attribute in ("unit", "direction"):
        if getattr(kpi, attribute):
            out[base + (attribute,)] = getattr(kpi, attribute)
    for attribute in ("definition", "rationale"):
        text = _text(getattr(kpi, attribute))
        if text:
            out[base + (attribute,)] = text
    baseline = _kpi_value(kpi.baseline)
    if baseline:
        out[base + ("baseline",)] = baseline
    for kind in ("targets", "actuals"):
        for fy, value in sorted(getattr(kpi, kind).items()):
            text = _kpi_value(value)
            if text:
                out[base + (kind, fy)] = text
    target = _kpi_value(kpi.target)
    if target:
        out[base + ("target",)] = target
    for index, reference in enumerate(kpi.references):
        text = _kpi_value(reference)
        if text:
            out[base + ("references", index)] = text
    return out


def _span(activity) -> str:
    if activity.done is not None:
        return msg("diff.done", fy=activity.done)
    if activity.ongoing:
        return msg("diff.open_range", start=activity.start)
    if activity.end_unstated:
        return msg("diff.end_unstated", start=activity.start)
    return msg("diff.range", start=activity.start, end=activity.end)


def _flatten_progress(key: str, value: dict) -> Iterator[tuple[FieldKey, str]]:
    for fy, progress in sorted(value.items()):
        if progress.status:
            yield (key, fy, "status"), progress.status
        text = _text(progress.text)
        if text:
            yield (key, fy, "text"), text
        if progress.as_of:
            yield (key, fy, "as_of"), progress.as_of


# Each kind of field as (key → text) pairs; an absent or empty value gives none.
_FLATTEN: dict[Kind, Callable[[str, object], Iterable[tuple[FieldKey, str]]]] = {
    Kind.LABEL: lambda key, value: [((key,), value)] if value else [],
    Kind.TEXT: lambda key, value: [((key,), text)] if (text := _text(value)) else [],
    Kind.REF: lambda key, value: [((key,), value)] if value else [],
    Kind.REFS: lambda key, value: [((key,), msg("ui.list_separator").join(value))] if value else [],
    Kind.YEAR_TEXTS: lambda key, value: [((key, fy), text) for fy, item in sorted(value.items())
                                         if (text := _text(item))],
    Kind.ACTIVITIES: lambda key, value: [pair for a in value for pair in
                                         [((key, a.name), _span(a))] + [((key, a.name, fy), text)
                                                                        for fy, text in sorted(a.cells.items())]],
    Kind.PROGRESS: _flatten_progress,
    Kind.KPIS: lambda key, value: [pair for kpi in value for pair in flatten_kpi(kpi).items()],
    Kind.FISCAL_YEAR: lambda key, value: [((key,), str(value))] if value is not None else [],
}


def flatten_initiative(initiative: Initiative, fields: FieldSet = INITIATIVE_FIELDS) -> dict[FieldKey, str]:
    """Ordered fields of an initiative as plain text, in registry order."""
    out: dict[FieldKey, str] = {}
    for field in fields:
        out.update(_FLATTEN[field.kind](field.change_key if field.kind is Kind.KPIS else field.key,
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


def diff_contents(old: PlanContent, new: PlanContent, ignore: tuple[str, ...] = ()) -> PlanDiff:
    """Changes from `old` to `new`. `ignore` names fields the newer 版's source document does
    not contain: their absence there is not reported as a deletion (additions still are)."""
    plan_fields = [f for f in compare_fields(flatten_plan(old), flatten_plan(new))
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
