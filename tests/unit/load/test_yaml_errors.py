"""YAML syntax errors explained (load/yaml_errors.py): the usual causes a Japanese input
method leaves — a full-width colon or space, a value needing quotes — named with their line."""

from __future__ import annotations

import pytest

from generator.i18n import msg, set_language
from generator.load.yaml_errors import explain, fullwidth_indented


@pytest.fixture(autouse=True)
def japanese():
    set_language("ja")


def test_a_full_width_colon_above_the_error_is_named():
    text = "title： オンライン申請\npurpose: x\n"
    message, hint = explain(text, 2, "could not find expected ':'")
    assert message == msg("errors.yaml_syntax_missing_colon")
    assert hint == msg("hints.yaml_cause_fullwidth_colon", line=1)


def test_a_value_starting_with_percent_needs_quotes():
    message, hint = explain("rate: %50\n", 1, "found character '%' that cannot start any token")
    assert message == msg("errors.yaml_syntax_bad_start", char="%")
    assert hint == msg("hints.yaml_cause_needs_quotes", line=1)


def test_without_a_known_cause_the_kind_of_error_explains_itself():
    message, hint = explain("a: [1\n", 2, "expected ',' or ']', but got '<stream end>'")
    assert message == msg("errors.yaml_syntax_flow_unclosed") and hint == msg("hints.yaml_syntax_flow_unclosed")
    message, hint = explain("x", None, "something new")
    assert "something new" in message and hint == msg("hints.yaml_syntax")


def test_a_key_indented_with_a_full_width_space():
    assert fullwidth_indented("\u3000theme") and not fullwidth_indented("theme") and not fullwidth_indented(2024)
