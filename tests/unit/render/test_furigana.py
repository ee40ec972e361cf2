"""ふりがな (render/furigana.py): the text nodes it reads are the ones a browser (and an HTML
parser) sees, and kanji words get readings in hiragana."""

from __future__ import annotations

from html.parser import HTMLParser

from generator.render.furigana import SKIPPED, _text_nodes, ruby_fragment, segments


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
    assert ruby_fragment("<p>ひらがなだけ</p>") == b"[]"
