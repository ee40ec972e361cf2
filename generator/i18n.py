"""All user-facing text (UI labels and error messages) comes from locales/<lang>.yml.

Keeping every string in one file per language means adding English (or any other
language) is a translation job, not a code change.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

LOCALES_DIR = Path(__file__).parent / "locales"
DEFAULT_LANGUAGE = "ja"
_state = {"language": DEFAULT_LANGUAGE}


def available_languages() -> list[str]:
    return sorted(p.stem for p in LOCALES_DIR.glob("*.yml"))


def set_language(language: str) -> None:
    if language not in available_languages():
        raise ValueError(f"unknown language {language!r}")
    _state["language"] = language


def current_language() -> str:
    return _state["language"]


@lru_cache(maxsize=None)
def _catalogue(language: str) -> dict[str, Any]:
    with open(LOCALES_DIR / f"{language}.yml", encoding="utf-8") as fh:
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))   # libyaml: every command reads it


def lookup(key: str, language: str | None = None) -> Any:
    """The raw entry for a dotted key; falls back to Japanese, then to the key itself."""
    for lang in (language or current_language(), DEFAULT_LANGUAGE):
        node: Any = _catalogue(lang)
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                node = None
                break
            node = node[part]
        if node is not None:
            return node
    return key


def has(key: str, language: str | None = None) -> bool:
    """Whether the catalogue (or the Japanese one it falls back to) has `key`."""
    return lookup(key, language) != key


def msg(message_key: str, /, *, language: str | None = None, **params: Any) -> str:
    """A message with {placeholders} filled in."""
    text = lookup(message_key, language)
    if not isinstance(text, str):
        return message_key
    return text.format(**params) if params else text


def catalogue(language: str | None = None) -> dict[str, Any]:
    """The whole catalogue, for templates (`t.ui.status`)."""
    return _catalogue(language or current_language())
