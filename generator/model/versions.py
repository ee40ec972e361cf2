"""Ordering of 版 (pure functions).

Versions are ordered by publication date, never by parsing labels: 第1.41版 sits
between 1.4 and 1.5 because of its date. A 版 whose date no document states may be
placed explicitly before another with `precedes`.
"""

from __future__ import annotations

from generator.model.plan import Version
from generator.model.value_records import stated_date


def order_versions(versions: list[Version]) -> list[Version]:
    """Dated versions by date (stable for equal dates), undated ones before their `precedes`."""
    dated = sorted((v for v in versions if v.date), key=lambda v: v.date)
    undated = [v for v in versions if not v.date]
    result = list(dated)
    pending = list(undated)
    # Undated versions may precede each other; insert until no more progress is made.
    while pending:
        progressed = False
        for version in list(pending):
            target = _find(result, version.precedes)
            if target is not None:
                result.insert(result.index(target), version)
                pending.remove(version)
                progressed = True
        if not progressed:
            result = pending + result  # unresolved: validation reports them; keep them visible
            break
    return result


def _find(versions: list[Version], ref: str | None) -> Version | None:
    if ref is None:
        return None
    return next((v for v in versions if v.label == ref or v.id == ref), None)


def display_name(label: str | None, name: str | None, fallback: str, date: str | None = None) -> str:
    """What a 版 is called: its name as written, else 「第{label}版」, else — a 版 the document
    gives no number — by its date (「2023年7月の版」), else its id."""
    from generator.i18n import current_language, msg
    if name:
        return name
    if label:
        return msg("ui.version_name", label=label)
    if date:
        from generator.model import fiscal
        return msg("ui.version_of_date", date=fiscal.date_label(date, current_language()))
    return fallback


def history_label(entry: dict) -> str | None:
    """The number a history.yml entry states; None for a 版 the document gives no number."""
    return str(entry["label"]) if entry.get("label") is not None else None


def history_id(entry: dict) -> str | None:
    """The id (and address) of a history.yml entry: its number, else — a 版 without a number —
    its date as stated (「2023-07」), as `planpub release` names an unnumbered 版; None when
    the entry states neither (validation reports it)."""
    label = history_label(entry)
    return label if label is not None else stated_date(entry.get("date"))
