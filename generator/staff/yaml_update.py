"""Change the values of a hand-written YAML file without rewriting it: comments, key
order, quoting and flow lists stay as the person wrote them (ruamel.yaml's round trip).

The change is three-way: `old` is what the file meant (the canonical data of the loaded
model), `new` what it should mean. Where old and new agree, the file's own text for that
value is kept, whatever its form; only the values that differ are replaced."""

from __future__ import annotations

import difflib
import io
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

_MISSING = object()


def updated_text(text: str, old: dict, new: dict) -> str:
    """`text` (a YAML mapping) with the values that differ between `old` and `new` changed."""
    yaml = _yaml(text)
    document = yaml.load(text)
    if not isinstance(document, CommentedMap):
        document = CommentedMap()
    _update_map(document, old, new)
    out = io.StringIO()
    yaml.dump(document, out)
    return _keep_unchanged_lines(text, out.getvalue())


def _keep_unchanged_lines(original: str, dumped: str) -> str:
    """The dump, with every line that differs from the original only in spacing (ruamel
    re-spaces flow lists and comments) given back as it was written."""
    before, after = original.splitlines(keepends=True), dumped.splitlines(keepends=True)
    squeeze = lambda line: re.sub(r"\s+", "", line)
    matcher = difflib.SequenceMatcher(None, [squeeze(l) for l in before], [squeeze(l) for l in after],
                                      autojunk=False)
    lines = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        lines += before[i1:i2] if tag == "equal" else after[j1:j2]
    return "".join(lines)


def _yaml(text: str) -> YAML:
    yaml = YAML()  # round-trip
    yaml.preserve_quotes = True
    yaml.width = 1_000_000
    yaml.allow_unicode = True
    # Keep the file's list indentation: "key:\n  - a" (the canonical writer) or "key:\n- a".
    if re.search(r"^(\s*)[^\s#-][^:\n]*:\s*\n\1- ", text, re.M):
        yaml.indent(mapping=2, sequence=2, offset=0)
    else:
        yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _update_map(node: CommentedMap, old: dict, new: dict) -> None:
    for key in [k for k in node if k not in new and k in old]:
        del node[key]
    previous = None
    for key, value in new.items():
        before = old.get(key, _MISSING) if isinstance(old, dict) else _MISSING
        if before == value:
            pass  # unchanged: the file's own text for it (or its omission) stays
        elif key in node:
            node[key] = _merged(node[key], before, value)
        else:
            position = list(node).index(previous) + 1 if previous in node else 0
            node.insert(position, key, _like(_fresh(value), [node[k] for k in node]))
        previous = key


def _merged(node: Any, old: Any, new: Any) -> Any:
    """The file's node for `old`, changed to mean `new` (kept where they agree)."""
    if isinstance(node, CommentedMap) and isinstance(old, dict) and isinstance(new, dict):
        _update_map(node, old, new)
        return node
    if isinstance(node, CommentedSeq) and isinstance(old, list) and isinstance(new, list) \
            and len(node) == len(old) == len(new):
        for index, (was, becomes) in enumerate(zip(old, new)):
            if was != becomes:
                node[index] = _merged(node[index], was, becomes)
        return node
    return _like(_fresh(new), [node])


def _like(fresh: Any, neighbours: list) -> Any:
    """A new list or mapping in flow style ({value: 10}) when the value it joins or
    replaces was written so."""
    if isinstance(fresh, (CommentedMap, CommentedSeq)) and any(
            isinstance(n, type(fresh)) and n.fa.flow_style() for n in neighbours):
        fresh.fa.set_flow_style()
    return fresh


def _fresh(value: Any) -> Any:
    """A new value written as the canonical writer would (block style, literal blocks)."""
    if isinstance(value, dict):
        fresh = CommentedMap()
        for key, item in value.items():
            fresh[key] = _fresh(item)
        return fresh
    if isinstance(value, list):
        return CommentedSeq([_fresh(item) for item in value])
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value)
    return value
