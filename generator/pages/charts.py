"""Geometry for the build-time SVG charts (numbers only; the markup is in theme/ templates).

Charts never rely on colour alone: series differ in line style and marker shape, and
every chart has a text alternative and a table next to it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from generator.model.kpi import KpiAssessment

# Sized for a phone: the SVG scales with its box, so a 360-unit-wide chart drawn 358 px wide
# (a 390 px screen) shows its 15-unit text at about 15 px, and at 320 px wide still at 12 px.
WIDTH, HEIGHT = 360, 220
FONT = 15
RIGHT, TOP, BOTTOM = 12, 16, 40


def text_width(text: str, font: int = FONT) -> float:
    """Estimated drawn width: full-width characters one em, others about 0.6 em."""
    return sum(font if ord(ch) > 0x2000 else font * 0.6 for ch in text)


def tick_text(value: float) -> str:
    """Axis labels: at most one decimal, thousands separated."""
    return f"{round(value):,}" if abs(value - round(value)) < 0.05 else f"{value:,.1f}"


@dataclass(frozen=True)
class ChartPoint:
    x: float
    y: float
    fy: int
    value: float


@dataclass(frozen=True)
class YearLabel:
    fy: int
    x: float          # where the label is drawn: under its point, kept inside the chart
    shown: bool       # labels that would overlap their neighbour are left out (the table has every year)


@dataclass
class LineChart:
    width: int = WIDTH
    height: int = HEIGHT
    font: int = FONT
    years: list[YearLabel] = field(default_factory=list)
    ticks: list[tuple[str, float]] = field(default_factory=list)      # (label, y)
    targets: list[ChartPoint] = field(default_factory=list)
    actuals: list[ChartPoint] = field(default_factory=list)
    baseline: ChartPoint | None = None
    left: int = 56
    right: int = WIDTH - RIGHT
    top: int = TOP
    bottom: int = HEIGHT - BOTTOM

    @staticmethod
    def polyline(points: list[ChartPoint]) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in points)


@dataclass(frozen=True)
class KpiFigure:
    """A KPI with one number only: shown as that number with its year, not a one-point chart."""

    kind: str                 # "target" | "actual" | "baseline"
    value: float
    fy: int | None
    as_of: str | None = None


def _numeric_points(assessment: KpiAssessment):
    # A target with no year of its own has no place on a time axis (the table shows it).
    targets = [t for t in assessment.targets if t.value is not None and t.fy is not None]
    actuals = [a for a in assessment.actuals if a.value is not None]
    baseline = assessment.baseline if assessment.baseline and assessment.baseline.value is not None else None
    return targets, actuals, baseline


def kpi_figure(assessment: KpiAssessment) -> KpiFigure | None:
    """The single number of a KPI that states only one, else None."""
    targets, actuals, baseline = _numeric_points(assessment)
    points = [("target", p) for p in targets] + [("actual", p) for p in actuals] + \
        ([("baseline", baseline)] if baseline else [])
    if len(points) != 1:
        return None
    kind, point = points[0]
    return KpiFigure(kind, point.value, point.fy, point.as_of)


def kpi_chart(assessment: KpiAssessment, year_label=lambda fy: str(fy)) -> LineChart | None:
    """A line chart of targets vs actuals, or None when there are fewer than two numbers to
    draw (a single one is a figure, kpi_figure). `year_label` gives an axis label's text."""
    targets, actuals, baseline = _numeric_points(assessment)
    if len(targets) + len(actuals) + (1 if baseline else 0) < 2 or not (targets or actuals):
        return None
    years = sorted({p.fy for p in targets + actuals} | ({baseline.fy} if baseline and baseline.fy else set()))
    values = [p.value for p in targets + actuals] + ([baseline.value] if baseline else [])
    low = min(0.0, min(values))
    step = nice_step((max(values) - low) / 4 if max(values) > low else 1.0)
    high = low + step * max(1, math.ceil((max(values) * 1.05 - low) / step))
    count = round((high - low) / step)
    labels = [tick_text(low + step * i) for i in range(count + 1)]
    # The left margin fits the longest tick label, so no label is clipped.
    chart = LineChart(left=math.ceil(max(text_width(t) for t in labels)) + 10)
    span_x = chart.right - chart.left
    x_step = span_x / max(len(years) - 1, 1)
    x_of = {fy: chart.left + (x_step * i if len(years) > 1 else span_x / 2) for i, fy in enumerate(years)}

    def y_of(value: float) -> float:
        return chart.bottom - (value - low) / (high - low) * (chart.bottom - chart.top)

    widest = max(text_width(year_label(fy)) for fy in years)
    every = max(1, math.ceil((widest + 6) / x_step)) if len(years) > 1 else 1
    chart.years = [YearLabel(fy, min(max(x_of[fy], widest / 2 + 2), chart.width - widest / 2 - 2),
                             (len(years) - 1 - i) % every == 0)   # the latest year is always labelled
                   for i, fy in enumerate(years)]
    chart.ticks = [(label, y_of(low + step * i)) for i, label in enumerate(labels)]
    chart.targets = [ChartPoint(x_of[p.fy], y_of(p.value), p.fy, p.value) for p in targets]
    chart.actuals = [ChartPoint(x_of[p.fy], y_of(p.value), p.fy, p.value) for p in actuals]
    if baseline and baseline.fy:
        chart.baseline = ChartPoint(x_of[baseline.fy], y_of(baseline.value), baseline.fy, baseline.value)
    return chart


def nice_step(raw: float) -> float:
    """The smallest of 1, 2, 2.5, 5 × 10^n that is at least `raw` (readable axis ticks)."""
    if raw <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * magnitude >= raw:
            return factor * magnitude
    return 10 * magnitude


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    y: float
    width: float
    css: str


@dataclass
class BarChart:
    bars: list[Bar]
    width: int
    height: int
    label_width: int
    bar_height: int
    font: int = FONT


def bar_chart(counts: list[tuple[str, int, str]], width: int = WIDTH) -> BarChart:
    """Horizontal bars for (label, count, css class) rows; the label column fits the longest label."""
    # `pad` keeps the labels' glyph boxes (a CJK font's ascent exceeds its size) inside the viewBox
    bar_height, gap, pad = 24, 10, 4
    label_width = math.ceil(max((text_width(label) for label, _, _ in counts), default=0)) + 12
    top = max((count for _, count, _ in counts), default=0) or 1
    usable = width - label_width - 48
    bars = [Bar(label, count, pad + i * (bar_height + gap), usable * count / top, css)
            for i, (label, count, css) in enumerate(counts)]
    height = pad + max(len(bars) * (bar_height + gap), bar_height) + pad
    return BarChart(bars, width, height, label_width, bar_height)
