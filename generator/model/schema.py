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
from typing import Any, Callable

from generator.i18n import current_language, has, msg
from generator.model import region_code
from generator.model.fiscal import FIRST_SUPPORTED_FY
from generator.model.fields import CUSTOM_KINDS, CUSTOM_PLACES, INITIATIVE_FIELDS, Field, FieldSet, Kind, Vocabulary
from generator.model.fields import for_plan as fields_for_plan
from generator.model.plan import Contact

SCHEMA_BASE = "https://planpub.invalid/schema/"  # an identifier, never fetched
DRAFT = "https://json-schema.org/draft/2020-12/schema"
ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
FY_PATTERN = r"^(19|20|21)[0-9]{2}$"
# A date as a document states it: a year, a year and month, or a day (never an invented day).
DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
FORMATS = (1, 2)          # content format versions this program reads (plan.yml `format`)
CURRENT_FORMAT = 2
LINK_PATTERN = r"^(https?://|/|\./|\.\./)?[^\s<>\"]+$"
WEB_ADDRESS_PATTERN = r"^https?://[^\s<>\"]+$"   # an official document on the web
CHAPTER_FILE_PATTERN = r"^chapters/[a-z0-9][a-z0-9._-]*\.md$"
# A figure of a chapter, as the chapter's Markdown refers to it: ../figures/<name>.
FIGURE_NAME_PATTERN = r"^[a-z0-9][a-z0-9._-]*\.(png|jpe?g|gif|webp)$"
FIGURE_SRC_PATTERN = r"^(\.\./)+figures/[a-z0-9][a-z0-9._-]*\.(png|jpe?g|gif|webp)$"
# Fiscal years the site can name: from the first of the supported eras (fiscal.ERAS).
FIRST_FY, LAST_FY = FIRST_SUPPORTED_FY, 2199

# Upper bound for a single text value; a real field is a few hundred characters.
MAX_TEXT = 20000
MAX_LABEL = 40
# A one-line value (a title, a number, a unit …) and a name of a vocabulary (a department,
# a category, a status). A string of the schema whose maxLength is below MAX_TEXT is one line:
# load/text_check.py refuses line breaks and invisible characters in it.
MAX_LINE = 200
MAX_NAME = 100


def _words(key: str) -> dict[str, str]:
    """Title (schema.<key>) and, where the catalogue has one, description (schema_help.<key>)."""
    words = {}
    if has(f"schema.{key}"):
        words["title"] = msg(f"schema.{key}")
    if has(f"schema_help.{key}"):
        words["description"] = msg(f"schema_help.{key}")
    return words


def _text(key: str, *, fallback: str | None = None) -> dict[str, Any]:
    """A prose field: one string, or a list of strings shown as bullet items."""
    words = _words(key) or ({"title": fallback} if fallback else {})
    title = words.get("title", "")
    return {
        "title": title,
        "description": words.get("description") or msg("schema_help.text", title=title),
        "anyOf": [
            {"type": "string", "minLength": 1, "maxLength": MAX_TEXT},
            {"type": "array", "items": {"type": "string", "minLength": 1, "maxLength": MAX_TEXT},
             "minItems": 1},
        ],
    }


def _string(key: str, **extra) -> dict[str, Any]:
    """A one-line value (at most MAX_LINE characters unless `extra` says otherwise)."""
    return {"type": "string", "minLength": 1, "maxLength": MAX_LINE, **_words(key), **extra}


def _name(key: str | None = None) -> dict[str, Any]:
    """A name of a vocabulary: one line of at most MAX_NAME characters."""
    return {"type": "string", "minLength": 1, "maxLength": MAX_NAME, **(_words(key) if key else {})}


def _id(key: str) -> dict[str, Any]:
    title = _words(key).get("title", "")
    return {"title": title, "type": "string", "pattern": ID_PATTERN,
            "description": msg("schema_help.id", title=title)}


def _per_year(key: str, value: dict[str, Any], fallback: str = "") -> dict[str, Any]:
    title = _words(key).get("title", fallback)
    return {"title": title, "type": "object", "propertyNames": {"pattern": FY_PATTERN},
            "additionalProperties": value, "description": msg("schema_help.per_year", title=title)}


def _fy(key: str = "fy") -> dict[str, Any]:
    return {"type": "integer", "minimum": FIRST_FY, "maximum": LAST_FY, **_words(key)}


def _date(key: str = "date") -> dict[str, Any]:
    """A date as written: "2026-03-26", "2026-03" or "2026" (a year may be a bare number)."""
    return {"anyOf": [{"type": "string", "pattern": DATE_PATTERN},
                      {"type": "integer", "minimum": FIRST_FY, "maximum": LAST_FY}],
            **_words("date"), **_words(key)}


