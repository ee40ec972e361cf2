import datetime as dt

import pytest

from generator.model import fiscal


@pytest.mark.parametrize("year, expected", [
    (2019, "令和元年度（2019年度）"),
    (2020, "令和2年度（2020年度）"),
    (2024, "令和6年度（2024年度）"),
    (2018, "平成30年度（2018年度）"),
    (1989, "平成元年度（1989年度）"),
    (1988, "昭和63年度（1988年度）"),
])
def test_fiscal_year_labels(year, expected):
    assert fiscal.fy_label(year) == expected


def test_english_fiscal_year():
    assert fiscal.fy_label(2024, "en") == "FY2024"


@pytest.mark.parametrize("day, fy", [
    (dt.date(2024, 4, 1), 2024), (dt.date(2025, 3, 31), 2024), (dt.date(2024, 3, 31), 2023),
])
def test_fiscal_year_starts_in_april(day, fy):
    assert fiscal.fiscal_year_of(day) == fy


def test_date_labels():
    assert fiscal.date_label("2026-03-26") == "2026年3月26日"
    assert fiscal.date_label("2023-07") == "2023年7月"
    assert fiscal.date_label(None) == ""


def test_build_date_honours_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1712000000")  # 2024-04-01
    assert fiscal.build_date() == dt.date(2024, 4, 1)


@pytest.mark.parametrize("language, expected", [
    ("ja", ("令和6年度（2024年度）", "令和元年度", "2026年3月26日", "2023年7月")),
    ("en", ("FY2024", "FY2019", "26 Mar 2026", "Jul 2023")),
])
def test_every_language_formats_years_and_dates(language, expected):
    assert (fiscal.fy_label(2024, language), fiscal.fy_short(2019, language), fiscal.date_label("2026-03-26", language),
            fiscal.date_label("2023-07", language)) == expected
