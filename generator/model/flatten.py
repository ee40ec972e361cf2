"""A value as the text the diff compares: prose, a figure of a KPI, a row of the schedule,
progress per year — each flattened into (field key → text) pairs. The kinds of field
(model/kinds.py) flatten their values with these; model/diff.py compares the pairs."""

from __future__ import annotations

from typing import Iterator

from generator.i18n import msg
from generator.model.plan import PERIOD_END, Kpi, KpiValue, Text

# A field key is a tuple: ("purpose",), ("schedule", 2024), ("kpi", "<id>", "targets", 2025) …
FieldKey = tuple


def _text(value: Text | None) -> str | None:
    if not value:
        return None
    bullet = msg("diff.bullet")
    return "\n".join(f"{bullet}{item}" if value.is_list and len(value.items) > 1 else item for item in value.items)


def _kpi_value(value: KpiValue | None) -> str | None:
    if value is None:
        return None
    parts = []
    if value.value is not None:
        parts.append(_number(value.value))
    if value.ratio is not None:
        parts.append(msg("diff.ratio", ratio=_number(value.ratio), base=value.base_fy))
    if value.change_percent is not None:
        parts.append(msg("diff.relative", percent=_number(value.change_percent), base=value.base_fy))
    if value.change is not None:
        parts.append(msg("diff.change", change=_number(value.change), base=value.base_fy))
    if value.by is not None:
        parts.append(msg("diff.by", by=msg("diff.period_end") if value.by == PERIOD_END else value.by))
    if value.text:
        parts.append(msg("diff.as_written", text=value.text))
    if value.as_of:
        parts.append(f"@{value.as_of}")
    if value.survey_planned:
        parts.append(msg("diff.survey_planned", date=value.survey_planned))
    if value.fy is not None:
        parts.insert(0, msg("diff.year_prefix", fy=value.fy))
    return " ".join(parts) or None


def _number(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def flatten_kpi(kpi: Kpi) -> dict[FieldKey, str]:
    out: dict[FieldKey, str] = {}
    base = ("kpi", kpi.id)
    out[base + ("name",)] = kpi.name
    for attribute in ("unit", "direction"):
        if getattr(kpi, attribute):
            out[base + (attribute,)] = getattr(kpi, attribute)
    for attribute in ("definition", "rationale"):
        text = _text(getattr(kpi, attribute))
        if text:
            out[base + (attribute,)] = text
    baseline = _kpi_value(kpi.baseline)
    if baseline:
        out[base + ("baseline",)] = baseline
    for kind in ("targets", "actuals"):
        for fy, value in sorted(getattr(kpi, kind).items()):
            text = _kpi_value(value)
            if text:
                out[base + (kind, fy)] = text
    target = _kpi_value(kpi.target)
    if target:
        out[base + ("target",)] = target
    for index, reference in enumerate(kpi.references):
        text = _kpi_value(reference)
        if text:
            out[base + ("references", index)] = text
    return out


def _span(activity) -> str:
    if activity.done is not None:
        return msg("diff.done", fy=activity.done)
    if activity.ongoing:
        return msg("diff.open_range", start=activity.start)
    if activity.end_unstated:
        return msg("diff.end_unstated", start=activity.start)
    return msg("diff.range", start=activity.start, end=activity.end)


def _flatten_progress(key: str, value: dict) -> Iterator[tuple[FieldKey, str]]:
    for fy, progress in sorted(value.items()):
        if progress.status:
            yield (key, fy, "status"), progress.status
        text = _text(progress.text)
        if text:
            yield (key, fy, "text"), text
        if progress.as_of:
            yield (key, fy, "as_of"), progress.as_of


# The names a kind of field (model/kinds.py) flattens its values with.
text_of, span_text, flatten_progress = _text, _span, _flatten_progress
