"""Japanese fiscal years and dates as citizens read them.

A fiscal year (年度) starts on 1 April and is named by the calendar year it starts
in: 令和6年度（2024年度） runs from April 2024 to March 2025.
"""

from __future__ import annotations

import datetime as dt
import os
import re

# (first day of the era, era name); newest first.
ERAS: tuple[tuple[dt.date, str], ...] = (
    (dt.date(2019, 5, 1), "令和"),
    (dt.date(1989, 1, 8), "平成"),
    (dt.date(1926, 12, 25), "昭和"),
)


def era_year(year: int) -> tuple[str, int]:
    """Era name and era year of a fiscal year.

    Official usage names FY2019 令和元年度 although it began under 平成, so a fiscal
    year takes the newest era that started by its last day (31 March) - unless that
    would give year 0 (FY1988 stays 昭和63年度).
    """
    end = dt.date(year + 1, 3, 31)
    for start, name in ERAS:
        if end >= start and year - start.year + 1 >= 1:
            return name, year - start.year + 1
    raise ValueError(f"year {year} is before the supported eras")


def wareki_year_text(name: str, number: int) -> str:
    return f"{name}{'元' if number == 1 else number}"


def fy_label(year: int, language: str = "ja") -> str:
    """2024 -> 令和6年度（2024年度）; 2019 -> 令和元年度（2019年度）; English: FY2024."""
    if language != "ja":
        return f"FY{year}"
    name, number = era_year(year)
    return f"{wareki_year_text(name, number)}年度（{year}年度）"


def years_in(label: str) -> list[int]:
    """The 西暦 years written in a fiscal-year label (「令和6年度（2024年度）」, "FY2024" → [2024])."""
    return [int(y) for y in re.findall(r"(?<!\d)(\d{4})(?!\d)", label or "")]


def fy_short(year: int, language: str = "ja") -> str:
    """Compact form for narrow table headers: R6（2024）."""
    if language != "ja":
        return f"FY{year}"
    name, number = era_year(year)
    return f"{wareki_year_text(name, number)}年度"


def date_label(value: str | None, language: str = "ja") -> str:
    """'2026-03-26' -> 2026年3月26日; '2023-07' -> 2023年7月."""
    if not value:
        return ""
    parts = [int(p) for p in str(value).split("-")]
    if language != "ja":
        months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return f"{parts[2]} {months[parts[1] - 1]} {parts[0]}" if len(parts) == 3 else f"{months[parts[1] - 1]} {parts[0]}"
    if len(parts) == 3:
        return f"{parts[0]}年{parts[1]}月{parts[2]}日"
    return f"{parts[0]}年{parts[1]}月"


def build_date() -> dt.date:
    """Today, or the date given by SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
    return dt.date.today()


def fiscal_year_of(day: dt.date) -> int:
    return day.year if day.month >= 4 else day.year - 1
