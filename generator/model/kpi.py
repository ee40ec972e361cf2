"""KPI judgement computed from the data: 達成 / 順調 / 遅れ / 未測定, direction-aware.

Targets are judged as the document states them:
- a number for a fiscal year, or a target with no year of its own (`Kpi.target`: by a
  named fiscal year, by the end of the plan period, or with no time stated);
- relative to a named base year — a ratio (「1.5倍」), a change in percent (「50%減」) or
  in units — resolved once the base year's value is known (the baseline of that year,
  or the actual measured for it); until then the target is shown as written, not judged;
- in words only (「新規導入」): shown, never judged.
Reference figures (〈参考〉) are shown but never count as actuals. The judgement compares
the latest actual with the target due by that year and with the final target; it never
guesses where the data does not allow a comparison.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from generator.model.plan import PERIOD_END, Kpi, KpiValue

ACHIEVED, ON_TRACK, BEHIND, NOT_MEASURED = "achieved", "on_track", "behind", "not_measured"
JUDGEMENTS = (ACHIEVED, ON_TRACK, BEHIND, NOT_MEASURED)


@dataclass(frozen=True)
class Point:
    fy: int | None         # None: a target with no fiscal year stated
    value: float | None    # None: not a number (words only, or relative to a base not yet known)
    text: str | None = None
    as_of: str | None = None


@dataclass
class KpiAssessment:
    kpi: Kpi | None                    # None once detached (what views get: the judgement, not the measure)
    targets: list[Point] = field(default_factory=list)
    actuals: list[Point] = field(default_factory=list)
    baseline: Point | None = None
    judgement: str = NOT_MEASURED
    reason: str = "no_actual"          # key of ui.kpi_reasons
    rate: float | None = None          # progress towards the final target, 1.0 = reached
    latest: Point | None = None
    due: Point | None = None           # the target the latest actual is compared with
    final: Point | None = None

    direction: str | None = None

    @property
    def increase(self) -> bool:
        return self.direction != "decrease"

    def detached(self) -> "KpiAssessment":
        """The judgement, its points and reasons without the raw measure (views read the
        resolved measure instead: model/resolved/kpis.py)."""
        return replace(self, kpi=None)


def base_value(kpi: Kpi, base_fy: int | None) -> float | None:
    """The value a relative target is relative to: the baseline of its base year, or the
    actual measured for that year."""
    baseline = kpi.baseline
    if baseline is not None and baseline.value is not None and (base_fy is None or baseline.fy == base_fy):
        return float(baseline.value)
    actual = kpi.actuals.get(base_fy) if base_fy is not None else None
    return float(actual.value) if actual is not None and actual.value is not None else None


def resolve(kpi: Kpi, target: KpiValue) -> float | None:
    """A target's number: its value, or its change from the base year's value once known."""
    if target.value is not None:
        return float(target.value)
    if not target.relative:
        return None
    base = base_value(kpi, target.base_fy)
    if base is None:
        return None
    if target.ratio is not None:
        return base * float(target.ratio)
    if target.change_percent is not None:
        return base * (1 + float(target.change_percent) / 100)
    return base + float(target.change)


def resolve_target(kpi: Kpi, fy: int) -> float | None:
    return resolve(kpi, kpi.targets[fy])


def target_year(target: KpiValue, period_end: int | None) -> int | None:
    """The fiscal year a target without a year of its own is due: the one it names, the
    plan period's last, or none stated."""
    if target.by == PERIOD_END:
        return period_end
    return target.by if isinstance(target.by, int) else None


def assess(kpi: Kpi, period_end: int | None = None) -> KpiAssessment:
    result = KpiAssessment(kpi, direction=kpi.direction)
    result.targets = [Point(fy, resolve_target(kpi, fy), kpi.targets[fy].text) for fy in sorted(kpi.targets)]
    if kpi.target is not None:
        result.targets.append(Point(target_year(kpi.target, period_end), resolve(kpi, kpi.target), kpi.target.text))
    result.actuals = [Point(fy, float(v.value) if v.value is not None else None, v.text, v.as_of)
                      for fy, v in sorted(kpi.actuals.items())]
    if kpi.baseline is not None and kpi.baseline.value is not None:
        result.baseline = Point(kpi.baseline.fy, float(kpi.baseline.value), kpi.baseline.text, kpi.baseline.as_of)
    numeric_targets = [t for t in result.targets if t.value is not None]
    measured = [a for a in result.actuals if a.value is not None]
    stated = [*kpi.targets.values(), *([kpi.target] if kpi.target else [])]
    if stated and all(t.value is None and not t.relative for t in stated):
        result.reason = "qualitative"   # targets in words only: shown as written, never judged
        return result
    if not measured:
        result.reason = "no_actual"
        return result
    if not numeric_targets:
        pending = [t for t in [*kpi.targets.values(), *([kpi.target] if kpi.target else [])] if t.relative]
        result.reason = "base_not_measured" if pending else "no_numeric_target"
        return result
    latest = measured[-1]
    dated = sorted((t for t in numeric_targets if t.fy is not None), key=lambda t: t.fy)
    undated = [t for t in numeric_targets if t.fy is None]
    final = undated[-1] if undated else dated[-1]   # a target with no time stated is the overall one
    result.latest, result.final = latest, final

    def at_least(actual: float, target: float) -> bool:
        return actual >= target if result.increase else actual <= target

    result.rate = _rate(result, latest.value, final.value)
    if at_least(latest.value, final.value):
        result.judgement, result.reason = ACHIEVED, "final_reached"
        return result
    due = [t for t in dated if t.fy <= latest.fy]
    if due:
        result.due = due[-1]
    elif (upcoming := next((t for t in dated if t.fy > latest.fy), None)) is not None and \
            result.baseline is not None and result.baseline.fy is not None and upcoming.fy > result.baseline.fy:
        # No target due yet: compare with the straight line from the baseline to the next target.
        share = (latest.fy - result.baseline.fy) / (upcoming.fy - result.baseline.fy)
        expected = result.baseline.value + (upcoming.value - result.baseline.value) * share
        result.due = Point(latest.fy, expected, None)
    else:
        result.reason = "no_target_year" if final.fy is None else "nothing_due"
        return result
    if at_least(latest.value, result.due.value):
        result.judgement, result.reason = ON_TRACK, "due_reached"
    else:
        result.judgement, result.reason = BEHIND, "due_missed"
    return result


def _rate(result: KpiAssessment, actual: float, final: float) -> float | None:
    if result.baseline is not None and final != result.baseline.value:
        return (actual - result.baseline.value) / (final - result.baseline.value)
    if result.increase and final:
        return actual / final
    if not result.increase and actual:
        return final / actual
    return None


def summary(assessments: list[KpiAssessment]) -> dict[str, int]:
    counts = {judgement: 0 for judgement in JUDGEMENTS}
    for assessment in assessments:
        counts[assessment.judgement] += 1
    return counts
