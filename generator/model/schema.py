"""JSON Schema of the content format: the single source for checks and editor help.

`planpub schema` writes these to `schema/`; content files point at them with a
`# yaml-language-server: $schema=...` comment so VS Code autocompletes and flags
mistakes while staff type. The structure is here; titles and descriptions come from
the locale catalogue (`schema.*`, in the site's language), and the properties of an
initiative file come from the field registry (model/fields.py).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from generator.i18n import current_language
from generator.model import region_code
from generator.model.fields import CUSTOM_PLACES, INITIATIVE_FIELDS, Field, FieldSet
from generator.model.fields import for_plan as fields_for_plan
from generator.model.kinds import kind_of, plan_kinds
from generator.model.plan import Contact
from generator.model.schema_blocks import (  # noqa: F401 (re-exported: patterns, limits, parts)
    CHAPTER_FILE_PATTERN, CURRENT_FORMAT, DATE_PATTERN, DRAFT, FIGURE_NAME_PATTERN, FIGURE_SRC_PATTERN, FIRST_FY,
    FORMATS, FY_PATTERN, ID_KEYS, ID_PATTERN, LAST_FY, LINE_BREAKS, LINK_PATTERN, MAX_LABEL, MAX_LINE, MAX_NAME,
    MAX_TEXT, MESSAGE, SCHEMA_BASE, WEB_ADDRESS_PATTERN, _date, _document, _fy, _id, _name, _object, _string,
    _text, _words, kpi, kpi_value, labels, matching, statuses, theme)


def field_schema(field: Field) -> dict[str, Any]:
    node = kind_of(field.kind).schema(field)
    if not node.get("title"):
        node["title"] = field.label
    return node


def initiative(fields: FieldSet = INITIATIVE_FIELDS) -> dict[str, Any]:
    """An initiative file: every registered field, and sub-items (`items`) that may have any
    of them too (and sub-items of their own)."""
    properties = {f.key: field_schema(f) for f in fields}
    required = [f.key for f in fields if f.required]
    items = {"type": "array", **_words("initiative_items"), "items": {"$ref": "#/$defs/item"}}
    own = labels("initiative_labels")
    item = _object("initiative_item", {"id": _id("initiative_item_id"), **properties, "items": items,
                                       "labels": own}, required=required)
    return _document("initiative", {**properties, "items": items, "labels": own}, required=required,
                     **{"$defs": {"kpi": kpi(), "item": item}})


# ── the other files ───────────────────────────────────────────────────────────

def plan() -> dict[str, Any]:
    return _document("plan", {
        "format": {"enum": list(FORMATS), **_words("plan_format")},
        "municipality": _string("plan_municipality"),
        "region_code": {"type": "string", **matching(region_code.PATTERN, "bad_region_code"), **_words("plan_region_code")},
        "title": _string("plan_title"),
        "parent_strategy": _string("plan_parent_strategy"),
        "subtitle": _string("plan_subtitle"),
        "period": _object("plan_period", {"start": _fy("plan_period_start"), "end": _fy("plan_period_end")},
                          required=["start", "end"]),
        "adoption": {"enum": ["adopted", "draft"], **_words("plan_adoption")},
        "lead": _text("plan_lead"),
        "version_policy": _text("plan_version_policy"),
        "goals": _text("plan_goals"),
        "fields": _object("plan_fields", {
            "uses": {"type": "array", "uniqueItems": True, **_words("plan_fields_uses"),
                     "items": {"enum": [f.key for f in INITIATIVE_FIELDS]}},
            "expect": {"type": "array", "uniqueItems": True, **_words("plan_fields_expect"),
                       "items": {"enum": [f.key for f in INITIATIVE_FIELDS]}},
            "labels": labels("plan_fields_labels"),
            "extra": {"type": "array", **_words("plan_fields_extra"), "items": _object("plan_field", {
                "key": {"type": "string", **matching(r"^[a-z][a-z0-9_]*$", "bad_id"), **_words("plan_field_key")},
                "label": {"type": "string", "minLength": 1, "maxLength": MAX_LABEL, **_words("plan_field_label")},
                "kind": {"enum": plan_kinds(), **_words("plan_field_kind")},
                "place": {"enum": sorted(CUSTOM_PLACES), **_words("plan_field_place")},
                "order": {"type": "integer", **_words("plan_field_order")},
                "expected": {"type": "boolean", **_words("plan_field_expected")},
            }, required=["key", "label"])},
        }),
        "source": _text("plan_source"),
        "source_url": _string("plan_source_url", **matching(WEB_ADDRESS_PATTERN, "bad_link")),
        "licence": _string("plan_licence"),
        "contact": _object("plan_contact", {
            part: _string(f"contact_{part}", maxLength=MAX_TEXT) for part in Contact.PARTS}, minProperties=1),
        "theme_levels": {"type": "array", "items": _name(), **_words("plan_theme_levels")},
        "themes": {"type": "array", "items": {"$ref": "#/$defs/theme"}, **_words("plan_themes")},
        "categories": {"type": "array", "items": _name(), **_words("plan_categories"),
                       "uniqueItems": True},
        "departments": {"type": "array", **_words("plan_departments"), "items": _object("department", {
            "name": _name("department_name"), "all": {"type": "boolean", **_words("department_all")}},
            required=["name"])},
        "statuses": statuses(),
        "kpis": {"type": "array", "items": {"$ref": "#/$defs/kpi"}, **_words("plan_kpis")},
        "initiatives": {"type": "array", "items": _id("plan_initiative_id"), "uniqueItems": True,
                        **_words("plan_initiatives")},
        "chapters": {"type": "array", **_words("plan_chapters"), "items": _object("chapter", {
            "id": _id("chapter_id"), "title": _string("chapter_title"),
            "file": {"type": "string", **matching(CHAPTER_FILE_PATTERN, "bad_chapter_file"), **_words("chapter_file")}},
            required=["id", "title", "file"])},
    }, required=["municipality", "title"], **{"$defs": {"theme": theme(), "kpi": kpi()}})


def _label() -> dict[str, Any]:
    return {"type": "string", "minLength": 1, "maxLength": MAX_LABEL, **_words("release_label")}


def stage_facts() -> dict[str, Any]:
    """A 版's public-comment period and the stage planned next (release.yml and history.yml)."""
    return {
        "public_comment": _object("release_public_comment", {
            "start": _date("release_public_comment_start"),
            "end": _date("release_public_comment_end"),
            "excludes": _text("release_public_comment_excludes"),
        }, minProperties=1),
        "next_stage": _object("release_next_stage", {
            "status": {**_id("release_next_stage_status"), **_words("release_next_stage_status")},
            "date": _date("release_next_stage_date"),
        }, required=["status"]),
    }


