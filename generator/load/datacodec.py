"""Parsed YAML data as JSON and back, exactly: the values a content file can hold (strings,
numbers, booleans, null, dates, lists, mappings with keys of any of these types).

JSON alone would turn the year keys (2024:) into strings and dates into text. A mapping
with string keys is a JSON object; any other mapping is {"m:": [[key, value], …]} with
each key carrying its type ("s:title", "i:2024"); a date is {"d:": "2024-03-31"}. (A
mapping whose own keys include one of these marks is written the tagged way too.)
Decoding accepts nothing else, so a cache file is data and only data.
"""

from __future__ import annotations

import datetime as dt
from typing import Any


class DecodeError(ValueError):
    """The text is not data this codec wrote."""


_DATE, _DATETIME, _MAPPING = "d:", "t:", "m:"
_MARKS = (_DATE, _DATETIME, _MAPPING)


def encode(value: Any) -> Any:
    if isinstance(value, dict):
        if all(type(k) is str for k in value) and not any(mark in value for mark in _MARKS):
            return {k: encode(v) for k, v in value.items()}
        return {_MAPPING: [[encode_key(k), encode(v)] for k, v in value.items()]}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, dt.datetime):
        return {_DATETIME: value.isoformat()}
    if isinstance(value, dt.date):
        return {_DATE: value.isoformat()}
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    raise TypeError(f"cannot encode {type(value).__name__}")


def encode_key(key: Any) -> str:
    if isinstance(key, bool):
        return f"b:{int(key)}"
    if isinstance(key, str):
        return "s:" + key
    if isinstance(key, int):
        return f"i:{key}"
    if isinstance(key, float):
        return f"f:{key!r}"
    if key is None:
        return "n:"
    if isinstance(key, dt.datetime):
        return "t:" + key.isoformat()
    if isinstance(key, dt.date):
        return "d:" + key.isoformat()
    raise TypeError(f"cannot encode a key of type {type(key).__name__}")


def decode(value: Any) -> Any:
    if isinstance(value, dict):
        if len(value) == 1 and (_DATE in value or _DATETIME in value):
            text = value.get(_DATE, value.get(_DATETIME))
            if not isinstance(text, str):
                raise DecodeError("date")
            return (dt.date if _DATE in value else dt.datetime).fromisoformat(text)
        if len(value) == 1 and _MAPPING in value:
            return {decode_key(k): decode(v) for k, v in value[_MAPPING]}
        if any(mark in value for mark in _MARKS):
            raise DecodeError("mark")
        return {k: decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decode(v) for v in value]
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    raise DecodeError(type(value).__name__)


def decode_key(key: str) -> Any:
    if not isinstance(key, str):
        raise DecodeError("key")
    kind, _, text = key.partition(":")
    try:
        return _KEYS[kind](text)
    except (KeyError, ValueError):
        raise DecodeError(f"key {key!r}") from None


def _null(text: str) -> None:
    if text:
        raise ValueError(text)
    return None


_KEYS = {
    "s": str,
    "i": int,
    "b": lambda text: bool(int(text)),
    "f": float,
    "n": _null,
    "d": dt.date.fromisoformat,
    "t": dt.datetime.fromisoformat,
}


def node_paths(data: Any, path: tuple = ()):
    """Every value's key path in document order (the order YamlDocument.lines has): the
    lines of a document are stored as a plain list in this order."""
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from node_paths(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from node_paths(value, path + (index,))
