"""The model as plain data (dicts, lists, strings): the shape of the content files.

The inverse of the loader. The canonical YAML writer (staff/serialize.py) dumps these,
and open data (pages/opendata.py) publishes them in plan.json; keys come in the order
of the JSON Schema (for initiatives, the field registry's).
"""

from __future__ import annotations

from typing import Any, Callable

from generator.model.fields import INITIATIVE_FIELDS, FieldSet, Kind
from generator.model.plan import Initiative, Kpi, KpiValue, PlanContent, Text, Theme


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
                 "as_of": value.as_of, "by": value.by})
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


def initiative_dict(initiative: Initiative, fields: FieldSet = INITIATIVE_FIELDS) -> dict:
    """An initiative as its file holds it: each registered field by its kind, in registry order."""
    data = {"id": initiative.stated_id} if initiative.parent_id else {}
    data.update({field.key: RECORDS[field.kind](field.value(initiative)) for field in fields})
    data["items"] = [initiative_dict(item, fields) for item in initiative.items]
    # A field the document shows empty (an empty schedule table) is written empty, not left out.
    return {k: v for k, v in data.items() if k in initiative.stated_empty or v not in (None, [], {}, "")}


# How each kind of field is written (the inverse of the loader's reading).
RECORDS: dict[Kind, Callable[[Any], Any]] = {
    Kind.LABEL: lambda value: value,
    Kind.TEXT: text_value,
    Kind.REF: lambda value: value,
    Kind.REFS: list,
    Kind.YEAR_TEXTS: lambda value: {fy: text_value(v) for fy, v in sorted(value.items())},
    Kind.ACTIVITIES: lambda value: [_drop_empty({"name": a.name, "start": a.start, "end": "open" if a.ongoing else a.end,
                                                 "done": a.done}) for a in value],
    Kind.PROGRESS: lambda value: {fy: _drop_empty({"status": p.status, "text": text_value(p.text), "as_of": p.as_of})
                                  for fy, p in sorted(value.items())},
    Kind.KPIS: lambda value: [kpi_dict(k) for k in value],
    Kind.FISCAL_YEAR: lambda value: value,
}


def theme_dict(theme: Theme) -> dict:
    """A theme as plan.yml holds it (a Theme, or a resolved one: the same attributes)."""
    return _drop_empty({
        "id": theme.id, "number": theme.number, "name": theme.name,
        "description": text_value(theme.description), "notes": text_value(theme.notes),
        "visions": [_drop_empty({"id": v.id, "number": v.number, "text": text_value(v.text)}) for v in theme.visions],
        "children": [theme_dict(c) for c in theme.children],
        "schedule": {fy: text_value(v) for fy, v in sorted(theme.schedule.items())},
        "kpis": [kpi_dict(k) for k in theme.kpis],
    })


def plan_dict(content: PlanContent, initiative_order: list[str] | None = None) -> dict:
    return _drop_empty({
        "format": content.format if content.format != 1 else None,
        "municipality": content.municipality, "region_code": content.region_code, "title": content.title,
        "parent_strategy": content.parent_strategy, "subtitle": content.subtitle,
        "period": {"start": content.period_start, "end": content.period_end},
        "adoption": content.adoption, "lead": text_value(content.lead),
        "version_policy": text_value(content.version_policy), "goals": text_value(content.goals),
        "fields": content.fields_declaration, "source": text_value(content.source),
        "licence": content.licence,
        "theme_levels": list(content.theme_levels),
        "themes": [theme_dict(t) for t in content.themes],
        "categories": list(content.categories),
        "departments": [_drop_empty({"name": d.name, "all": True if d.all else None}) for d in content.departments],
        "statuses": [_drop_empty({"name": s.name, "description": s.description}) for s in content.statuses],
        "kpis": [kpi_dict(k) for k in content.kpis],
        "initiatives": initiative_order or [],
        "chapters": [{"id": c.id, "title": c.title, "file": c.file} for c in content.chapters],
    })
