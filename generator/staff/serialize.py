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

from generator.model.plan import PlanContent
from generator.model.records import initiative_dict, plan_dict


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
        path.write_text(dump_yaml(initiative_dict(initiative, content.fields), schema_hint(path, content_root, "initiative")),
                        encoding="utf-8")
        written.append(path)
    return written
