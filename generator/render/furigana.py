"""ふりがな for a rendered page, made at build time with SudachiPy (its core dictionary),
corrected by the plan's and the project's readings (readings.py).

The page itself stays as it is (no byte more when ふりがな is off); its readings go into a
file beside it (urls.ruby_fragment), fetched only when a reader turns ふりがな on. The file
lists the page's text nodes that contain kanji, in document order, each by its readings
only, never its text (the page has it already):

    {"r": [reading, ...], "n": "entry entry ..."}

`r` has each reading of the page once, the most used first; `n` one entry per text node,
separated by spaces: numbers, each written in base 32 with the digits of MORE before its
last digit, which is one of LAST (so 0–31 take one character). An entry is the CRC-32 of the
node's text in UTF-8 (which node it is for), then per ruby: its `gap` after the previous
ruby's end (the node's start for the first), its `length` and its reading's place in `r`.
Positions count UTF-16 code units, as JavaScript strings do. The browser
(planpub-reading.js) replaces each text node whose CRC an entry has with the text and
<ruby> elements the entry spells, so nothing of the page's markup or its scripts' state is
touched. `decoded` reads a file back into segments against its page.
"""

from __future__ import annotations

import html
import json
import re
import zlib
from collections import Counter
from functools import lru_cache

from generator.model.readings import hiragana
from generator.render.memo import memo
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


MORE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef"   # a base-32 digit with more digits after it
LAST = "ghijklmnopqrstuvwxyz0123456789-_"   # a number's last base-32 digit


def number(value: int) -> str:
    """`value` in the file's self-delimiting base 32."""
    out = LAST[value & 31]
    value >>= 5
    while value:
        out = MORE[value & 31] + out
        value >>= 5
    return out


SMALL = [number(value) for value in range(1024)]   # gaps, lengths and most reading numbers


def numbers(text: str) -> list[int]:
    """The numbers of one entry (the inverse of `number`)."""
    out, value = [], 0
    for char in text:
        if char in LAST:
            out.append(value * 32 + LAST.index(char))
            value = 0
        else:
            value = value * 32 + MORE.index(char)
    return out


ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _units(text: str) -> int:
    """The length of `text` in UTF-16 code units (a JavaScript string's length)."""
    return len(text.encode("utf-16-le")) // 2


@memo(1 << 16)
def node_entry(text: str, readings: Readings | None = None) -> tuple[str, tuple[tuple[str, str], ...]]:
    """One text node's entry: its CRC (encoded) and its rubies as (gap and length encoded,
    reading). Kept per text (memo.py), so a text the print page shares with the initiative
    page or another 版 is read once per build."""
    units = _units if ASTRAL.search(text) else len   # only characters beyond U+FFFF count twice
    rubies, gap = [], 0
    for part in segments(text, readings):
        if isinstance(part, str):
            gap += units(part)
        else:
            length = units(part[0])
            rubies.append((SMALL[gap] + SMALL[length] if gap < 1024 and length < 1024
                           else number(gap) + number(length), part[1]))
            gap = 0
    return number(zlib.crc32(text.encode("utf-8"))), tuple(rubies)


def ruby_fragment(page_html: str, readings: Readings | None = None) -> bytes:
    """The readings of a page's text (its rendered content), as the browser applies them;
    `readings`: the corrections for the page's plan (readings.readings_for). Written by
    hand rather than json.dumps: all but the readings are characters that need no escape."""
    entries = [node_entry(text, readings) for text in _text_nodes(page_html)]
    uses = Counter(reading for _, rubies in entries for _, reading in rubies)
    place = {reading: i for i, (reading, _) in enumerate(uses.most_common())}   # ties: first seen first
    code = [SMALL[i] if i < 1024 else number(i) for i in range(len(place))]
    written = " ".join(crc + "".join(where + code[place[reading]] for where, reading in rubies)
                       for crc, rubies in entries)
    names = json.dumps(list(place), ensure_ascii=False, separators=(",", ":"))
    return f'{{"r":{names},"n":"{written}"}}'.encode("utf-8")


def decoded(fragment: bytes, page_html: str) -> list[list]:
    """A ふりがな file applied to its page as planpub-reading.js applies it: per text node it
    is for (in order, looking a few entries ahead), segments (plain strings and [base,
    reading] pairs). `page_html`: the page, or its content. For tools and tests."""
    data = json.loads(fragment)
    entries = [numbers(entry) for entry in data["n"].split(" ")] if data["n"] else []
    out, index = [], 0
    for text in _text_nodes(page_html):
        crc = zlib.crc32(text.encode("utf-8"))
        ahead = next((i for i in range(index, min(index + 10, len(entries))) if entries[i][0] == crc), None)
        if ahead is None:
            continue
        index = ahead + 1
        units, position, parts = text.encode("utf-16-le"), 0, []
        rubies = entries[ahead][1:]
        for gap, length, reading in zip(rubies[0::3], rubies[1::3], rubies[2::3]):
            if gap:
                parts.append(units[2 * position:2 * (position + gap)].decode("utf-16-le"))
            position += gap
            parts.append([units[2 * position:2 * (position + length)].decode("utf-16-le"), data["r"][reading]])
            position += length
        if 2 * position < len(units):
            parts.append(units[2 * position:].decode("utf-16-le"))
        out.append(parts)
    return out
