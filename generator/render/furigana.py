"""ふりがな for a rendered page, made at build time with SudachiPy (its core dictionary),
corrected by the plan's and the project's readings (readings.py).

The page itself stays as it is (no byte more when ふりがな is off); its readings go into a
file beside it (urls.ruby_fragment), fetched only when a reader turns ふりがな on. The file
lists the page's text nodes that contain kanji, in document order, each as segments: a
plain string, or [kanji, reading in hiragana]. The browser (planpub-reading.js) replaces
each text node whose text the segments spell with <ruby>, so nothing of the page's markup
or its scripts' state is touched.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache

from generator.model.readings import hiragana
from generator.render.readings import Readings, pieces

KANJI = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3005\u3006\u30f6]")
KANA = re.compile(r"[\u3040-\u309f\u30a0-\u30ff]")
SKIPPED = {"script", "style", "rt", "rp", "ruby", "code", "pre", "svg", "textarea", "template"}


@lru_cache(maxsize=1 << 16)
def _word_segments(surface: str, reading: str) -> list:
    """One word: each run of kanji with its reading, the kana between them as they are
    (「取り組み」 → [["取", "と"], "り", ["組", "く"], "み"]); the whole word when the
    reading does not line up with its kana."""
    runs = re.findall(r"[\u3400-\u9fff\uf900-\ufaff\u3005\u3006\u30f6]+|[^\u3400-\u9fff\uf900-\ufaff\u3005\u3006\u30f6]+", surface)
    pattern = "".join("(.+?)" if KANJI.match(run) else f"({re.escape(hiragana(run))})" for run in runs)
    match = re.fullmatch(pattern, reading)
    if match is None:
        head, bracket, rest = surface.partition("\uff08")   # a full-width opening bracket
        if bracket and KANJI.search(head):   # 「姿（ビジョン）」: the reading is the word's, not the note's
            return _word_segments(head, reading) + [bracket + rest]
        return [[surface, reading]]
    return [[run, part] if KANJI.match(run) else run for run, part in zip(runs, match.groups())]


def _word(surface: str, reading: str) -> list:
    """One word's segments; a reading only for words with kanji that the reading spells."""
    if KANJI.search(surface) and KANA.search(reading) and reading != surface:
        return _word_segments(surface, reading)
    return [surface]


@lru_cache(maxsize=1 << 16)
def segments(text: str, readings: Readings | None = None) -> tuple:
    """Text as plain strings and [kanji word, reading] pairs; only kanji words get a reading.
    Cached: pages of one site repeat most of their texts (labels, titles, list items), and
    the analyser is most of the cost of a page's ふりがな."""
    out: list = []
    for surface, reading in pieces(text, readings):
        if isinstance(reading, list):   # a correction: its segments (kana in a word stay out of the ruby)
            parts = [part for seg in reading for part in (_word(*seg) if isinstance(seg, list) else [seg])]
        else:
            parts = _word(surface, reading)
        for part in parts:
            if isinstance(part, str) and out and isinstance(out[-1], str):
                out[-1] += part
            else:
                out.append(part)
    return tuple(out)


# Text nodes found with regular expressions rather than html.parser (which took two thirds
# of the time): the HTML is our own templates' output, where every "<" and ">" inside text
# or attribute values is escaped, so a text node is exactly what lies between ">" and "<".
# Skipped elements are cut out first and leave a tag behind, so the text around them stays
# two nodes, as the browser sees it.
SKIPPED_ELEMENT = re.compile(r"<(%s)\b[^>]*>.*?</\1\s*>" % "|".join(sorted(SKIPPED)), re.S | re.I)
COMMENT = re.compile(r"<!--.*?-->", re.S)
TEXT_NODE = re.compile(r">([^<]+)")


def _text_nodes(page_html: str) -> list[str]:
    kept = SKIPPED_ELEMENT.sub("<s>", COMMENT.sub("", page_html))
    nodes = (html.unescape(text) for text in TEXT_NODE.findall(kept))
    return [text for text in nodes if KANJI.search(text)]


def ruby_fragment(page_html: str, readings: Readings | None = None) -> bytes:
    """The readings of a page's text (its rendered content), as the browser applies them;
    `readings`: the corrections for the page's plan (readings.readings_for)."""
    entries = [segments(text, readings) for text in _text_nodes(page_html)]
    return json.dumps(entries, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
