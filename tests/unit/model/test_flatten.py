"""A value as the text the diff compares (model/flatten.py)."""

from __future__ import annotations

from generator.i18n import msg, set_language
from generator.model.flatten import flatten_kpi, flatten_progress, span_text, text_of
from generator.model.plan import Activity, Kpi, KpiValue, Progress, Text


def test_prose_figures_rows_and_progress_flatten_to_text():
    set_language("ja")
    assert text_of(Text(("a", "b"), True)) and text_of(None) is None
    assert span_text(Activity("周知", 2024, end_unstated=True)) == msg("diff.end_unstated", start=2024)
    assert span_text(Activity("運用", 2025, ongoing=True)) == msg("diff.open_range", start=2025)
    flat = flatten_kpi(Kpi("k", "満足度", "%", actuals={2024: KpiValue(survey_planned="2025-03")}))
    assert msg("diff.survey_planned", date="2025-03") in " ".join(flat.values())
    pairs = dict(flatten_progress("progress", {2024: Progress("運用中", Text(("開始",)), "2024-12")}))
    assert pairs[("progress", 2024, "status")] == "運用中" and pairs[("progress", 2024, "as_of")] == "2024-12"
