"""Words as the analyser (SudachiPy, core dictionary) reads them, corrected where a general
dictionary cannot know: a plan's own names (content/plans/<plan>/readings.yml), the
project's plan vocabulary (readings.yml beside this file) and a few rules that need the
neighbouring characters (the 26th of a month, 版 as an edition, 令和元年: readings.yml
`rules`).

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
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

from generator.model.readings import KANJI_CLASS, hiragana

KANJI = re.compile(f"[{KANJI_CLASS}]")

PROJECT_READINGS = Path(__file__).with_name("readings.yml")


@lru_cache(maxsize=1)
def _project() -> dict:
    return yaml.load(PROJECT_READINGS.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def project_words() -> dict[str, tuple[str, str]]:
    """The project dictionary: word → (reading, where the reading is attested)."""
    return {word: (reading, source) for word, (reading, source) in _project()["words"].items()}


@dataclass(frozen=True)
class Rules:
    """The readings that depend on neighbouring characters (readings.yml `rules`)."""

    edition: dict
    day: dict
    era: dict
    edition_pattern: re.Pattern
    day_pattern: re.Pattern
    era_pattern: re.Pattern


@lru_cache(maxsize=1)
def rules() -> Rules:
    data = _project()["rules"]
    edition, day, era = data["edition"], data["day"], data["era_first_year"]
    noun_before = f"{KANJI_CLASS}A-Za-z\\uff21-\\uff3a\\uff41-\\uff5a\\u30a1-\\u30fa"
    return Rules(
        edition, day, era,
        re.compile(f"(?<![{noun_before}]){re.escape(edition['word'])}(?![{KANJI_CLASS}])"),
        re.compile(f"(?<![\\d.,\\uff0c\\uff0e])(\\d{{1,2}}){re.escape(day['word'])}(?![{day['not_before']}])"
                   f"({re.escape(day['span'][0])})?"),
        re.compile("|".join(f"(?<={re.escape(name)}){re.escape(era['word'])}(?={re.escape(era['before'])})"
                            for name in era["eras"])))


INTEGER_BEFORE = re.compile(r"(?<![\d.\uff0e])(\d+)$")


@dataclass(frozen=True)
class Readings:
    """The corrections that apply to one plan's pages: its own words over the project's."""

    words: tuple[tuple[str, str], ...]

    @cached_property
    def pattern(self) -> re.Pattern | None:
        """All the words, longest first (so the longest entry at a place wins)."""
        longest_first = sorted((w for w, _ in self.words), key=lambda w: (-len(w), w))
        return re.compile("|".join(map(re.escape, longest_first))) if longest_first else None

    @cached_property
    def reading(self) -> dict[str, str]:
        return dict(self.words)


@lru_cache(maxsize=256)
def readings_for(plan_words: tuple[tuple[str, str], ...] = ()) -> Readings:
    """The corrections for a plan with these words of its own (none: the project's only)."""
    merged = {word: reading for word, (reading, _) in project_words().items()}
    merged.update(dict(plan_words))
    return Readings(tuple(sorted(merged.items())))


def _day(match: re.Match, text: str) -> list:
    day = rules().day
    digits = match.group(1)
    number = int(digits)   # also ２６
    if not 1 <= number <= 31:
        return [match.group(0)]   # not a day of a month: as it is
    if number == 1:
        after_month = text[:match.start()].endswith(day["month"])
        reading = day["first"]["after_month" if after_month else "otherwise"]
    else:
        reading = day["readings"].get(number)
    span = [[day["span"][0], day["span"][1]]] if match.group(2) else []
    if reading:
        return [[digits + day["word"], reading]] + span
    return [digits, [day["word"], day["regular"]]] + span


def _edition(match: re.Match, text: str) -> list:
    edition = rules().edition
    integer = INTEGER_BEFORE.search(text[:match.start()])
    doubled = integer is not None and integer.group(1)[-1] in edition["doubling_digits"]
    return [[edition["word"], edition["doubled" if doubled else "reading"]]]


def corrections(text: str, readings: Readings) -> list[tuple[int, int, list]]:
    """Where the corrections apply in `text`: (start, end, segments), leftmost and longest
    first, never overlapping. Segments are plain strings and [word, reading] pairs."""
    found = []
    pattern = readings.pattern
    if pattern is not None:
        found += [(m.start(), m.end(), "word", m) for m in pattern.finditer(text)]
    rule = rules()
    for kind, pattern, word in (("day", rule.day_pattern, rule.day["word"]),
                                ("edition", rule.edition_pattern, rule.edition["word"]),
                                ("era", rule.era_pattern, rule.era["word"])):
        if word in text:
            found += [(m.start(), m.end(), kind, m) for m in pattern.finditer(text)]
    found.sort(key=lambda f: (f[0], f[0] - f[1]))
    out, end = [], 0
    for start, stop, kind, match in found:
        if start < end:
            continue
        if kind == "word":
            segments = [[match.group(0), readings.reading[match.group(0)]]]
        elif kind == "day":
            segments = _day(match, text)
        elif kind == "era":
            segments = [[rule.era["word"], rule.era["reading"]]]
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
    words = []
    for morpheme in tokenizer.tokenize(text, modes[mode]):
        surface = morpheme.surface()
        # only words with kanji get a reading: the others' is never used
        words.append((surface, hiragana(morpheme.reading_form()) if KANJI.search(surface) else surface))
    return tuple(words)


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
