"""KPI charts and figures (pages/charts.py): round ticks, labels that fit, a single number
shown as a figure, bars sized to their counts."""

from __future__ import annotations

from generator.model.kpi import assess
from generator.pages.charts import bar_chart, text_width, tick_text

from tests.unit.model.test_kpi import kpi


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



def test_bars_are_sized_to_their_counts_and_the_labels_fit():
    chart = bar_chart([("運用中", 4, "a"), ("検討中", 2, "b"), ("未着手", 0, "c")])
    assert [b.label for b in chart.bars] == ["運用中", "検討中", "未着手"]
    widths = [b.width for b in chart.bars]
    assert widths[0] == 2 * widths[1] and widths[2] == 0
    assert chart.label_width >= text_width("運用中")
    assert bar_chart([]).bars == []


def test_tick_labels_have_no_needless_decimals():
    assert [tick_text(v) for v in (10.0, 2.5, 1_000_000.0)] == ["10", "2.5", "1,000,000"]
