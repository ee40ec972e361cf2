"""Each file against its JSON Schema (load/schema_check.py): a quick yes for valid files;
for the others every error with the line of the value, the field as staff write it and a
fix in Japanese."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.i18n import set_language
from generator.load.problems import Problems
from generator.load.schema_check import check_schema, json_view, original_path
from generator.load.yamlfile import parse_yaml


@pytest.fixture(autouse=True)
def japanese():
    set_language("ja")


def _check(text: str, schema: str = "initiative"):
    problems = Problems()
    doc = parse_yaml(text, Path("x.yml"), problems)
    assert doc is not None and not problems
    return check_schema(doc, schema, problems), [(p.code, p.line, p.field) for p in problems]


def test_a_valid_initiative_passes():
    assert _check("title: オンライン申請\nschedule:\n  2024: 試行\n") == (True, [])


def test_every_error_has_its_line_and_field():
    ok, found = _check("title: a\nschedule:\n  2024: [1, {x: 2}]\ndepartmens: [市民課]\n")
    assert not ok
    assert found == [("schema.additionalProperties", 4, "departmens"), ("schema.anyOf", 3, "schedule.2024")]


def test_year_keys_and_dates_are_seen_as_json_sees_them_and_mapped_back():
    data = {"schedule": {2024: ["a", {"as_of": dt.date(2024, 3, 31)}]}}
    assert json_view(data) == {"schedule": {"2024": ["a", {"as_of": "2024-03-31"}]}}
    assert original_path(data, ["schedule", "2024", 1, "as_of"]) == ("schedule", 2024, 1, "as_of")
    assert original_path(data, ["nothing", "deeper"]) == ("nothing", "deeper")
