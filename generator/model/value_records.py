"""A value of the model as plain data and back: prose, a date as written, a KPI and its
figures, as the content files hold them. The kinds of field (model/kinds.py) and the
records of whole documents (model/records.py) are made of these."""

from __future__ import annotations

from typing import Any

from generator.model.plan import Kpi, KpiValue, Text


def text_value(value: Text | None) -> Any:
    if value is None:
        return None
    return list(value.items) if value.is_list else value.items[0]


def _drop_empty(data: dict) -> dict:
    return {k: v for k, v in data.items() if v not in (None, [], {}, "")}


def kpi_value_dict(value: KpiValue, with_fy: bool = False) -> dict:
    """A figure as its file holds it (a KpiValue, or anything with its attributes)."""
    data = {}
    if with_fy:
        data["fy"] = value.fy
    data.update({"value": value.value, "text": value.text, "ratio": value.ratio,
                 "change_percent": value.change_percent, "change": value.change, "base_fy": value.base_fy,
                 "as_of": value.as_of, "by": value.by, "survey_planned": value.survey_planned})
    return _drop_empty(data)


def kpi_dict(kpi: Kpi) -> dict:
    """A measure as its file holds it (a Kpi, or a resolved one: the same attributes)."""
    return _drop_empty({
        "id": kpi.id, "name": kpi.name, "unit": kpi.unit, "direction": kpi.direction,
        "definition": text_value(kpi.definition), "rationale": text_value(kpi.rationale),
        "baseline": kpi_value_dict(kpi.baseline, with_fy=True) if kpi.baseline else None,
        "targets": {fy: kpi_value_dict(v) for fy, v in sorted(kpi.targets.items())},
        "target": kpi_value_dict(kpi.target) if kpi.target else None,
        "actuals": {fy: kpi_value_dict(v) for fy, v in sorted(kpi.actuals.items())},
        "references": [kpi_value_dict(r, with_fy=True) for r in kpi.references],
    })


drop_empty = _drop_empty


def stated_date(value) -> str | None:
    """A date as written ("2026-03-26", "2026-03", "2026"; YAML reads a bare year as a number
    and a full date as a date)."""
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def kpi_value_from_dict(data: dict | None) -> KpiValue | None:
    """A figure from its file's data (the inverse of kpi_value_dict)."""
    if data is None:
        return None
    return KpiValue(value=data.get("value"), text=data.get("text"), change_percent=data.get("change_percent"),
                    base_fy=data.get("base_fy"), as_of=stated_date(data.get("as_of")), fy=data.get("fy"),
                    ratio=data.get("ratio"), change=data.get("change"), by=data.get("by"),
                    survey_planned=stated_date(data.get("survey_planned")))


def kpi_from_dict(data: dict, initiative_id: str | None) -> Kpi:
    """A measure from its file's data (the inverse of kpi_dict)."""
    return Kpi(
        id=data["id"], name=data["name"], unit=data.get("unit"), direction=data.get("direction"),
        definition=Text.of(data.get("definition")), rationale=Text.of(data.get("rationale")),
        baseline=kpi_value_from_dict(data.get("baseline")),
        targets={int(fy): kpi_value_from_dict(v) for fy, v in data.get("targets", {}).items()},
        actuals={int(fy): kpi_value_from_dict(v) for fy, v in data.get("actuals", {}).items()},
        initiative_id=initiative_id, target=kpi_value_from_dict(data.get("target")),
        references=[kpi_value_from_dict(r) for r in data.get("references", [])])
