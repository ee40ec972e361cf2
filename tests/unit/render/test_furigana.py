"""ふりがな (render/furigana.py): the text nodes it reads are the ones a browser (and an HTML
parser) sees, and kanji words get readings in hiragana."""

from __future__ import annotations

from html.parser import HTMLParser

from generator.render.furigana import SKIPPED, _text_nodes, decoded, number, numbers, ruby_fragment, segments


class _Reference(HTMLParser):
    """What html.parser calls text nodes, skipping the same elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skipping, self.nodes = [], []

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED:
            self.skipping.append(tag)

    def handle_endtag(self, tag):
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_data(self, data):
        if not self.skipping and any("\u3400" <= c <= "\u9fff" for c in data):
            self.nodes.append(data)


PAGE = """<!doctype html><html lang="ja"><head><title>取組一覧</title>
<script type="application/json">{"名前": "<不要>"}</script><style>.x{content:"漢字"}</style></head>
<body><!-- 注記 --><h1 title="属性の&quot;漢字&quot;">市役所&amp;窓口</h1>
<p>前の文<svg><text>図の文字</text></svg>後の文</p><pre><code>コード内の漢字</code></pre>
<ruby>既存<rt>きそん</rt></ruby><p>令和6年度（2024年度）&lt;予定&gt;</p></body></html>"""


def test_text_nodes_are_the_ones_an_html_parser_sees():
    reference = _Reference()
    reference.feed(PAGE)
    reference.close()
    assert _text_nodes(PAGE) == reference.nodes
    assert "前の文" in _text_nodes(PAGE) and "後の文" in _text_nodes(PAGE)  # two nodes around the svg


def test_kanji_words_get_hiragana_readings_and_kana_stay_as_they_are():
    parts = segments("窓口で申請する")
    assert ["窓口", "まどぐち"] in [list(p) if not isinstance(p, str) else p for p in parts]
    assert all(isinstance(p, str) or all("\u3041" <= c <= "\u309f" for c in p[1]) for p in parts)
    assert decoded(ruby_fragment("<p>ひらがなだけ</p>"), "<p>ひらがなだけ</p>") == []


def _plain(parts) -> list:
    return [part if isinstance(part, str) else list(part) for part in parts]


def test_the_file_holds_readings_only_and_spells_the_same_segments_back():
    """Each node's rubies as positions (UTF-16, as in JavaScript) and reading numbers; read
    back against the page, the same segments as the analyser's, each reading once."""
    page = "<h1>取り組み一覧</h1><p>𠮷田さんの取り組み（令和6年度）</p><p>かなだけ</p><h2>第1.5版</h2>"
    fragment = ruby_fragment(page)
    assert "取り組み" not in fragment.decode("utf-8")   # the page's text is not repeated
    assert decoded(fragment, page) == [_plain(segments(text)) for text in _text_nodes(page)]
    assert fragment.decode("utf-8").count('"く"') == 1   # 組 twice, its reading once
    # a node the browser made differently is passed over, the next ones still read
    assert decoded(fragment, page.replace("取り組み一覧", "取り組み一覧表")) == \
        [_plain(segments(text)) for text in _text_nodes(page)][1:]
    assert numbers("".join(number(n) for n in (0, 31, 32, 1055, 2**32 - 1))) == [0, 31, 32, 1055, 2**32 - 1]
