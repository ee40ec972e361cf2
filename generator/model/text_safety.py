"""Characters that deceive: what a one-line value (a title, a name) and prose may hold.

A bidi control (U+202A–202E, U+2066–2069) reorders what follows it, so 「画像‮gnp.exe」
reads as 「画像exe.png」; other invisible format characters (Unicode category Cf: zero-width
space, word joiner …) make two names that look the same differ. One-line values hold
neither, nor control characters (a tab, a line break); prose may hold line breaks and
tabs but never a bidi control. Names of a vocabulary are compared in NFC, the form that
makes 「が」 typed as one character and as か + ゛ the same text.
"""

from __future__ import annotations

import unicodedata

BIDI_CONTROLS = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
PROSE_CONTROLS_ALLOWED = frozenset("\n\t")


def _hidden(char: str) -> bool:
    return unicodedata.category(char) in ("Cf", "Cc") or char in BIDI_CONTROLS


def hidden_in_line(text: str) -> list[str]:
    """The characters a one-line value may not hold, in order, each once."""
    return list(dict.fromkeys(c for c in text if _hidden(c)))


def hidden_in_prose(text: str) -> list[str]:
    """The characters prose may not hold: bidi controls and control characters but line breaks and tabs."""
    return list(dict.fromkeys(c for c in text if c in BIDI_CONTROLS
                              or (unicodedata.category(c) == "Cc" and c not in PROSE_CONTROLS_ALLOWED)))


def describe(char: str) -> str:
    """「U+202E RIGHT-TO-LEFT OVERRIDE」: a character named so it can be found and deleted."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}".rstrip() if name else f"U+{ord(char):04X}"


def visible(text: str) -> str:
    """`text` with each hidden character shown as ⟨U+XXXX⟩ and a line break as ⏎, so a message
    quoting it shows what is there (and cannot itself be reordered)."""
    return "".join("⏎" if c == "\n" else f"⟨U+{ord(c):04X}⟩" if _hidden(c) else c for c in text)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
