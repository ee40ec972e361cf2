import pytest

from generator.model.kpi import ACHIEVED, BEHIND, NOT_MEASURED, ON_TRACK, assess, resolve_target, summary
from generator.model.plan import Kpi, KpiValue


def kpi(direction="increase", baseline=None, targets=None, actuals=None):
    return Kpi(id="k", name="指標", unit="件", direction=direction,
               baseline=KpiValue(fy=baseline[0], value=baseline[1]) if baseline else None,
               targets={fy: KpiValue(**v) if isinstance(v, dict) else KpiValue(value=v) for fy, v in (targets or {}).items()},
               actuals={fy: KpiValue(value=v) for fy, v in (actuals or {}).items()})


@pytest.mark.parametrize("case, expected", [
    (kpi(targets={2024: 10, 2025: 26}), NOT_MEASURED),                                     # no actuals yet
    (kpi(targets={2024: {"text": "新規導入"}}, actuals={2024: 1}), NOT_MEASURED),            # qualitative target only
    (kpi(targets={2024: 10, 2025: 26}, actuals={2024: 10}), ON_TRACK),                      # meets this year's target
    (kpi(targets={2024: 10, 2025: 26}, actuals={2024: 8}), BEHIND),                         # misses it
    (kpi(targets={2024: 10, 2025: 26}, actuals={2024: 10, 2025: 30}), ACHIEVED),            # final target reached
    (kpi("decrease", (2022, 30), {2025: 20}, {2024: 23}), ON_TRACK),                        # lower is better, ahead of the line (23.3)
    (kpi("decrease", (2022, 30), {2025: 20}, {2024: 28}), BEHIND),                          # lower is better, too slow
    (kpi("decrease", (2022, 30), {2025: 20}, {2025: 19}), ACHIEVED),
])
def test_judgement_is_computed_from_the_data(case, expected):
    assert assess(case).judgement == expected


def test_relative_target_is_resolved_against_its_baseline():
    k = kpi("decrease", (2022, 40), {2026: {"change_percent": -50, "base_fy": 2022, "text": "50%減（令和4年度比）"}},
            {2025: 19})
    assert resolve_target(k, 2026) == 20
    result = assess(k)
    assert result.judgement == ACHIEVED
    assert result.rate == pytest.approx((19 - 40) / (20 - 40))


def test_achievement_rate_without_baseline():
    result = assess(kpi(targets={2025: 40}, actuals={2024: 10}))
    assert result.rate == pytest.approx(0.25)


def test_summary_counts_each_judgement():
    results = [assess(kpi(targets={2024: 10}, actuals={2024: 12})), assess(kpi(targets={2024: 10}))]
    assert summary(results) == {ACHIEVED: 1, ON_TRACK: 0, BEHIND: 0, NOT_MEASURED: 1}
