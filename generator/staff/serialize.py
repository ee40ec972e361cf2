"""Model → canonical content files (the inverse of the loader).

Every tool that writes content (import from Excel/CSV, release, new) writes through
here, so files always have the same key order and layout: the order of the JSON
Schema, block style, no line wrapping, literal blocks for multi-line text. That is
what lets an Excel export → import give back byte-identical files.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from generator.model.plan import Initiative, Kpi, KpiValue, PlanContent, Text, TEXT_FIELDS, Theme


def text_value(value: Text | None) -> Any:
    if value is None:
        return None
    return list(value.items) if value.is_list else value.items[0]


def _drop_empty(data: dict) -> dict:
    return {k: v for k, v in data.items() if v not in (None, [], {}, "")}


def kpi_value_dict(value: KpiValue, with_fy: bool = False) -> dict:
    data = {}
    if with_fy:
        data["fy"] = value.fy
    data.update({"value": value.value, "text": value.text, "change_percent": value.change_percent,
                 "base_fy": value.base_fy, "as_of": value.as_of})
    return _drop_empty(data)


def kpi_dict(kpi: Kpi) -> dict:
    return _drop_empty({
        "id": kpi.id, "name": kpi.name, "unit": kpi.unit, "direction": kpi.direction,
        "definition": text_value(kpi.definition), "rationale": text_value(kpi.rationale),
        "baseline": kpi_value_dict(kpi.baseline, with_fy=True) if kpi.baseline else None,
        "targets": {fy: kpi_value_dict(v) for fy, v in sorted(kpi.targets.items())},
        "actuals": {fy: kpi_value_dict(v) for fy, v in sorted(kpi.actuals.items())},
    })


def initiative_dict(initiative: Initiative) -> dict:
    data: dict[str, Any] = {
        "number": initiative.number, "title": initiative.title, "theme": initiative.theme,
        "related_themes": list(initiative.related_themes), "visions": list(initiative.visions),
        "categories": list(initiative.categories), "departments": list(initiative.departments),
    }
    for name in TEXT_FIELDS:
        data[name] = text_value(initiative.texts.get(name))
    data["schedule"] = {fy: text_value(v) for fy, v in sorted(initiative.schedule.items())}
    data["annual_goals"] = {fy: text_value(v) for fy, v in sorted(initiative.annual_goals.items())}
    data["activities"] = [{"name": a.name, "start": a.start, "end": a.end} for a in initiative.activities]
    data["progress"] = {fy: _drop_empty({"status": p.status, "text": text_value(p.text), "as_of": p.as_of})
                        for fy, p in sorted(initiative.progress.items())}
    data["kpis"] = [kpi_dict(k) for k in initiative.kpis]
    return _drop_empty(data)


def theme_dict(theme: Theme) -> dict:
    return _drop_empty({
        "id": theme.id, "number": theme.number, "name": theme.name,
        "description": text_value(theme.description), "notes": text_value(theme.notes),
        "visions": [_drop_empty({"id": v.id, "number": v.number, "text": text_value(v.text)}) for v in theme.visions],
        "children": [theme_dict(c) for c in theme.children],
    })


def plan_dict(content: PlanContent, initiative_order: list[str] | None = None) -> dict:
    return _drop_empty({
        "municipality": content.municipality, "title": content.title,
        "parent_strategy": content.parent_strategy, "subtitle": content.subtitle,
        "period": {"start": content.period_start, "end": content.period_end},
        "adoption": content.adoption, "lead": text_value(content.lead), "source": text_value(content.source),
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


class _Dumper(yaml.SafeDumper):
    """Block style, multi-line strings as literal blocks, lists indented under their key."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_yaml(data: Any, schema_hint: str | None = None) -> str:
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False,
                     width=1_000_000, indent=2)
    if schema_hint:
        text = f"# yaml-language-server: $schema={schema_hint}\n" + text
    return text


def schema_hint(path: Path, content_root: Path, kind: str) -> str:
    """Relative path from a content file to its JSON Schema in content/schema/."""
    return os.path.relpath(content_root / "schema" / f"{kind}.schema.json", path.parent)


def write_content(content: PlanContent, directory: Path, content_root: Path,
                  initiative_order: list[str] | None = None) -> list[Path]:
    """Write plan.yml, chapters and initiatives of `content` into `directory` (a fresh folder)."""
    written = []
    plan_path = directory / "plan.yml"
    order = initiative_order if initiative_order is not None else [i.id for i in content.initiatives]
    plan_path.parent.mkdir(parents=True, exist_ok=True)
    plan_path.write_text(dump_yaml(plan_dict(content, order), schema_hint(plan_path, content_root, "plan")),
                         encoding="utf-8")
    written.append(plan_path)
    for chapter in content.chapters:
        path = directory / chapter.file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(chapter.markdown, encoding="utf-8")
        written.append(path)
    for initiative in content.initiatives:
        path = directory / "initiatives" / f"{initiative.id}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump_yaml(initiative_dict(initiative), schema_hint(path, content_root, "initiative")),
                        encoding="utf-8")
        written.append(path)
    return written
