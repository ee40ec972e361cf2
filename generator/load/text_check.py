"""Text that cannot deceive (model/text_safety.py says why): every string of a file is
checked by what its schema says it is — a one-line value (a string limited to fewer than
MAX_TEXT characters: titles, names, units …) or prose — and each problem is reported at
its line. These problems do not drop the file from the model: the rest is still checked."""

from __future__ import annotations

from typing import Any, Iterator

from generator.i18n import msg
from generator.load.problems import Problems
from generator.load.yamlfile import YamlDocument, format_path
from generator.model.schema import MAX_TEXT
from generator.model.text_safety import describe, hidden_in_line, hidden_in_prose, visible


def check_text(doc: YamlDocument, schema: dict, problems: Problems) -> None:
    for path, value, one_line in strings(schema, doc.data):
        hidden = hidden_in_line(value) if one_line else hidden_in_prose(value)
        if not hidden:
            continue
        if one_line and set(hidden) <= {"\n", "\r"}:
            key = "line_break_in_line"
        else:
            key = "hidden_character_in_line" if one_line else "hidden_character"
        problems.add(doc.path, doc.line_of(path), format_path(path),
                     msg(f"errors.{key}", value=visible(value if len(value) <= 60 else value[:60] + "…"),
                         characters=msg("ui.list_separator").join(describe(c) for c in hidden)),
                     msg(f"hints.{key}"), code=key)


def strings(schema: dict, data: Any) -> Iterator[tuple[tuple, str, bool]]:
    """(key path, value, whether it is one line) of every string of `data`, a document of `schema`."""
    definitions = schema.get("$defs", {})

    def resolve(node: dict) -> dict:
        while isinstance(node, dict) and "$ref" in node:
            node = definitions[node["$ref"].rsplit("/", 1)[-1]]
        return node

    def branch(node: dict, value: Any) -> dict | None:
        """The branch of an anyOf (prose: text or a list; a date: text or a year) for `value`."""
        if "type" in node or "properties" in node or "anyOf" not in node:
            return node
        wanted = "string" if isinstance(value, str) else "array" if isinstance(value, list) else \
            "object" if isinstance(value, dict) else None
        for option in node["anyOf"]:
            option = resolve(option)
            if option.get("type") == wanted or (wanted == "object" and "properties" in option):
                return option
        return None

    def walk(node: dict | None, value: Any, path: tuple):
        node = branch(resolve(node), value) if isinstance(node, dict) else None
        if node is None:
            return
        if isinstance(value, str):
            if "pattern" not in node:   # ids, dates and links: the pattern decides
                yield path, value, node.get("maxLength", MAX_TEXT) < MAX_TEXT
        elif isinstance(value, dict):
            properties, additional = node.get("properties", {}), node.get("additionalProperties")
            for key, item in value.items():
                sub = properties.get(str(key), additional if isinstance(additional, dict) else None)
                yield from walk(sub, item, path + (key,))
        elif isinstance(value, list) and isinstance(node.get("items"), dict):
            for index, item in enumerate(value):
                yield from walk(node["items"], item, path + (index,))

    yield from walk(schema, data, ())
