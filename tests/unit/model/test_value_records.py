"""A value as plain data and back (model/value_records.py)."""

from __future__ import annotations

import datetime as dt

from generator.model.plan import Kpi, KpiValue, Text
from generator.model.value_records import drop_empty, kpi_dict, kpi_from_dict, stated_date, text_value


def test_a_kpi_round_trips_through_plain_data():
    kpi = Kpi("k", "回答数", "件", "increase", baseline=KpiValue(fy=2023, survey_planned="2024-03"),
              targets={2025: KpiValue(value=10, text="10件以上")}, actuals={2024: KpiValue(value=3, as_of="2025-03")},
              initiative_id="i")
    assert kpi_from_dict(kpi_dict(kpi), "i") == kpi


def test_dates_stay_as_precise_as_written_and_empty_parts_are_left_out():
    assert stated_date(dt.date(2026, 3, 26)) == "2026-03-26"
    assert stated_date(2026) == "2026" and stated_date("2026-03") == "2026-03" and stated_date(None) is None
    assert text_value(Text(("a",))) == "a" and text_value(Text(("a", "b"), True)) == ["a", "b"]
    assert drop_empty({"a": None, "b": [], "c": 0, "d": "x"}) == {"c": 0, "d": "x"}
