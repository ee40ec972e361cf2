"""Characters that deceive (model/text_safety.py): bidi controls and invisible format
characters found in one-line values, bidi and control characters in prose, each named so it
can be found; names compared in NFC."""

from __future__ import annotations

from generator.model.text_safety import describe, hidden_in_line, hidden_in_prose, nfc, visible

RLO, ZWSP = "\u202e", "\u200b"


def test_a_one_line_value_holds_no_hidden_character():
    assert hidden_in_line(f"画像{RLO}gnp.exe") == [RLO]
    assert hidden_in_line(f"市民{ZWSP}課{ZWSP}") == [ZWSP] and hidden_in_line("行\n2") == ["\n"]
    assert hidden_in_line("オンライン申請") == []


def test_prose_may_hold_line_breaks_and_tabs_but_no_bidi_control():
    assert hidden_in_prose("一行目\n\t二行目") == [] and hidden_in_prose(f"a{RLO}b\x07") == [RLO, "\x07"]


def test_hidden_characters_are_named_and_shown():
    assert describe(RLO) == "U+202E RIGHT-TO-LEFT OVERRIDE"
    assert visible(f"a{RLO}b\nc") == "a⟨U+202E⟩b⏎c"


def test_names_are_compared_in_nfc():
    assert nfc("か\u3099") == "が" and nfc("が") == "が"