def _object(key: str, properties: dict, required: list[str] | None = None, **extra) -> dict[str, Any]:
    node = {**_words(key), "type": "object", "additionalProperties": False}
    if required:
        node["required"] = required
    node.update(extra)
    node["properties"] = properties
    return node


def _document(name: str, properties: dict, required: list[str] | None = None, **extra) -> dict[str, Any]:
    node = {"$schema": DRAFT, "$id": f"{SCHEMA_BASE}{name}.schema.json"}
    node.update(_object(f"{name}_document", properties, required, **extra))
    return node


# ── KPIs, themes ──────────────────────────────────────────────────────────────

def kpi_value(**extra) -> dict[str, Any]:
    return _object("kpi_value", {
        "value": {"type": "number", **_words("kpi_value_value")},
        "text": {"type": "string", "minLength": 1, "maxLength": MAX_TEXT, **_words("kpi_value_text")},
        "ratio": {"type": "number", "exclusiveMinimum": 0, **_words("kpi_value_ratio")},
        "change_percent": {"type": "number", **_words("kpi_value_change_percent")},
        "change": {"type": "number", **_words("kpi_value_change")},
        "base_fy": _fy("kpi_value_base_fy"),
        "as_of": _date("kpi_value_as_of"),
        **extra,
    })


def kpi() -> dict[str, Any]:
    value = kpi_value()
    baseline = {**value, **_words("kpi_baseline"),
                "properties": {**value["properties"], "fy": _fy("kpi_baseline_fy")}}
    return _object("kpi", {
        "id": _id("kpi_id"),
        "name": _string("kpi_name"),
        "unit": _string("kpi_unit"),
        "direction": {"enum": ["increase", "decrease"], **_words("kpi_direction")},
        "definition": _text("kpi_definition"),
        "rationale": _text("kpi_rationale"),
        "baseline": baseline,
        "targets": _per_year("kpi_targets", value),
        "target": {**kpi_value(by={"anyOf": [{"enum": ["period_end"]}, _fy()], **_words("kpi_target_by")}),
                   **_words("kpi_target")},
        "actuals": _per_year("kpi_actuals", value),
        "references": {"type": "array", **_words("kpi_references"),
                       "items": kpi_value(fy=_fy("kpi_reference_fy"))},
    }, required=["id", "name"])


def theme() -> dict[str, Any]:
    return _object("theme", {
        "id": _id("theme_id"),
        "number": _string("theme_number"),
        "name": _string("theme_name"),
        "description": _text("theme_description"),
        "notes": _text("theme_notes"),
        "visions": {"type": "array", **_words("theme_visions"), "items": _object("vision", {
            "id": _id("vision_id"), "number": _string("vision_number"), "text": _text("vision_text")},
            required=["id", "text"])},
        "children": {"type": "array", **_words("theme_children"), "items": {"$ref": "#/$defs/theme"}},
        "schedule": _per_year("theme_schedule", _text("theme_schedule_item", fallback=msg("ui.fields.schedule"))),
        "kpis": {"type": "array", "items": {"$ref": "#/$defs/kpi"}, **_words("theme_kpis")},
    }, required=["id", "name"])


def statuses() -> dict[str, Any]:
    return {"type": "array", **_words("statuses"), "items": _object("status", {
        "name": _name("status_name"), "description": {"type": "string", "maxLength": MAX_TEXT,
                                                     **_words("status_description")}},
        required=["name"])}


# ── initiatives: one property per registered field ─────────────────────────────

def _field_title(field: Field) -> str:
    if field.plan_label:
        return field.plan_label
    words = _words(f"initiative_{field.key}")
    return words.get("title") or msg(field.label_key)


# The schema words of an id from each id vocabulary (「テーマのID」).
ID_KEYS = {Vocabulary.THEMES: "theme_id", Vocabulary.VISIONS: "vision_id", Vocabulary.INITIATIVES: "initiative_id"}


def _refs(field: Field) -> dict[str, Any]:
    title = _field_title(field)
    if field.vocabulary.is_id:
        item = _id(ID_KEYS[field.vocabulary])
    else:
        item = _name()
    node = {"type": "array", "items": item, "title": title}
    if field.min_items:
        node["minItems"] = field.min_items
    return node


def _activities(field: Field) -> dict[str, Any]:
    """An item from `start` to `end`; `end: open` for one that continues (「～」); `done` for
    one completed before the schedule begins (「令和4年度済」)."""
    item = _object("activity", {
        "name": _string("activity_name"), "start": _fy("activity_start"),
        "end": {"anyOf": [_fy(), {"enum": ["open"]}], **_words("activity_end")}, "done": _fy("activity_done")},
        required=["name"])
    item["anyOf"] = [{"required": ["start", "end"]}, {"required": ["done"]}]
    return {"type": "array", "title": _field_title(field), "items": item}


