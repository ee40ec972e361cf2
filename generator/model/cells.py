"""Cells a spreadsheet cannot take for a formula (CSV injection, as OWASP describes it).

A spreadsheet opening a CSV file decides by the first character whether a cell is a formula:
text starting with 「=」「+」「-」「@」, a tab or a carriage return is written after an
apostrophe, which it then shows as text. Both the staff workbook's CSV (staff/tableio.py) and
the open data (pages/opendata.py) write their text cells through `neutralise`; `restore`
reads a staff CSV back exactly."""

from __future__ import annotations

# A spreadsheet opening a CSV file reads a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT_MARK = "'"


def neutralise(value):
    """A CSV cell that no spreadsheet reads as a formula: text starting with 「=」「+」「-」「@」,
    a tab or a carriage return is written after an apostrophe, and so is text that starts
    with an apostrophe (so `restore` can tell the two apart)."""
    if isinstance(value, str) and value.startswith((*FORMULA_STARTS, TEXT_MARK)):
        return TEXT_MARK + value
    return value


def restore(value: str) -> str:
    """The value `neutralise` wrote: one leading apostrophe dropped where it marks one.
    An apostrophe staff typed before other text stays."""
    if value.startswith(TEXT_MARK) and value[1:].startswith((*FORMULA_STARTS, TEXT_MARK)):
        return value[1:]
    return value
