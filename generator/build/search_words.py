"""Words for the search index, cut by our analyser so that a query is cut the same way.

Pagefind segments Japanese with its own dictionary while indexing, and the browser cuts the
query with another one (Intl.Segmenter), so a query and a page disagree on where words
end: 議事録 may be searched as 議+事録 and find pages that only share 議. Instead, each
page's text is cut here into the analyser's short units (SudachiPy mode A, through the same
corrections as ふりがな: render/readings.py), separated by spaces, and given to Pagefind
under a language it does not segment (INDEX_LANGUAGE). Every bundle also gets the words it
holds (words/<n>.json, by first character): the search page cuts a query into those words
(planpub-search.js), so a page matches when it has the query's words in sequence.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

from generator.pages import urls
from generator.render.readings import pieces

# The language the index is built and searched in: one Pagefind does not segment or stem
# ("undetermined"); the search page creates its instance with the same.
INDEX_LANGUAGE = urls.SEARCH_LANGUAGE
# Word lists per bundle, split by the first character's code point, so a query fetches
# only the few lists of its own characters.
WORD_BUCKETS = 64
WORDS_FOLDER = "words"
TEXT_NODE = re.compile(r">([^<]+)(?=<)")
HTML_TAG = re.compile(r"<html\b[^>]*>")
SKIPPED = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.S | re.I)


def normalise(text: str) -> str:
    """As both sides compare text: NFKC (full-width letters and digits, half-width kana).
    The page's text keeps its case (excerpts show it); Pagefind lowers the case of words."""
    return unicodedata.normalize("NFKC", text)


def indexed_word(token: str) -> str:
    """The form Pagefind indexes a token under: its letters and digits only, lower case."""
    return "".join(c for c in token if c.isalnum()).lower()


def cut(text: str) -> list[str]:
    """`text` as the analyser's short words, normalised; spaces are not words."""
    return [surface for surface, _ in pieces(normalise(text), mode="A") if surface.strip()]


def _cut_node(match: re.Match, words: set[str]) -> str:
    text = html.unescape(match.group(1))
    if not text.strip():
        return match.group(0)
    tokens = cut(text)
    words.update(w for w in map(indexed_word, tokens) if w)
    return ">" + html.escape(" ".join(tokens), quote=False) + " "


def segmented(page_html: str) -> tuple[str, set[str]]:
    """A page's indexed HTML with its text cut into words, in INDEX_LANGUAGE, and the set of
    words it holds."""
    words: set[str] = set()
    page_html = SKIPPED.sub("", page_html)
    page_html = HTML_TAG.sub(f'<html lang="{INDEX_LANGUAGE}">', page_html, count=1)
    return TEXT_NODE.sub(lambda m: _cut_node(m, words), page_html), words


def bucket(word: str) -> int:
    return ord(word[0]) % WORD_BUCKETS


def write_words(bundle: Path, pages_per_word: Counter) -> None:
    """words/<n>.json in a bundle: {word: number of its pages holding it}, by bucket."""
    folder = bundle / WORDS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    buckets: dict[int, dict[str, int]] = {n: {} for n in range(WORD_BUCKETS)}
    for word, count in sorted(pages_per_word.items()):
        buckets[bucket(word)][word] = count
    for n, words in buckets.items():
        (folder / f"{n}.json").write_text(json.dumps(words, ensure_ascii=False, separators=(",", ":")),
                                          encoding="utf-8")