def _progress(field: Field) -> dict[str, Any]:
    return _per_year(f"initiative_{field.key}", _object("progress", {
        "status": _string("progress_status"), "text": _text("progress_text"), "as_of": _date("progress_as_of")}),
        fallback=_field_title(field))


_BY_KIND: dict[Kind, Callable[[Field], dict[str, Any]]] = {
    Kind.LABEL: lambda f: {"type": "string", "minLength": 1, "title": _field_title(f),
                           "maxLength": f.max_length or MAX_LINE},
    Kind.TEXT: lambda f: _text(f"initiative_{f.key}", fallback=_field_title(f)),
    Kind.REF: lambda f: {**_id(f"initiative_{f.key}"), "title": _field_title(f)},
    Kind.REFS: _refs,
    Kind.YEAR_TEXTS: lambda f: _per_year(f"initiative_{f.key}", _text(f"initiative_{f.key}_item",
                                                                      fallback=_field_title(f)),
                                         fallback=_field_title(f)),
    Kind.ACTIVITIES: _activities,
    Kind.PROGRESS: _progress,
    Kind.KPIS: lambda f: {"type": "array", "items": {"$ref": "#/$defs/kpi"}, "title": _field_title(f)},
    Kind.FISCAL_YEAR: lambda f: {**_fy(), "title": _field_title(f)},
}


def field_schema(field: Field) -> dict[str, Any]:
    node = _BY_KIND[field.kind](field)
    if not node.get("title"):
        node["title"] = field.label
    return node


def initiative(fields: FieldSet = INITIATIVE_FIELDS) -> dict[str, Any]:
    """An initiative file: every registered field, and sub-items (`items`) that may have any
    of them too (and sub-items of their own)."""
    properties = {f.key: field_schema(f) for f in fields}
    required = [f.key for f in fields if f.required]
    items = {"type": "array", **_words("initiative_items"), "items": {"$ref": "#/$defs/item"}}
    item = _object("initiative_item", {"id": _id("initiative_item_id"), **properties, "items": items},
                   required=required)
    return _document("initiative", {**properties, "items": items}, required=required,
                     **{"$defs": {"kpi": kpi(), "item": item}})


# ── the other files ───────────────────────────────────────────────────────────

def plan() -> dict[str, Any]:
    return _document("plan", {
        "format": {"enum": list(FORMATS), **_words("plan_format")},
        "municipality": _string("plan_municipality"),
        "region_code": {"type": "string", "pattern": region_code.PATTERN, **_words("plan_region_code")},
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
            "labels": {"type": "object", **_words("plan_fields_labels"), "propertyNames": {"pattern": ID_PATTERN},
                       "additionalProperties": {"type": "string", "minLength": 1, "maxLength": MAX_LABEL}},
            "extra": {"type": "array", **_words("plan_fields_extra"), "items": _object("plan_field", {
                "key": {"type": "string", "pattern": r"^[a-z][a-z0-9_]*$", **_words("plan_field_key")},
                "label": {"type": "string", "minLength": 1, "maxLength": MAX_LABEL, **_words("plan_field_label")},
                "kind": {"enum": sorted(CUSTOM_KINDS), **_words("plan_field_kind")},
                "place": {"enum": sorted(CUSTOM_PLACES), **_words("plan_field_place")},
                "order": {"type": "integer", **_words("plan_field_order")},
                "expected": {"type": "boolean", **_words("plan_field_expected")},
            }, required=["key", "label"])},
        }),
        "source": _text("plan_source"),
        "source_url": _string("plan_source_url", pattern=WEB_ADDRESS_PATTERN),
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
            "file": {"type": "string", "pattern": CHAPTER_FILE_PATTERN, **_words("chapter_file")}},
            required=["id", "title", "file"])},
    }, required=["municipality", "title", "period"], **{"$defs": {"theme": theme(), "kpi": kpi()}})


def _label() -> dict[str, Any]:
    return {"type": "string", "minLength": 1, "maxLength": MAX_LABEL, **_words("release_label")}


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
        "source_url": _string("release_source_url", pattern=WEB_ADDRESS_PATTERN),
        "omits": {"type": "array", "uniqueItems": True, **_words("release_omits"), "items": {"enum": omittable}},
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
            "document": {"type": "string", "pattern": LINK_PATTERN, **_words("history_document_link")},
        }, required=["label"])},
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
