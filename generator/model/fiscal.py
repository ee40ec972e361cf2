"""Japanese fiscal years and dates as citizens read them.

A fiscal year (年度) starts on 1 April and is named by the calendar year it starts
in: 令和6年度（2024年度） runs from April 2024 to March 2025.
"""

from __future__ import annotations

import datetime as dt
import os
import re

from generator.i18n import msg

# (first day of the era, era name); newest first. The era names are calendar data, the
# same in every language of the site.
ERAS: tuple[tuple[dt.date, str], ...] = (
    (dt.date(2019, 5, 1), "令和"),
    (dt.date(1989, 1, 8), "平成"),
    (dt.date(1926, 12, 25), "昭和"),
)
# The first fiscal year an era names (FY1926 is 昭和元年度: it ends in 昭和2年 March).
FIRST_SUPPORTED_FY = ERAS[-1][0].year


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


def wareki_year_text(name: str, number: int, language: str = "ja") -> str:
    """令和6, 令和元 (the first year of an era is 元年)."""
    return msg("fiscal.era_year", language=language, era=name,
               number=msg("fiscal.first_year", language=language) if number == 1 else number)


def _era_words(year: int, language: str) -> dict:
    name, number = era_year(year)
    return {"era_year": wareki_year_text(name, number, language), "year": year}


def fy_label(year: int, language: str = "ja") -> str:
    """2024 -> 令和6年度（2024年度）; 2019 -> 令和元年度（2019年度）; English: FY2024."""
    return msg("fiscal.fy", language=language, **_era_words(year, language))


def years_in(label: str) -> list[int]:
    """The 西暦 years written in a fiscal-year label (「令和6年度（2024年度）」, "FY2024" → [2024])."""
    return [int(y) for y in re.findall(r"(?<!\d)(\d{4})(?!\d)", label or "")]


def fy_short(year: int, language: str = "ja") -> str:
    """Compact form for narrow table headers: 令和6年度."""
    return msg("fiscal.fy_short", language=language, **_era_words(year, language))


def date_label(value: str | None, language: str = "ja") -> str:
    """'2026-03-26' -> 2026年3月26日; '2023-07' -> 2023年7月."""
    if not value:
        return ""
    parts = [int(p) for p in str(value).split("-")]
    words = {"year": parts[0]}
    if len(parts) > 1:
        words.update(month=parts[1], month_name=msg("fiscal.months", language=language).split()[parts[1] - 1])
    if len(parts) > 2:
        words["day"] = parts[2]
    return msg(("fiscal.year", "fiscal.month", "fiscal.date")[len(parts) - 1], language=language, **words)


def wareki_date(value: str | None) -> str:
    """A date as stated, in the era calendar: '2023-12-01' -> 令和5年12月1日, '2024-02' ->
    令和6年2月, '2024' -> 令和6年 (a month or year in which an era began is named by the era
    in force at its end: 2019 -> 令和元年). Era names are calendar data, the same in every
    language; '' for no date."""
    if not value:
        return ""
    last = dt.date.fromisoformat(period_end(str(value)))
    start, name = next((start, name) for start, name in ERAS if last >= start)
    number = last.year - start.year + 1
    parts = str(value).split("-")
    words = {"year": wareki_year_text(name, number, "ja")}
    if len(parts) > 1:
        words["month"] = int(parts[1])
    if len(parts) > 2:
        words["day"] = int(parts[2])
    return msg(("fiscal.year", "fiscal.month", "fiscal.date")[len(parts) - 1], language="ja", **words)


def period_start(value: str) -> str:
    """The first day a date as written may mean ("2026" → "2026-01-01", "2026-03" → "2026-03-01")."""
    return {4: value + "-01-01", 7: value + "-01"}.get(len(value), value)


def period_end(value: str) -> str:
    """The last day a date as written may mean ("2026" → "2026-12-31", "2026-03" → "2026-03-31")."""
    if len(value) == 4:
        return value + "-12-31"
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:])
        following = dt.date(year + (month == 12), month % 12 + 1, 1)
        return (following - dt.timedelta(days=1)).isoformat()
    return value


# Dates as staff type them, read into the stated precision: 2026-09-30, 2026/9/30, 2026-09,
# 2026, 2026年9月, 令和8年9月30日, R8.9 (full-width digits too). Era names are calendar data.
_WESTERN = re.compile(r"^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$")
_DOTTED_ERA = re.compile(r"^(R|H|S)(\d{1,2})(?:\.(\d{1,2})(?:\.(\d{1,2}))?)?$")
_WRITTEN = re.compile(r"^(?:(\d{4})|(令和|平成|昭和|R|H|S)(元|\d{1,2}))年?(?:(\d{1,2})月(?:(\d{1,2})日)?)?$")
_ERA_ABBREVIATIONS = {"R": "令和", "H": "平成", "S": "昭和"}


# A fiscal year as staff type it: 2025年度, 令和7年度, R7, 令和元年度 (after NFKC).
_TYPED_FY = re.compile(r"^(?:(\d{4})|(" + "|".join([name for _, name in ERAS] + list(_ERA_ABBREVIATIONS))
                       + r")(\d{1,2}|" + "元" + r"))年?度?$")


def read_fiscal_year(text: str) -> int | None:
    """The fiscal year (its western starting year) a typed 「令和7年度」 means, or None."""
    match = _TYPED_FY.match(text.strip())
    if match is None:
        return None
    year = match[1] or _era_to_western(match[2], match[3])
    return None if year is None else int(year)


def _era_to_western(era: str, number: str) -> str | None:
    start = next((d for d, name in ERAS if name == _ERA_ABBREVIATIONS.get(era, era)), None)
    return None if start is None else str(start.year + (1 if number == "元" else int(number)) - 1)


def read_date(text: str) -> str | None:
    """A typed date as "YYYY", "YYYY-MM" or "YYYY-MM-DD" (only the parts it states), or None
    when it is not a real date."""
    import unicodedata

    value = unicodedata.normalize("NFKC", str(text)).strip().replace(" ", "")
    if match := _WESTERN.match(value):
        year, month, day = match.groups()
    elif match := _DOTTED_ERA.match(value):
        year, (month, day) = _era_to_western(match[1], match[2]), match.groups()[2:]
    elif match := _WRITTEN.match(value):
        western, era, era_number, month, day = match.groups()
        year = western or _era_to_western(era, era_number)
    else:
        return None
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except (TypeError, ValueError):
        return None
    return "-".join([year] + [f"{int(part):02d}" for part in (month, day) if part])


def build_date() -> dt.date:
    """Today, or the date given by SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
    return dt.date.today()


def build_time() -> dt.datetime:
    """Now (with its offset), or the time SOURCE_DATE_EPOCH gives for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    return dt.datetime.now().astimezone().replace(microsecond=0)


def fiscal_year_of(day: dt.date) -> int:
    return day.year if day.month >= 4 else day.year - 1
