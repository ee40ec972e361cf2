"""Check a loaded YAML document against its JSON Schema and explain each error in Japanese."""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import re
from functools import lru_cache
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError

from generator.i18n import msg
from generator.load.problems import Problems
from generator.load.text_check import check_text
from generator.i18n import current_language
from generator.model.fields import FieldSet, for_plan
from generator.model.schema import FIRST_FY, LAST_FY, MESSAGE, schemas
from generator.model.text_safety import visible
from generator.load.yamlfile import YamlDocument, format_path


def _whole_pattern(validator, pattern, instance, schema):
    """`pattern` matched against the whole value: "$" in Python also matches before a final
    newline, so "evil\n" would pass ^[a-z0-9]+$ (fastjsonschema reads "$" as the end too)."""
    if validator.is_type(instance, "string") and not _end_anchored(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


@lru_cache(maxsize=None)
def _end_anchored(pattern: str) -> re.Pattern:
    return re.compile(re.sub(r"(?<!\\)\$", r"\\Z", pattern))


# The schemas' patterns are anchored at both ends: every one must match the whole value.
WholeValueValidator = validators.extend(Draft202012Validator, {"pattern": _whole_pattern})


@lru_cache(maxsize=None)
def _checkers(language: str, fields: FieldSet) -> dict[str, tuple]:
    """Per file kind: the schema compiled to Python code (a quick yes for valid files) and
    a jsonschema validator that explains every error of a file the quick check rejects.
    The schemas' words are in the site's language, so there is one set per language."""
    # fastjsonschema rewrites the $refs of the schema it compiles: give it a copy.
    return {name: (fastjsonschema.compile(copy.deepcopy(schema)), WholeValueValidator(schema))
            for name, schema in schemas(language, fields).items()}

_TYPE_NAMES = {
    "string": "types.string", "integer": "types.integer", "number": "types.number",
    "object": "types.object", "array": "types.array", "boolean": "types.boolean",
}


def json_view(value: Any) -> Any:
    """The document as JSON would see it: string keys, ISO dates."""
    if isinstance(value, dict):
        return {str(k): json_view(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_view(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def original_path(data: Any, json_path: list) -> tuple:
    """Map a path in the JSON view back to the keys of the YAML data (year keys are ints)."""
    out = []
    node = data
    for part in json_path:
        if isinstance(node, dict):
            key = part
            if part not in node:
                for candidate in node:
                    if str(candidate) == part:
                        key = candidate
                        break
            out.append(key)
            node = node.get(key)
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            out.append(part)
            node = node[part]
        else:
            out.append(part)
            node = None
    return tuple(out)


# Errors that leave a file usable by the model (a value too long is still a value; a
# misspelt key of an initiative is a field it does not have): the file is reported and still
# checked against the other files, so one run shows everything. (A misspelt key of plan.yml
# would leave a whole vocabulary out, and every reference to it would be reported too.)
SOFT = {"maxLength"}
SOFT_BY_FILE = {"initiative": SOFT | {"additionalProperties"}}


def check_schema(doc: YamlDocument, schema_name: str, problems: Problems, fields: FieldSet | None = None) -> bool:
    """Add a problem per schema violation; returns True when the document is valid.
    `fields`: the plan's initiative fields (for initiative files)."""
    language, fields = current_language(), fields or for_plan()
    quick, validator = _checkers(language, fields)[schema_name]
    check_text(doc, schemas(language, fields)[schema_name], problems)
    view = json_view(doc.data)
    try:
        quick(view)
        return True
    except fastjsonschema.JsonSchemaException:
        pass
    ok = True
    for error in sorted(validator.iter_errors(view), key=lambda e: list(map(str, e.absolute_path))):
        ok = ok and error.validator in SOFT_BY_FILE.get(schema_name, SOFT)   # the model can be built: check the rest
        error = _date_error(error)
        path = original_path(doc.data, list(error.absolute_path))
        field, message, hint = _explain(error, path)
        kind = "propertyNames" if "propertyNames" in error.relative_schema_path else error.validator
        field_key = _extra_key(error) or (_bad_key(doc.data, path, error.instance) if kind == "propertyNames" else None)
        line = doc.line_of(path + ((field_key,) if field_key is not None else ()))
        problems.add(doc.path, line, field, message, hint, code=f"schema.{kind}")
    return ok


def _date_error(error: ValidationError) -> ValidationError:
    """A date may be text ("2026-03") or a bare year (2026): report what is wrong with the
    form the staff member used, not that neither form matched."""
    if error.validator != "anyOf" or not isinstance(error.schema, dict):
        return error
    branches = error.schema.get("anyOf", [])
    if not any(b.get(MESSAGE) == "bad_date" for b in branches):
        return error
    wanted = "integer" if isinstance(error.instance, int) and not isinstance(error.instance, bool) else "string"
    for sub in error.context or ():
        if sub.schema.get("type") == wanted and sub.validator != "type":
            return sub
    for sub in error.context or ():
        if sub.schema.get("type") == "string":
            return sub   # neither text nor a number: explain the text form
    return error


def _bad_key(data: Any, path: tuple, name: Any):
    """The key of the mapping at `path` whose name the schema refused (for its own line)."""
    node = data
    for part in path:
        node = node.get(part) if isinstance(node, dict) else None
    return next((key for key in node if str(key) == str(name)), None) if isinstance(node, dict) else None


def _extra_key(error: ValidationError) -> str | None:
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        extras = [k for k in error.instance if k not in allowed]
        return extras[0] if extras else None
    return None


def _title(error: ValidationError) -> str:
    return error.schema.get("title", "") if isinstance(error.schema, dict) else ""


def _explain(error: ValidationError, path: tuple) -> tuple[str, str, str]:
    field = format_path(path)
    kind = error.validator
    title = _title(error)
    if "propertyNames" in error.relative_schema_path:
        message = error.schema.get(MESSAGE, "bad_year_key") if isinstance(error.schema, dict) else "bad_year_key"
        return field, msg(f"errors.{message}", value=visible(str(error.instance))), msg(f"hints.{message}")
    if kind == "required":
        name = error.message.split("'")[1] if "'" in error.message else str(error.validator_value)
        sub_title = error.schema.get("properties", {}).get(name, {}).get("title", name)
        return (format_path(path + (name,)), msg("errors.required", name=name, title=sub_title),
                msg("hints.required", name=name))
    if kind == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        extras = [k for k in error.instance if k not in allowed]
        key = str(extras[0]) if extras else "?"
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint = (msg("hints.did_you_mean", suggestion=close[0]) if close
                else msg("hints.allowed_fields", fields=msg("ui.list_separator").join(allowed)))
        return format_path(path + (key,)), msg("errors.unknown_field", key=key), hint
    if kind == "type":
        expected = error.validator_value if isinstance(error.validator_value, str) else error.validator_value[0]
        return (field, msg("errors.wrong_type", title=title or field,
                           expected=msg(_TYPE_NAMES.get(expected, expected)),
                           actual=_describe(error.instance)),
                msg("hints.wrong_type"))
    if kind == "enum":
        choices = msg("ui.list_separator").join(str(c) for c in error.validator_value)
        return field, msg("errors.not_in_choices", value=error.instance, choices=choices), msg("hints.choose_one")
    if kind == "pattern":   # what is wrong is the schema's to say (model/schema.py `matching`)
        message = error.schema.get(MESSAGE, "bad_id") if isinstance(error.schema, dict) else "bad_id"
        return field, msg(f"errors.{message}", value=visible(str(error.instance))), msg(f"hints.{message}")
    if kind == "propertyNames":
        bad = error.instance if not isinstance(error.instance, dict) else next(iter(error.instance), "")
        return field, msg("errors.bad_year_key", value=bad), msg("hints.bad_year_key")
    if kind == "minLength":
        return field, msg("errors.empty_value", title=title or field), msg("hints.empty_value")
    if kind == "maxLength":
        return (field, msg("errors.too_long", length=len(error.instance), limit=error.validator_value),
                msg("hints.too_long"))
    if kind in ("minimum", "maximum"):   # a fiscal year, unless the schema (a field's kind) says what it is
        message = error.schema.get(MESSAGE, "year_out_of_range") if isinstance(error.schema, dict) else "year_out_of_range"
        return (field, msg(f"errors.{message}", value=error.instance, first=FIRST_FY, last=LAST_FY,
                           limit=error.validator_value, title=title or field),
                msg(f"hints.{message}", first=FIRST_FY, limit=error.validator_value))
    if kind == "exclusiveMinimum":
        return (field, msg("errors.not_above", title=title or field, limit=error.validator_value, value=error.instance),
                msg("hints.not_above"))
    if kind == "minItems":
        return field, msg("errors.empty_list", title=title or field), msg("hints.empty_value")
    if kind == "uniqueItems":
        return field, msg("errors.duplicate_items", title=title or field), msg("hints.duplicate_items")
    if kind == "anyOf":
        for sub in error.context or ():
            if sub.validator == "maxLength":
                return field, msg("errors.too_long", length=len(sub.instance), limit=sub.validator_value), msg("hints.too_long")
            if sub.validator == "minLength" or sub.validator == "minItems":
                return field, msg("errors.empty_value", title=title or field), msg("hints.empty_value")
        return field, msg("errors.not_text", title=title or field, actual=_describe(error.instance)), msg("hints.not_text")
    return field, msg("errors.schema_other", detail=error.message), ""


def _describe(value: Any) -> str:
    if value is None:
        return msg("types.null")
    if isinstance(value, bool):
        return msg("types.boolean")
    if isinstance(value, int):
        return msg("types.with_value", type=msg("types.integer"), value=value)
    if isinstance(value, float):
        return msg("types.with_value", type=msg("types.number"), value=value)
    if isinstance(value, str):
        shown = value if len(value) <= 20 else value[:20] + "…"
        return msg("types.with_value", type=msg("types.string"), value=shown)
    if isinstance(value, list):
        return msg("types.array")
    if isinstance(value, dict):
        return msg("types.object")
    return type(value).__name__
