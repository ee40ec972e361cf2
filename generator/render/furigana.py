"""ふりがな for a rendered page, made at build time with SudachiPy (its core dictionary).

The page itself stays as it is (no byte more when ふりがな is off); its readings go into a
file beside it (urls.ruby_fragment), fetched only when a reader turns ふりがな on. The file
lists the page's text nodes that contain kanji, in document order, each as segments: a
plain string, or [kanji, reading in hiragana]. The browser (planpub-reading.js) replaces
each text node whose text the segments spell with <ruby>, so nothing of the page's markup
or its scripts' state is touched.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from html.parser import HTMLParser

KANJI = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3005\u3006\u30f6]")
KANA = re.compile(r"[\u3040-\u309f\u30a0-\u30ff]")
SKIPPED = {"script", "style", "rt", "rp", "ruby", "code", "pre", "svg", "textarea", "template"}


@lru_cache(maxsize=1)
def _tokenizer():
    from sudachipy import Dictionary, SplitMode
    return Dictionary(dict="core").tokenizer(mode=SplitMode.C), SplitMode.C


def _hiragana(katakana: str) -> str:
    return "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in katakana)


@lru_cache(maxsize=1 << 16)
def _word_segments(surface: str, reading: str) -> list:
    """One word: each run of kanji with its reading, the kana between them as they are
    (「取り組み」 → [["取", "と"], "り", ["組", "く"], "み"]); the whole word when the
    reading does not line up with its kana."""
    runs = re.findall(r"[\u3400-\u9fff\uf900-\ufaff\u3005\u3006\u30f6]+|[^\u3400-\u9fff\uf900-\ufaff\u3005\u3006\u30f6]+", surface)
    pattern = "".join("(.+?)" if KANJI.match(run) else f"({re.escape(_hiragana(run))})" for run in runs)
    match = re.fullmatch(pattern, reading)
    if match is None:
        return [[surface, reading]]
    return [[run, part] if KANJI.match(run) else run for run, part in zip(runs, match.groups())]


@lru_cache(maxsize=1 << 16)
def segments(text: str) -> tuple:
    """Text as plain strings and [kanji word, reading] pairs; only kanji words get a reading.
    Cached: pages of one site repeat most of their texts (labels, titles, list items), and
    the analyser is most of the cost of a page's ふりがな."""
    tokenizer, mode = _tokenizer()
    out: list = []
    for morpheme in tokenizer.tokenize(text, mode):
        surface = morpheme.surface()
        reading = _hiragana(morpheme.reading_form())
        parts = _word_segments(surface, reading) if KANJI.search(surface) and KANA.search(reading) \
            and reading != surface else [surface]
        for part in parts:
            if isinstance(part, str) and out and isinstance(out[-1], str):
                out[-1] += part
            else:
                out.append(part)
    return tuple(out)


class _TextNodes(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skipping: list[str] = []
        self.nodes: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED:
            self.skipping.append(tag)

    def handle_endtag(self, tag):
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_data(self, data):
        if not self.skipping and KANJI.search(data):
            self.nodes.append(data)


def ruby_fragment(html: str) -> bytes:
    """The readings of a page's text (its rendered content), as the browser applies them."""
    parser = _TextNodes()
    parser.feed(html)
    parser.close()
    entries = [segments(text) for text in parser.nodes]
    return json.dumps(entries, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
