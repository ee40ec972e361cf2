"""A declared reading of a word (ふりがな), checked where it is declared: readings.yml of a
plan, the project's dictionary. Pure rules; the analyser that uses them is render/readings.py."""

from __future__ import annotations

import re

KANJI_CLASS = "\u3400-\u9fff\uf900-\ufaff\u3005\u3006\u30f6"
HIRAGANA_READING = re.compile(r"^[\u3041-\u3096\u30fc]+$")


TO_HIRAGANA = {code: code - 0x60 for code in range(0x30A1, 0x30F7)}


def hiragana(katakana: str) -> str:
    return katakana.translate(TO_HIRAGANA)


def check_word(word: str, reading: str) -> str | None:
    """Why a declared reading cannot be used (reading_<key> in the messages), or None:
    the word must have kanji, the reading be hiragana and keep the word's own kana in
    place (取り組み: とりくみ), so that each kanji run gets its part of the reading."""
    if not re.search(f"[{KANJI_CLASS}]", word):
        return "no_kanji"
    if not HIRAGANA_READING.match(reading):
        return "not_hiragana"
    runs = re.findall(f"[{KANJI_CLASS}]+|[^{KANJI_CLASS}]+", word)
    pattern = "".join("(.+?)" if re.match(f"[{KANJI_CLASS}]", run) else re.escape(hiragana(run)) for run in runs)
    if re.fullmatch(pattern, reading) is None:
        return "kana_mismatch"
    return None
