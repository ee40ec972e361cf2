"""A measure (KPI) resolved: every figure with its number and its words as written, the
judgement, the item it belongs to and the 版 it comes from."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model.kpi import KpiAssessment, assess, resolve
from generator.model.plan import Kpi, KpiValue, Text
from generator.model.resolved.values import Source


@dataclass(frozen=True)
class Figure:
    """A baseline, target, actual or reference figure: the number and the words as the document
    writes them (「1 名以上」), always together. A view that summarises shows `text` when there is
    one (it is what the document says), the number otherwise; the number sorts and draws."""

    value: float | int | None = None
    text: str | None = None
    unit: str | None = None
    resolved: float | None = None      # the number: `value`, or the one a relative target comes to
    change_percent: float | int | None = None
    base_fy: int | None = None
    as_of: str | None = None
    fy: int | None = None
    ratio: float | int | None = None
    change: float | int | None = None
    by: int | str | None = None

    @property
    def relative(self) -> bool:
        return any(v is not None for v in (self.ratio, self.change_percent, self.change))

    @classmethod
    def of(cls, kpi: Kpi, value: KpiValue | None, target: bool = False) -> "Figure | None":
        if value is None:
            return None
        number = resolve(kpi, value) if target else (float(value.value) if value.value is not None else None)
        return cls(value=value.value, text=value.text, unit=kpi.unit, resolved=number,
                   change_percent=value.change_percent, base_fy=value.base_fy, as_of=value.as_of, fy=value.fy,
                   ratio=value.ratio, change=value.change, by=value.by)


@dataclass(frozen=True)
class KpiOwner:
    """The item a KPI belongs to, as the site names it."""

    kind: str                      # "plan" | "theme" | "initiative" | "item" (a sub-item)
    id: str | None = None          # the theme's, initiative's or sub-item's id
    page_id: str | None = None     # the initiative whose page shows it (a sub-item's initiative)
    title: str = ""                # 「ア RPAの導入」, 「① デジタル技術の活用」
    path: tuple[str, ...] = ()     # the names above it (a sub-item: its initiative's title)
    anchor: str | None = None      # a sub-item's place on its initiative's page ("item-<id>")


@dataclass(frozen=True)
class ResolvedKpi:
    id: str
    name: str                      # as written (inline markup allowed)
    owner: KpiOwner
    source: Source                 # this 版's document, or the earlier 版 it is carried from
    assessment: KpiAssessment
    unit: str | None = None
    direction: str | None = None
    definition: Text | None = None
    rationale: Text | None = None
    baseline: Figure | None = None
    targets: dict[int, Figure] = field(default_factory=dict)
    target: Figure | None = None   # a target without a fiscal year of its own
    actuals: dict[int, Figure] = field(default_factory=dict)
    references: list[Figure] = field(default_factory=list)
    initiative_id: str | None = None   # the item's id as the data files name it
    theme_id: str | None = None

    def years(self) -> list[int]:
        return sorted(set(self.targets) | set(self.actuals))

    @property
    def carried(self) -> bool:
        return self.source.carried

    @property
    def latest(self) -> Figure | None:
        """The latest measured actual (what a summary shows), with its words as written."""
        point = self.assessment.latest
        return self.actuals.get(point.fy) if point is not None and point.fy is not None else None

    @property
    def final(self) -> Figure | None:
        """The target a summary shows: the one the judgement compares with (the overall target),
        else the last stated."""
        ordered = [figure for _, figure in sorted(self.targets.items())] + ([self.target] if self.target else [])
        points = self.assessment.targets        # one per target, in the same order
        if self.assessment.final is not None and self.assessment.final in points:
            return ordered[points.index(self.assessment.final)]
        return ordered[-1] if ordered else None


def resolve_kpi(kpi: Kpi, owner: KpiOwner, source: Source, period_end: int) -> ResolvedKpi:
    return ResolvedKpi(
        id=kpi.id, name=kpi.name, owner=owner, source=source, assessment=assess(kpi, period_end).detached(),
        unit=kpi.unit, direction=kpi.direction, definition=kpi.definition, rationale=kpi.rationale,
        baseline=Figure.of(kpi, kpi.baseline),
        targets={fy: Figure.of(kpi, v, target=True) for fy, v in kpi.targets.items()},
        target=Figure.of(kpi, kpi.target, target=True),
        actuals={fy: Figure.of(kpi, v) for fy, v in kpi.actuals.items()},
        references=[Figure.of(kpi, r) for r in kpi.references],
        initiative_id=kpi.initiative_id, theme_id=kpi.theme_id)
