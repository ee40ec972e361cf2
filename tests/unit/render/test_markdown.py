from generator.render.markdown import render_block, render_inline
from generator.validate.markup import find_links, find_raw_html


def test_inline_markdown_keeps_bold_and_escapes_html():
    assert render_inline("**重要**な取組") == "<strong>重要</strong>な取組"
    html = render_inline('<script>alert(1)</script><img src=x onerror=alert(1)>')
    assert "<script" not in html and "<img" not in html  # shown as text, never as tags
    assert "&lt;script&gt;" in html


def test_block_markdown_shifts_headings_and_drops_javascript_links():
    html = render_block("# 見出し\n\n[x](javascript:alert(1))\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert "<h2" in html and "<h1" not in html
    assert "<h2" in render_block("## 小見出し\n\n### その下\n") and "<h3" in render_block("## 小見出し\n\n### その下\n")
    assert "<h4" in render_block("## 小見出し", top_level=4)
    assert "javascript:" not in html
    assert "<table>" in html   # the renderer puts it in a box that scrolls (test_renderer)


def test_find_raw_html_and_links():
    text = "本文\n<div onclick=x>a</div>\n`<code>` は可\n[取組](../a/b/)"
    assert find_raw_html(text) == [(2, "<div onclick=x>"), (2, "</div>")]
    assert find_links(text) == [(4, "../a/b/")]


def test_a_chapter_as_the_diff_holds_it_is_its_title_as_written_then_its_text():
    from generator.render.markdown import chapter_text
    assert chapter_text("1. 背景\n国の**動向**を踏まえます。\n\n- 市民目線") == "1. 背景\n国の動向を踏まえます。\n市民目線"
    assert chapter_text("2. 空の章\n") == "2. 空の章"
