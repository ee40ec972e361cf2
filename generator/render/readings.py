"""Words as the analyser (SudachiPy, core dictionary) reads them, corrected where a general
dictionary cannot know: a plan's own names (content/plans/<plan>/readings.yml), the
project's plan vocabulary (readings.yml beside this file) and a few rules that need the
neighbouring characters (the 26th of a month, 版 as an edition, 令和元年).

The corrections are a layer over the analyser rather than a Sudachi user dictionary: an
entry wins wherever its word appears (the longest entry at a place wins), whatever the
analyser's costs would prefer, and the text between corrections is analysed as before.
Building user dictionaries would need a compile step per plan and a second dictionary
load per process; this layer is a regular expression per set of entries (measured in
bench/furigana.py).

Both ふりがな (furigana.py, long units) and the search index (build/search_index.py, short
units) read text through `pieces`, so a page's words are the same in both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from generator.model.readings import KANJI_CLASS, hiragana

PROJECT_READINGS = Path(__file__).with_name("readings.yml")

# Days of a month whose reading is not number + にち (常用漢字表 付表: 一日 ついたち,
# 二日 ふつか, 二十日 はつか; the others are the native counts of days). 1日 after 月
# is the first day (ついたち); otherwise a single day (いちにち).
DAY_READINGS = {2: "ふつか", 3: "みっか", 4: "よっか", 5: "いつか", 6: "むいか", 7: "なのか", 8: "ようか",
                9: "ここのか", 10: "とおか", 14: "じゅうよっか", 20: "はつか", 24: "にじゅうよっか"}
DAY = re.compile(r"(?<![0-9０-９.,．，])([0-9０-９]{1,2})日(?![本曜])")
# 版 as an edition: after a number (第1.5版) or standing as a noun of its own (この版,
# 版を切り替える) it is はん; after a noun it is a suffix and stays as the analyser reads
# it (最新版 さいしんばん, 令和6年度版 …ばん). After an integer ending in 1, 6, 8 or 0 the
# h sound doubles (第1版 だいいっぱん), as with other counters on は (杯, 本).
EDITION = re.compile(r"(?<![%sA-Za-zＡ-Ｚａ-ｚ\u30a1-\u30fa])版(?![%s])" % (KANJI_CLASS, KANJI_CLASS))
INTEGER_BEFORE = re.compile(r"(?<![0-9.．])([0-9]+)$")
# 元 in the first year of an era (令和元年, 平成元年度) is がん (常用漢字表: 元 ガン); the
# analyser reads 令和元年度 as 令和＋もと＋年度. Only 元 is corrected, so 年度末 and the
# like stay whole words for the analyser.
ERA_FIRST_YEAR = re.compile(r"(?<=令和|平成|昭和|大正|明治)元(?=年)")


@lru_cache(maxsize=1)
def project_words() -> dict[str, tuple[str, str]]:
    """The project dictionary: word → (reading, where the reading is attested)."""
    data = yaml.safe_load(PROJECT_READINGS.read_text(encoding="utf-8"))
    return {word: (reading, source) for word, (reading, source) in data["words"].items()}


@dataclass(frozen=True)
class Readings:
    """The corrections that apply to one plan's pages: its own words over the project's."""

    words: tuple[tuple[str, str], ...]
    _pattern: re.Pattern | None = field(default=None, compare=False, hash=False, repr=False)

    def pattern(self) -> re.Pattern | None:
        if self._pattern is None and self.words:
            longest_first = sorted((w for w, _ in self.words), key=lambda w: (-len(w), w))
            object.__setattr__(self, "_pattern", re.compile("|".join(map(re.escape, longest_first))))
        return self._pattern

    def reading(self, word: str) -> str:
        return dict(self.words)[word]


@lru_cache(maxsize=256)
def readings_for(plan_words: tuple[tuple[str, str], ...] = ()) -> Readings:
    """The corrections for a plan with these words of its own (none: the project's only)."""
    merged = {word: reading for word, (reading, _) in project_words().items()}
    merged.update(dict(plan_words))
    return Readings(tuple(sorted(merged.items())))


def _day(match: re.Match, text: str) -> list:
    digits, number = match.group(1), int(match.group(1).translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    if not 1 <= number <= 31:
        return [match.group(0)]   # not a day of a month: leave it to the analyser
    if number == 1:
        reading = "ついたち" if text[:match.start()].endswith("月") else "いちにち"
    else:
        reading = DAY_READINGS.get(number)
    if reading:
        return [[match.group(0), reading]]
    return [digits, ["日", "にち"]]


def _edition(match: re.Match, text: str) -> list:
    integer = INTEGER_BEFORE.search(text[:match.start()])
    doubled = integer is not None and integer.group(1)[-1] in "1680"
    return [["版", "ぱん" if doubled else "はん"]]


def corrections(text: str, readings: Readings) -> list[tuple[int, int, list]]:
    """Where the corrections apply in `text`: (start, end, segments), leftmost and longest
    first, never overlapping. Segments are plain strings and [word, reading] pairs."""
    found = []
    pattern = readings.pattern()
    if pattern is not None:
        found += [(m.start(), m.end(), "word", m) for m in pattern.finditer(text)]
    if "日" in text:
        found += [(m.start(), m.end(), "day", m) for m in DAY.finditer(text)]
    if "版" in text:
        found += [(m.start(), m.end(), "edition", m) for m in EDITION.finditer(text)]
    if "元" in text:
        found += [(m.start(), m.end(), "era", m) for m in ERA_FIRST_YEAR.finditer(text)]
    found.sort(key=lambda f: (f[0], f[0] - f[1]))
    out, end = [], 0
    for start, stop, kind, match in found:
        if start < end:
            continue
        if kind == "word":
            segments = [[match.group(0), readings.reading(match.group(0))]]
        elif kind == "day":
            segments = _day(match, text)
        elif kind == "era":
            segments = [["元", "がん"]]
        else:
            segments = _edition(match, text)
        out.append((start, stop, segments))
        end = stop
    return out


@lru_cache(maxsize=1)
def _analyser():
    from sudachipy import Dictionary, SplitMode
    tokenizer = Dictionary(dict="core").tokenizer()
    return tokenizer, {"C": SplitMode.C, "A": SplitMode.A}


@lru_cache(maxsize=1 << 16)
def analysed(text: str, mode: str = "C") -> tuple[tuple[str, str], ...]:
    """The analyser's words of `text` as (surface, reading in hiragana); "C" gives long
    units (readings of compounds), "A" the shortest (words to search for)."""
    tokenizer, modes = _analyser()
    return tuple((m.surface(), hiragana(m.reading_form())) for m in tokenizer.tokenize(text, modes[mode]))


def pieces(text: str, readings: Readings | None = None, mode: str = "C") -> list[tuple[str, object]]:
    """`text` as words: (surface, reading) from the analyser between the corrections, and
    (surface, segments) for each correction (its segments as `corrections` gives them)."""
    readings = readings or readings_for()
    out: list[tuple[str, object]] = []
    position = 0
    for start, stop, segments in corrections(text, readings):
        if start > position:
            out += analysed(text[position:start], mode)
        out.append((text[start:stop], segments))
        position = stop
    if position < len(text):
        out += analysed(text[position:], mode)
    return out