def release(fields: FieldSet = INITIATIVE_FIELDS) -> dict[str, Any]:
    omittable = fields.omittable + ["chapters"]
    return _document("release", {
        "label": _label(),
        "name": _string("release_name"),
        "date": _date("release_date"),
        "precedes": _string("release_precedes"),
        "status": {**_id("release_status"), **_words("release_status")},
        "summary": _text("release_summary"),
        "notes": _text("release_notes"),
        "source": _text("release_source"),
        "source_url": _string("release_source_url", **matching(WEB_ADDRESS_PATTERN, "bad_link")),
        "omits": {"type": "array", "uniqueItems": True, **_words("release_omits"), "items": {"enum": omittable}},
        **stage_facts(),
    })


def history() -> dict[str, Any]:
    return _document("history", {
        "versions": {"type": "array", **_words("history_versions"), "items": _object("history_version", {
            "label": _label(),
            "name": _string("release_name"),
            "date": _date("release_date"),
            "precedes": _string("release_precedes"),
            "status": {**_id("release_status"), **_words("release_status")},
            "notes": _text("release_notes"),
            "document": {"type": "string", **matching(LINK_PATTERN, "bad_link"), **_words("history_document_link")},
            **stage_facts(),
        })},
    }, required=["versions"])


def readings() -> dict[str, Any]:
    """content/plans/<plan>/readings.yml: the plan's own words and their readings (ふりがな).
    Beside the 版, not in one: a corrected reading changes no published 版."""
    return _document("readings", {
        "readings": {"type": "object", **_words("readings_words"), "minProperties": 1,
                     # words and readings are checked by the loader, which says what is wrong
                     "propertyNames": {"maxLength": 40},
                     "additionalProperties": {"type": "string", "minLength": 1, "maxLength": 80}},
    }, required=["readings"])


def site() -> dict[str, Any]:
    return _document("site", {
        "title": _string("site_title"),
        "description": {"type": "string", "maxLength": MAX_TEXT, **_words("site_description")},
        "language": {"enum": ["ja", "en"], **_words("site_language")},
        "publisher": {"type": "string", "maxLength": MAX_LINE, **_words("site_publisher")},
        "current_fy": _fy("site_current_fy"),
        "statuses": statuses(),
        "version_statuses": {"type": "array", **_words("site_version_statuses"), "items": _object("version_status", {
            "id": _id("version_status_id"), "name": _name("version_status_name")}, required=["id", "name"])},
        "licence": {"type": "string", "maxLength": MAX_TEXT, **_words("site_licence")},
    }, required=["title"])


@lru_cache(maxsize=None)
def schemas(language: str, fields: FieldSet = INITIATIVE_FIELDS) -> dict[str, dict[str, Any]]:
    """Every file's schema, in `language` (the current one), for initiatives with `fields`."""
    del language  # part of the cache key; the catalogue lookups use the current language
    return {"plan": plan(), "initiative": initiative(fields), "release": release(fields), "history": history(),
            "readings": readings(), "site": site()}


def current_schemas(fields: FieldSet | None = None) -> dict[str, dict[str, Any]]:
    return schemas(current_language(), fields or fields_for_plan())


def write_schemas(directory: Path) -> list[Path]:
    """Write every schema as `<name>.schema.json` into directory."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in current_schemas().items():
        path = directory / f"{name}.schema.json"
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
