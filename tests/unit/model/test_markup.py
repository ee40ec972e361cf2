"""What inline markup means (model/markup.py): rendered on pages, plain text in data."""

from __future__ import annotations

from generator.model.markup import inline_html, plain_line, plain_text


def test_inline_markup_has_one_plain_text():
    assert plain_line("押印を**廃止**し、^^記入欄を減らす^^。") == "押印を廃止し、記入欄を減らす。"
    assert plain_line("1. はじめに") == "1. はじめに"                 # a line, never a list
    assert plain_line("[申請](https://example.jp/)") == "申請 (https://example.jp/)"
    assert plain_line("<https://example.jp/>") == "https://example.jp/"   # the address once
    assert plain_text("- **a**\n- b") == "- a\n- b"
    assert plain_line(None) == "" and plain_text("") == ""


def test_a_one_line_value_is_inline_html_without_blocks():
    assert inline_html("^^重要^^な取組") == "<u>重要</u>な取組"
    assert inline_html("**太字**") == "<strong>太字</strong>"
    assert inline_html("# 見出しではない") == "# 見出しではない"
    assert "<script>" not in inline_html("<script>alert(1)</script>")   # raw HTML is text
