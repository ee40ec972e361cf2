"""The building blocks of the JSON Schema of the content format: patterns, limits, the
words of each node (from the locale catalogue), and the nodes a kind of field's value is
made of (model/kinds.py). The documents — plan.yml, an initiative file, release.yml … —
are put together in model/schema.py."""

from __future__ import annotations

from typing import Any

from generator.i18n import has, msg
from generator.model.fiscal import FIRST_SUPPORTED_FY
from generator.model.fields import Field, Vocabulary

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


# A one-line value that may still break where the document breaks it (a KPI name, a title over
# two lines in a table cell): its line breaks are shown as in prose (load/text_check.py allows
# them; a break written as Markdown's hard break is a <br> on the page, the open data a space).
LINE_BREAKS = {"x-line-breaks": True}


def _string(key: str, **extra) -> dict[str, Any]:
    """A one-line value (at most MAX_LINE characters unless `extra` says otherwise)."""
    return {"type": "string", "minLength": 1, "maxLength": MAX_LINE, **_words(key), **extra}


def _name(key: str | None = None) -> dict[str, Any]:
    """A name of a vocabulary: one line of at most MAX_NAME characters."""
    return {"type": "string", "minLength": 1, "maxLength": MAX_NAME, **(_words(key) if key else {})}


def matching(pattern: str, message: str) -> dict[str, Any]:
    """A pattern and what is wrong with a value that does not match it (errors.<message>,
    hints.<message>): the message is the schema's, never read from the pattern's text."""
    return {"pattern": pattern, MESSAGE: message}


MESSAGE = "x-message"


def _id(key: str) -> dict[str, Any]:
    title = _words(key).get("title", "")
    return {"title": title, "type": "string", **matching(ID_PATTERN, "bad_id"),
            "description": msg("schema_help.id", title=title)}


def _per_year(key: str, value: dict[str, Any], fallback: str = "") -> dict[str, Any]:
    title = _words(key).get("title", fallback)
    return {"title": title, "type": "object", "propertyNames": matching(FY_PATTERN, "bad_year_key"),
            "additionalProperties": value, "description": msg("schema_help.per_year", title=title)}


def _fy(key: str = "fy") -> dict[str, Any]:
    return {"type": "integer", "minimum": FIRST_FY, "maximum": LAST_FY, **_words(key)}


def _date(key: str = "date") -> dict[str, Any]:
    """A date as written: "2026-03-26", "2026-03" or "2026" (a year may be a bare number)."""
    return {"anyOf": [{"type": "string", **matching(DATE_PATTERN, "bad_date")},
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
    # A measured figure (never a target) may be one still to be surveyed (「令和6年3月調査予定」).
    survey = {"survey_planned": _date("kpi_value_survey_planned")}
    measured = kpi_value(**survey)
    baseline = {**measured, **_words("kpi_baseline"),
                "properties": {**measured["properties"], "fy": _fy("kpi_baseline_fy")}}
    return _object("kpi", {
        "id": _id("kpi_id"),
        "name": _string("kpi_name", **LINE_BREAKS),
        "unit": _string("kpi_unit"),
        "direction": {"enum": ["increase", "decrease"], **_words("kpi_direction")},
        "definition": _text("kpi_definition"),
        "rationale": _text("kpi_rationale"),
        "baseline": baseline,
        "targets": _per_year("kpi_targets", value),
        "target": {**kpi_value(by={"anyOf": [{"enum": ["period_end"]}, _fy()], **_words("kpi_target_by")}),
                   **_words("kpi_target")},
        "actuals": _per_year("kpi_actuals", measured),
        "references": {"type": "array", **_words("kpi_references"),
                       "items": kpi_value(fy=_fy("kpi_reference_fy"), **survey)},
    }, required=["id", "name"])


def labels(key: str) -> dict[str, Any]:
    """What a plan, a theme (a chapter) or an initiative calls fields: field key → its name."""
    return {"type": "object", **_words(key), "propertyNames": matching(ID_PATTERN, "bad_id"),
            "additionalProperties": {"type": "string", "minLength": 1, "maxLength": MAX_LABEL}}


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
        "labels": labels("theme_labels"),
    }, required=["id"])


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
        "name": _string("activity_name", **LINE_BREAKS), "start": _fy("activity_start"),
        "end": {"anyOf": [_fy(), {"enum": ["open", "unstated"]}], **_words("activity_end")},
        "done": _fy("activity_done"),
        "cells": _per_year("activity_cells", _string("activity_cell", **LINE_BREAKS))},
        required=["name"])
    item["anyOf"] = [{"required": ["start", "end"]}, {"required": ["done"]}]
    return {"type": "array", "title": _field_title(field), "items": item}


def _progress(field: Field) -> dict[str, Any]:
    return _per_year(f"initiative_{field.key}", _object("progress", {
        "status": _string("progress_status"), "text": _text("progress_text"), "as_of": _date("progress_as_of")}),
        fallback=_field_title(field))


# The names a kind of field (model/kinds.py) makes its schema with.
field_title, text_node, id_node, per_year_node, fy_node = _field_title, _text, _id, _per_year, _fy
refs_node, activities_node, progress_node = _refs, _activities, _progress
