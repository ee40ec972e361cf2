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


def test_chart_ticks_are_round_numbers():
    from generator.pages.charts import kpi_chart, nice_step
    assert [nice_step(x) for x in (0.3, 7, 7.5, 26, 140)] == [0.5, 10, 10, 50, 200]
    chart = kpi_chart(assess(kpi(baseline=(2023, 0), targets={2024: 10, 2025: 26}, actuals={2024: 10})))
    assert [label for label, _ in chart.ticks] == ["0", "10", "20", "30"]
    assert chart.ticks[0][1] > chart.ticks[-1][1]  # higher values are drawn higher up


def test_a_single_number_is_a_figure_not_a_chart():
    from generator.pages.charts import kpi_chart, kpi_figure
    single = assess(kpi(targets={2024: 25}))
    assert kpi_chart(single) is None
    figure = kpi_figure(single)
    assert (figure.kind, figure.value, figure.fy) == ("target", 25, 2024)
    assert kpi_figure(assess(kpi(baseline=(2023, 0), targets={2024: 10}))) is None


def test_chart_labels_fit_inside_the_chart():
    from generator.pages.charts import kpi_chart, text_width
    label = lambda fy: f"令和{fy - 2018}年度"
    chart = kpi_chart(assess(kpi(targets={2023: 1_500_000, 2024: 2, 2025: 3, 2026: 4, 2027: 5, 2028: 6,
                                          2029: 7, 2030: 8})), label)
    widest = max(text_width(label(y.fy)) for y in chart.years)
    assert all(widest / 2 <= y.x <= chart.width - widest / 2 for y in chart.years)
    shown = [y for y in chart.years if y.shown]
    assert shown[-1].fy == 2030 and len(shown) < len(chart.years)       # thinned, the latest kept
    assert all(b.x - a.x >= widest for a, b in zip(shown, shown[1:]))  # no two labels overlap
    assert chart.left >= max(text_width(t) for t, _ in chart.ticks)      # "1,600,000" is not clipped
