"""An initiative (or a sub-item) resolved for one edition: every field of the plan with its
state, label and source, its measures, its schedule's columns and its latest status."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from generator.i18n import msg
from generator.model.fields import INITIATIVE_FIELDS, FieldSet, Place, unregistered
from generator.model.kinds import kind_of
from generator.model.plan import Initiative, ItemTree, Progress, Text
from generator.model.resolved.kpis import ResolvedKpi
from generator.model.resolved.labels import LabelScope
from generator.model.resolved.values import Source, State, Value


@dataclass(frozen=True)
class StatusEntry:
    """The latest stated status: its fiscal year, its name and the 版 that states it."""

    fy: int
    name: str
    source: Source | None = None


@dataclass(frozen=True)
class Planned:
    """What the schedule's rows state for one fiscal year, each item with the row it belongs
    to, and the 版 that states them (an earlier one's when any is carried)."""

    text: Text
    source: Source | None = None


# The rows of the schedule table that say what is done when (goals and progress are not plans).
PLANNED_ROWS = ("schedule", "activities")


@dataclass(frozen=True)
class ResolvedInitiative(ItemTree):
    id: str
    title: str                                   # as written (inline markup allowed)
    values: dict[str, Value]                     # every field the plan uses, in registry order
    labels: LabelScope
    number: str | None = None
    items: list["ResolvedInitiative"] = field(default_factory=list)
    kpis: list[ResolvedKpi] = field(default_factory=list)   # its own (a sub-item's are on the sub-item)
    schedule_years: list[int] = field(default_factory=list)  # columns of its schedule table ([]: no table)
    done_before: bool = False                    # an item done before the plan period (「令和4年度済」)
    stated_labels: dict[str, str] = field(default_factory=dict)   # names its own document gives fields
    status: StatusEntry | None = None            # None also where the plan has no progress field
    missing: list[str] = field(default_factory=list)   # labels of expected fields its document does not state
    earlier_details: Source | None = None        # an earlier 版 that stated more about it (frozen 版 only)
    parent_id: str | None = None
    stated_id: str | None = None
    anchor: str = ""                             # a sub-item's place on its initiative's page ("item-<id>")

    def value(self, key: str) -> Value:
        """One field (a field the plan does not use: NOT_USED)."""
        found = self.values.get(key)
        return found if found is not None else not_used(key)

    def at(self, place: Place | str) -> list[Value]:
        """The fields a page shows at `place`, in their order there (never a NOT_USED one)."""
        return sorted((v for v in self.values.values() if v.field.place == place), key=lambda v: v.field.order)

    def stated(self, key: str):
        """A field's value when stated (carried included), else an empty value of its kind."""
        value = self.value(key)
        return value.value if value.stated else kind_of(value.field.kind).empty

    @cached_property
    def carried(self) -> list[Value]:
        return [v for v in self.values.values() if v.carried]

    @cached_property
    def carried_from(self) -> list[Source]:
        """The earlier 版 its carried values come from, in the order of its fields."""
        sources: list[Source] = []
        for value in self.carried:
            if value.source not in sources:
                sources.append(value.source)
        return sources

    @cached_property
    def departments(self) -> list[str]:
        return list(self.stated("departments"))

    @cached_property
    def categories(self) -> list[str]:
        return list(self.stated("categories"))

    @cached_property
    def theme(self) -> str | None:
        return self.stated("theme")

    @cached_property
    def related_themes(self) -> list[str]:
        return list(self.stated("related_themes"))

    @cached_property
    def related(self) -> list[str]:
        return list(self.stated("related"))

    def planned(self, fy: int | None) -> Planned | None:
        """What its schedule's rows state for one fiscal year, as the schedule table shows that
        year's column: the year's items, then each row whose bar spans the year — its item, with
        the text of its cell that year (「オンライン予約システムの検討: 導入・運用」), so a later
        cell never loses the item it continues."""
        if fy is None:
            return None
        per_year, rows = self.stated("schedule").get(fy), []
        for activity in self.stated("activities"):
            if activity.covers(fy, fy):   # an open-ended bar runs on through the year asked about
                cell = activity.cells.get(fy)
                rows.append(msg("ui.named_item", field=activity.name, name=cell) if cell else activity.name)
        stating = [v for key in PLANNED_ROWS if (v := self.value(key)).stated]
        source = next((v.source for v in stating if v.carried), stating[0].source if stating else None)
        if not rows:
            return Planned(per_year, source) if per_year else None
        items = (per_year.items if per_year else ()) + tuple(rows)
        return Planned(Text(items, len(items) > 1), source)

    @cached_property
    def progress_entry(self) -> tuple[int, Progress] | None:
        """The latest year's progress entry with a text."""
        progress = self.stated("progress")
        return next(((fy, p) for fy, p in sorted(progress.items(), reverse=True) if p.text), None)

    def years(self) -> list[int]:
        """Every fiscal year its per-year fields and activities state."""
        return stated_years(self.values.values())


_NOT_USED: dict[str, Value] = {}


def not_used(key: str) -> Value:
    """The value of a field a plan does not use (the same object for every item)."""
    if key not in _NOT_USED:
        registry_field = INITIATIVE_FIELDS[key] if key in INITIATIVE_FIELDS else unregistered(key)
        _NOT_USED[key] = Value(registry_field, "", State.NOT_USED)
    return _NOT_USED[key]


def stated_years(values) -> list[int]:
    years: set[int] = set()
    for value in values:
        if not value.stated:
            continue
        years.update(kind_of(value.field.kind).schedule_years(value.value))
    return sorted(years)


def schedule_columns(values: dict[str, Value], period: range) -> tuple[list[int], bool]:
    """(columns of the schedule table, whether it needs a column before the plan period):
    every year of the plan period, even empty ones, and any other year it states; no table at
    all when it states no schedule (a schedule stated as empty is a table with empty cells)."""
    years = stated_years(values.values())
    done_before = any(kind_of(v.field.kind).before_period(v.value) for v in values.values() if v.stated)
    empty = any(v.state is State.STATED_EMPTY and v.field.place == Place.SCHEDULE for v in values.values())
    if not years and not done_before and not empty:
        return [], done_before
    years = set(years) | set(period)
    if not years:   # no stated period and no year anywhere: a 済 item or an empty table, no year columns
        return [], done_before
    return list(range(min(years), max(years) + 1)), done_before


def latest_of(progress: dict[int, Progress]) -> tuple[int, str] | None:
    """The most recent fiscal year with a stated status, and that status."""
    return Initiative.latest_of(progress)


def latest_status(values: dict[str, Value]) -> StatusEntry | None:
    progress = values.get("progress")
    if progress is None or not progress.stated:
        return None
    found = latest_of(progress.value)
    return StatusEntry(found[0], found[1], progress.source) if found else None


def detail_count(pairs) -> int:
    """How much an entry states: entries of its detail fields (texts count one), from
    (field declaration, value) pairs."""
    count = 0
    for registry_field, value in pairs:
        if registry_field.detail and value:
            count += len(value) if isinstance(value, (list, dict)) else 1
    return count
