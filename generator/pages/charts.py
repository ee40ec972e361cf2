"""Geometry for the build-time SVG charts (numbers only; the markup is in theme/ templates).

Charts never rely on colour alone: series differ in line style and marker shape, and
every chart has a text alternative and a table next to it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from generator.model.kpi import KpiAssessment

WIDTH, HEIGHT = 480, 220
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 40


@dataclass(frozen=True)
class ChartPoint:
    x: float
    y: float
    fy: int
    value: float


@dataclass
class LineChart:
    width: int = WIDTH
    height: int = HEIGHT
    years: list[tuple[int, float]] = field(default_factory=list)      # (fy, x)
    ticks: list[tuple[float, float]] = field(default_factory=list)    # (value, y)
    targets: list[ChartPoint] = field(default_factory=list)
    actuals: list[ChartPoint] = field(default_factory=list)
    baseline: ChartPoint | None = None
    left: int = LEFT
    right: int = WIDTH - RIGHT
    top: int = TOP
    bottom: int = HEIGHT - BOTTOM

    @staticmethod
    def polyline(points: list[ChartPoint]) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in points)


def kpi_chart(assessment: KpiAssessment) -> LineChart | None:
    """A line chart of targets vs actuals, or None when there is nothing numeric to draw."""
    # A target with no year of its own has no place on a time axis (the table shows it).
    targets = [t for t in assessment.targets if t.value is not None and t.fy is not None]
    actuals = [a for a in assessment.actuals if a.value is not None]
    if not targets and not actuals:
        return None
    baseline = assessment.baseline
    years = sorted({p.fy for p in targets + actuals} | ({baseline.fy} if baseline and baseline.fy else set()))
    values = [p.value for p in targets + actuals] + ([baseline.value] if baseline else [])
    low = min(0.0, min(values))
    step = nice_step((max(values) - low) / 4 if max(values) > low else 1.0)
    high = low + step * max(1, math.ceil((max(values) * 1.05 - low) / step))
    chart = LineChart()
    span_x = chart.right - chart.left
    x_step = span_x / max(len(years) - 1, 1)
    x_of = {fy: chart.left + (x_step * i if len(years) > 1 else span_x / 2) for i, fy in enumerate(years)}

    def y_of(value: float) -> float:
        return chart.bottom - (value - low) / (high - low) * (chart.bottom - chart.top)

    chart.years = [(fy, x_of[fy]) for fy in years]
    count = round((high - low) / step)
    chart.ticks = [(low + step * i, y_of(low + step * i)) for i in range(count + 1)]
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


def bar_chart(counts: list[tuple[str, int, str]], width: int = 480, label_width: int = 120) -> BarChart:
    """Horizontal bars for (label, count, css class) rows."""
    bar_height, gap = 22, 10
    top = max((count for _, count, _ in counts), default=0) or 1
    usable = width - label_width - 48
    bars = [Bar(label, count, i * (bar_height + gap), usable * count / top, css)
            for i, (label, count, css) in enumerate(counts)]
    return BarChart(bars, width, max(len(bars) * (bar_height + gap), bar_height), label_width, bar_height)
