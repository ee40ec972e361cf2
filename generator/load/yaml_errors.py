"""PyYAML's syntax errors in words staff can act on, with the usual cause on the lines
around the error: a full-width 「：」 or 「　」 typed by a Japanese input method, or a value
that starts with % (or @, `) and needs quotes."""

from __future__ import annotations

import re

from generator.i18n import msg

# (part of PyYAML's problem text, our message key): the first that matches explains it.
_PROBLEMS = (
    ("mapping values are not allowed here", "colon_in_value"),
    ("could not find expected ':'", "missing_colon"),
    ("expected '<document start>'", "missing_colon"),   # a line without "name:" above a field
    ("that cannot start any token", "bad_start"),
    ("found unexpected end of stream", "unclosed"),
    ("expected ',' or ']'", "flow_unclosed"),
    ("expected ',' or '}'", "flow_unclosed"),
    ("expected <block end>", "indentation"),
    ("did not find expected key", "indentation"),
    ("did not find expected '-' indicator", "indentation"),
    ("block sequence entries are not allowed here", "indentation"),
    ("sequence entries are not allowed here", "indentation"),
    ("but found another document", "two_documents"),
    ("found unknown escape character", "escape"),
)
_CHARACTER = re.compile(r"found character '(.+)' that cannot start any token")
# A key typed with a full-width colon: 「title：…」 (before any half-width colon on the line).
_FULLWIDTH_COLON = re.compile(r"^[ \u3000]*-?[ ]*[A-Za-z0-9_.\-]+[ \u3000]*\uff1a")
_FULLWIDTH_INDENT = re.compile(r"^ *\u3000")
_PERCENT_VALUE = re.compile(r"(?:^|:[ ]+|-[ ]+)[%@`]")
NEARBY = 3   # lines before the error line that are looked at for the cause


def explain(text: str, line: int | None, problem: str) -> tuple[str, str]:
    """(message, hint) for a syntax error PyYAML reported at `line` (1-based)."""
    kind = next((key for part, key in _PROBLEMS if part in problem), None)
    character = _CHARACTER.search(problem)
    if kind is None:
        message = msg("errors.yaml_syntax", detail=problem)
    else:
        # Only bad_start has a placeholder (the others may show { } as text).
        message = msg(f"errors.yaml_syntax_{kind}", **({"char": character.group(1)} if character else {}))
    hints = [msg(f"hints.yaml_cause_{cause}", line=n) for cause, n in _causes(text, line)]
    return message, " ".join(hints) or msg(f"hints.yaml_syntax_{kind}" if kind else "hints.yaml_syntax")


def _causes(text: str, line: int | None) -> list[tuple[str, int]]:
    """The likely causes on the error line and the few lines before it."""
    if line is None:
        return []
    lines = text.splitlines()
    found = []
    for n in range(max(1, line - NEARBY), min(line, len(lines)) + 1):
        content = lines[n - 1]
        if _FULLWIDTH_COLON.match(content):
            found.append(("fullwidth_colon", n))
        if _FULLWIDTH_INDENT.match(content):
            found.append(("fullwidth_space", n))
        if _PERCENT_VALUE.search(content.split("#", 1)[0]):
            found.append(("needs_quotes", n))
    return found


def fullwidth_indented(key) -> bool:
    """A mapping key that begins with a full-width space: a line indented with 「　」."""
    return isinstance(key, str) and key.startswith("\u3000")
