"""Words for the search index (build/search_words.py): a page's text cut into the analyser's
short words, as the search page cuts a query; each bundle lists the words it holds."""

from __future__ import annotations

import json
from collections import Counter

from generator.build import search_words
from generator.build.search_words import WORD_BUCKETS, bucket, cut, indexed_word, normalise, segmented, write_words


def test_text_is_cut_into_short_words_and_normalised():
    assert cut("議事録") == ["議事", "録"]
    assert normalise("ＤＸ１２３") == "DX123" and indexed_word("DX-推進!") == "dx推進"


def test_a_pages_text_is_segmented_scripts_dropped_and_its_language_set():
    html = '<html lang="ja"><body><p>議事録の公開</p><script>var x = "議会";</script></body></html>'
    segmented_html, words = segmented(html)
    assert f'lang="{search_words.INDEX_LANGUAGE}"' in segmented_html and "<script" not in segmented_html
    assert "議事 録" in segmented_html and {"議事", "録", "公開"} <= words and "議会" not in words


def test_each_bundle_lists_its_words_by_first_character(tmp_path):
    write_words(tmp_path, Counter({"議事": 2, "公開": 1}))
    files = sorted((tmp_path / search_words.WORDS_FOLDER).glob("*.json"))
    assert len(files) == WORD_BUCKETS
    held = {}
    for path in files:
        held.update(json.loads(path.read_text(encoding="utf-8")))
    assert held == {"議事": 2, "公開": 1}
    assert json.loads((tmp_path / search_words.WORDS_FOLDER / f"{bucket('議事')}.json").read_text(encoding="utf-8"))["議事"] == 2
