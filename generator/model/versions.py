"""Ordering of 版 (pure functions).

Versions are ordered by publication date, never by parsing labels: 第1.41版 sits
between 1.4 and 1.5 because of its date. A 版 whose date no document states may be
placed explicitly before another with `precedes`.
"""

from __future__ import annotations

from generator.model.plan import Version


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
