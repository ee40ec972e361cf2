"""The model as plain data (dicts, lists, strings): the shape of the content files.

The inverse of the loader. The canonical YAML writer (staff/serialize.py) dumps these,
and open data (pages/opendata.py) publishes them in plan.json; keys come in the order
of the JSON Schema (for initiatives, the field registry's).
"""

from __future__ import annotations

from generator.model.fields import INITIATIVE_FIELDS, FieldSet
from generator.model.kinds import kind_of
from generator.model.plan import Initiative, PlanContent, Theme
from generator.model.value_records import (  # noqa: F401 (re-exported: a value as plain data and back)
    _drop_empty, drop_empty, kpi_dict, kpi_from_dict, kpi_value_dict, kpi_value_from_dict, stated_date, text_value)


def initiative_dict(initiative: Initiative, fields: FieldSet = INITIATIVE_FIELDS) -> dict:
    """An initiative as its file holds it: each registered field by its kind, in registry order."""
    data = {"id": initiative.stated_id} if initiative.parent_id else {}
    data.update({field.key: kind_of(field.kind).record(field.value(initiative)) for field in fields})
    data["items"] = [initiative_dict(item, fields) for item in initiative.items]
    data["labels"] = dict(getattr(initiative, "stated_labels", initiative.labels))
    # A field the document shows empty (an empty schedule table) is written empty, not left out.
    return {k: v for k, v in data.items() if k in initiative.stated_empty or v not in (None, [], {}, "")}


def theme_dict(theme: Theme) -> dict:
    """A theme as plan.yml holds it (a Theme, or a resolved one: the same attributes)."""
    return _drop_empty({
        "id": theme.id, "number": theme.number, "name": theme.name,
        "description": text_value(theme.description), "notes": text_value(theme.notes),
        "visions": [_drop_empty({"id": v.id, "number": v.number, "text": text_value(v.text)}) for v in theme.visions],
        "children": [theme_dict(c) for c in theme.children],
        "schedule": {fy: text_value(v) for fy, v in sorted(theme.schedule.items())},
        "kpis": [kpi_dict(k) for k in theme.kpis],
        "labels": dict(theme.stated_labels),
    })


def plan_dict(content: PlanContent, initiative_order: list[str] | None = None) -> dict:
    return _drop_empty({
        "format": content.format if content.format != 1 else None,
        "municipality": content.municipality, "region_code": content.region_code, "title": content.title,
        "parent_strategy": content.parent_strategy, "subtitle": content.subtitle,
        "period": {"start": content.period_start, "end": content.period_end} if content.period_stated else None,
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
