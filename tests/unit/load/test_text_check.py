"""Text that cannot deceive, checked by what its schema says each string is
(load/text_check.py): one-line values and prose, each problem at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.i18n import set_language
from generator.load.problems import Problems
from generator.load.text_check import check_text, strings
from generator.load.yamlfile import parse_yaml
from generator.model.schema import schemas


@pytest.fixture(autouse=True)
def japanese():
    set_language("ja")


def _check(text: str):
    problems = Problems()
    doc = parse_yaml(text, Path("x.yml"), problems)
    check_text(doc, schemas("ja")["initiative"], problems)
    return [(p.code, p.line, p.field) for p in problems]


def test_each_string_is_one_line_or_prose_by_its_schema():
    schema = schemas("ja")["initiative"]
    found = {path: one_line for path, _, one_line in strings(schema, {"title": "t", "purpose": "p",
                                                                      "schedule": {2024: ["a"]}})}
    assert found[("title",)] is True and found[("purpose",)] is False and found[("schedule", 2024, 0)] is False


def test_a_hidden_character_is_reported_at_its_line_and_field():
    assert _check("title: 申請\npurpose: 説明\u202e逆\n") == [("hidden_character", 2, "purpose")]
    assert _check("title: 申\u200b請\n") == [("hidden_character_in_line", 1, "title")]
    assert _check("title: 申請\npurpose: |\n  一行目\n  二行目\n") == []
