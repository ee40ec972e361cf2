"""Hand-edited YAML (load/yamlfile.py): the line of every value kept; duplicate keys, tabs,
BOMs, Shift_JIS, anchors, aliases, tags, deep nesting, .inf and empty files refused with
the line — before anything large is built."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.i18n import set_language
from generator.load.problems import Problems
from generator.load.yamlfile import MAX_DEPTH, format_path, load_yaml, parse_yaml


@pytest.fixture(autouse=True)
def japanese():
    set_language("ja")


def _parse(text):
    problems = Problems()
    return parse_yaml(text, Path("x.yml"), problems), problems


def _codes(text):
    doc, problems = _parse(text)
    return doc, [(p.code, p.line) for p in problems]


def test_every_value_keeps_its_line_and_years_stay_numbers():
    doc, problems = _parse("title: a\nschedule:\n  2024: 試行\n  2025:\n    - 本格運用\n")
    assert not problems and doc.data == {"title": "a", "schedule": {2024: "試行", 2025: ["本格運用"]}}
    assert doc.line_of(("schedule", 2025, 0)) == 5 and doc.line_of(("schedule",)) == 2
    assert doc.line_of(("schedule", 2024, "nothing")) == 3     # the nearest value that has one


def test_field_paths_read_as_staff_write_them():
    assert format_path(("progress", 2023, "text", 0)) == "progress.2023.text[0]"
    assert format_path(("kpis", 1, "targets", 2025)) == "kpis[1].targets.2025"


def test_a_duplicate_key_is_refused_with_both_lines():
    doc, codes = _codes("title: a\npurpose: x\ntitle: b\n")
    assert codes == [("duplicate_key", 3)] and doc.data["title"] == "a"   # the first kept, the second named


@pytest.mark.parametrize("text, code, line", [
    ("title: a\n\tpurpose: x\n", "tab", 2),
    ("a: &x [1]\nb: *x\n", "yaml_anchor", 1),
    ("a: !!python/object:os.system x\n", "yaml_tag", 1),
    ("", "empty_file", 1),
    ("title: [\n", "yaml_syntax", 2),
])
def test_what_content_never_needs_is_refused_with_its_line(text, code, line):
    doc, codes = _codes(text)
    assert doc is None and (code, line) in codes, codes


def test_an_alias_is_refused_before_it_could_expand():
    bomb = "a: &a [x, x]\n" + "".join(f"{c}: &{c} [*{p}, *{p}]\n" for p, c in zip("abcdefgh", "bcdefghi"))
    doc, codes = _codes(bomb)
    assert doc is None and {c for c, _ in codes} >= {"yaml_anchor", "yaml_alias"} and len(codes) <= 6


def test_nesting_deeper_than_the_limit_is_refused():
    doc, codes = _codes("a: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n")
    assert doc is None and [c for c, _ in codes] == ["yaml_too_deep"]


def test_infinity_is_not_a_number_a_plan_can_hold():
    doc, codes = _codes("value: .inf\n")
    assert doc is None and codes == [("not_finite", 1)]


@pytest.mark.parametrize("raw, code", [(b"\xef\xbb\xbftitle: a\n", "bom"),
                                       ("title: 申請\n".encode("cp932"), "encoding")])
def test_encodings_other_than_utf8_are_named(tmp_path, raw, code):
    path = tmp_path / "x.yml"
    path.write_bytes(raw)
    problems = Problems()
    assert load_yaml(path, problems) is None and [p.code for p in problems] == [code]
