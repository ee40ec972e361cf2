"""KPI judgement computed from the data: 達成 / 順調 / 遅れ / 未測定, direction-aware.

Relative targets (「50%減（令和4年度比）」) are resolved against their baseline year.
The judgement compares the latest actual with the target due by that year and with
the final target; it never guesses where the data does not allow a comparison.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model.plan import Kpi

ACHIEVED, ON_TRACK, BEHIND, NOT_MEASURED = "achieved", "on_track", "behind", "not_measured"
JUDGEMENTS = (ACHIEVED, ON_TRACK, BEHIND, NOT_MEASURED)


@dataclass(frozen=True)
class Point:
    fy: int
    value: float | None   # None: a qualitative target ("新規導入") with no number
    text: str | None = None
    as_of: str | None = None


@dataclass
class KpiAssessment:
    kpi: Kpi
    targets: list[Point] = field(default_factory=list)
    actuals: list[Point] = field(default_factory=list)
    baseline: Point | None = None
    judgement: str = NOT_MEASURED
    reason: str = "no_actual"          # key of ui.kpi_reasons
    rate: float | None = None          # progress towards the final target, 1.0 = reached
    latest: Point | None = None
    due: Point | None = None           # the target the latest actual is compared with
    final: Point | None = None

    @property
    def increase(self) -> bool:
        return self.kpi.direction != "decrease"


def resolve_target(kpi: Kpi, fy: int) -> float | None:
    """A target's number: its value, or a change from the baseline year's value."""
    target = kpi.targets[fy]
    if target.value is not None:
        return float(target.value)
    if target.change_percent is not None and kpi.baseline is not None and kpi.baseline.value is not None \
            and kpi.baseline.fy == target.base_fy:
        return float(kpi.baseline.value) * (1 + float(target.change_percent) / 100)
    return None


def assess(kpi: Kpi) -> KpiAssessment:
    result = KpiAssessment(kpi)
    result.targets = [Point(fy, resolve_target(kpi, fy), kpi.targets[fy].text) for fy in sorted(kpi.targets)]
    result.actuals = [Point(fy, float(v.value) if v.value is not None else None, v.text, v.as_of)
                      for fy, v in sorted(kpi.actuals.items())]
    if kpi.baseline is not None and kpi.baseline.value is not None:
        result.baseline = Point(kpi.baseline.fy or 0, float(kpi.baseline.value), kpi.baseline.text)
    numeric_targets = [t for t in result.targets if t.value is not None]
    measured = [a for a in result.actuals if a.value is not None]
    if not measured:
        result.reason = "no_actual"
        return result
    if not numeric_targets:
        result.reason = "no_numeric_target"
        return result
    latest = measured[-1]
    final = numeric_targets[-1]
    result.latest, result.final = latest, final

    def at_least(actual: float, target: float) -> bool:
        return actual >= target if result.increase else actual <= target

    result.rate = _rate(result, latest.value, final.value)
    if at_least(latest.value, final.value):
        result.judgement, result.reason = ACHIEVED, "final_reached"
        return result
    due = [t for t in numeric_targets if t.fy <= latest.fy]
    if due:
        result.due = due[-1]
    elif result.baseline is not None and final.fy > result.baseline.fy:
        # No target due yet: compare with the straight line from the baseline to the final target.
        share = (latest.fy - result.baseline.fy) / (final.fy - result.baseline.fy)
        expected = result.baseline.value + (final.value - result.baseline.value) * share
        result.due = Point(latest.fy, expected, None)
    else:
        result.reason = "nothing_due"
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
