"""What chapters may contain (validate/markup.py): raw HTML and comments found by line,
links and images with their targets, the anchors a chapter's page has."""

from __future__ import annotations

from generator.validate.markup import anchor_ids, find_images, find_links, find_raw_html


def test_raw_html_and_comments_outside_code_spans():
    text = "本文\n<div onclick=x>a</div>\n`<code>` は可\n<!-- 隠れた文 -->"
    assert find_raw_html(text) == [(2, "<div onclick=x>"), (2, "</div>"), (4, "<!--"), (4, "-->")]


def test_links_and_images_with_their_lines():
    text = "[取組](../a/b/)\n![構成図](figures/x.png \"図\")\n[外](https://example.jp/)"
    assert find_links(text) == [(1, "../a/b/"), (3, "https://example.jp/")]
    assert find_images(text) == [(2, "構成図", "figures/x.png")]


def test_the_anchors_of_headings_and_footnotes():
    ids = anchor_ids("## 推進体制\n\n本文[^1]\n\n[^1]: 注記\n")
    assert "推進体制" in ids and any(i.startswith("fn") for i in ids)
