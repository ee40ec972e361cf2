"""The compare page in names, never ids: themes, visions, chapters and KPIs named by their
titles (from either 版), in field labels and in values; changed fields before added or
removed ones (the reader sees first what is different, then what is new or gone)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.i18n import msg
from generator.model.diff import FieldChange, PlanDiff, change_kind
from generator.model.fieldnames import field_label, field_name
from generator.model.fields import FieldSet, Vocabulary
from generator.model.plan import PlanContent, Vision

# Field kinds whose flattened value is a list of vocabulary ids (model/diff.py _FLATTEN).
_ID_VOCABULARIES = {Vocabulary.THEMES: "theme", Vocabulary.VISIONS: "vision", Vocabulary.INITIATIVES: "initiative"}
_KIND_ORDER = {"changed": 0, "added": 1, "removed": 2}


def vision_name(vision: Vision) -> str:
    return vision.number or (vision.text.items[0] if vision.text and vision.text.items else vision.id)


def part_names(*contents: PlanContent) -> dict[tuple[str, str], str]:
    """("theme" | "vision" | "chapter" | "kpi", id) → the name a reader knows; a later content wins."""
    names: dict[tuple[str, str], str] = {}
    for content in contents:
        names.update({("theme", t.id): t.display_name for t in content.all_themes()})
        themes = {t.id: t.display_name for t in content.all_themes()}
        # visions are numbered within their theme: 「市民の利便性向上 ①」, never two bare 「①」
        names.update({("vision", v.id): " ".join(filter(None, (themes.get(v.theme_id), vision_name(v))))
                      for v in content.all_visions()})
        names.update({("chapter", c.id): c.title for c in content.chapters})
        names.update({("kpi", k.id): k.name for k in content.all_kpis()})
        names.update({("initiative", i.id): i.display_title for i in content.initiatives})
    return names


def _named_value(value: str | None, part: str, names: dict) -> str | None:
    if value is None:
        return None
    separator = msg("ui.list_separator")
    return separator.join(names.get((part, entry), entry) for entry in value.split(separator))


def _readable_change(change: FieldChange, names: dict, fields: FieldSet) -> FieldChange:
    key = change.key
    while key[:1] == ("items",):   # a sub-item's field: its own key follows the item id
        key = key[2:]
    field = fields.by_change_key(key[0]) if len(key) == 1 else None
    part = _ID_VOCABULARIES.get(field.vocabulary) if field is not None else None   # entries of a vocabulary by id
    if part is None:
        return change
    return replace(change, old=_named_value(change.old, part, names), new=_named_value(change.new, part, names))


def _ordered(changes: list[FieldChange], names: dict, fields: FieldSet) -> list[FieldChange]:
    readable = [_readable_change(c, names, fields) for c in changes]
    return sorted(readable, key=lambda c: _KIND_ORDER[c.kind])   # stable: registry order within a kind


def readable_diff(diff: PlanDiff, names: dict) -> PlanDiff:
    """The same changes, with ids in values replaced by names and changed fields first."""
    return replace(diff, plan_fields=_ordered(diff.plan_fields, names, diff.fields),
                   initiatives=[replace(c, fields=_ordered(c.fields, names, diff.fields)) for c in diff.initiatives])


# ── what the compare page, the revision history and `planpub diff` show ─────────────────────

@dataclass(frozen=True)
class ItemName:
    title: str
    display_title: str


@dataclass(frozen=True)
class ChangeRow:
    """One changed field: its label as the plan names it, the values before and after."""

    key: tuple
    label: str
    old: str | None
    new: str | None

    @property
    def kind(self) -> str:
        return change_kind(self.old, self.new)


@dataclass(frozen=True)
class ItemChange:
    id: str
    kind: str                      # added / removed / renamed / changed
    old: ItemName | None
    new: ItemName | None
    fields: list[ChangeRow]

    @property
    def title(self) -> str:
        return (self.new or self.old).display_title


@dataclass(frozen=True)
class ReadableDiff:
    """A diff between two 版 as readers see it: every label and value in names."""

    plan_fields: list[ChangeRow]
    initiatives: list[ItemChange]
    ignored: tuple[str, ...]       # fields the newer 版's document does not contain
    ignored_labels: list[str]
    counts: dict[str, int]

    # The order every view lists changes in (the compare page, `planpub diff`): initiatives
    # changed, added, removed, renamed; then the plan-wide fields; then the chapters.
    kinds = ("changed", "added", "removed", "renamed")

    def by_kind(self, kind: str) -> list[ItemChange]:
        return [c for c in self.initiatives if c.kind == kind]

    @property
    def plan_wide(self) -> list[ChangeRow]:
        """The plan-wide changes but the chapters'."""
        return [c for c in self.plan_fields if c.key[0] != "chapter"]

    @property
    def chapters(self) -> list[ChangeRow]:
        return [c for c in self.plan_fields if c.key[0] == "chapter"]

    def summary(self) -> dict[str, int]:
        return dict(self.counts)

    @property
    def is_empty(self) -> bool:
        return not self.plan_fields and not self.initiatives


def _name(initiative) -> ItemName | None:
    return ItemName(initiative.title, initiative.display_title) if initiative is not None else None


def diff_view(diff: PlanDiff, names: dict, kpi_names: dict[str, str]) -> ReadableDiff:
    """The diff in names (`readable_diff`), each field labelled as the newer 版's plan names it."""
    readable = readable_diff(diff, names)

    def rows(changes: list[FieldChange]) -> list[ChangeRow]:
        return [ChangeRow(c.key, field_label(c.key, kpi_names, diff.fields, names), c.old, c.new) for c in changes]

    return ReadableDiff(rows(readable.plan_fields),
                        [ItemChange(c.id, c.kind, _name(c.old), _name(c.new), rows(c.fields)) for c in readable.initiatives],
                        diff.ignored, [field_name(name, diff.fields) for name in diff.ignored], diff.summary())
