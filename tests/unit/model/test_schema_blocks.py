"""The building blocks of the JSON Schema (model/schema_blocks.py): each pattern says what is
wrong with a value that does not match it; dates are text or a bare year."""

from __future__ import annotations

import jsonschema

from generator.i18n import has, set_language
from generator.model import schema_blocks as blocks


def test_a_pattern_carries_its_message():
    node = blocks.matching(blocks.ID_PATTERN, "bad_id")
    assert node == {"pattern": blocks.ID_PATTERN, blocks.MESSAGE: "bad_id"}
    assert has("errors.bad_id") and has("hints.bad_id")


def test_a_date_is_text_as_precise_as_stated_or_a_bare_year():
    set_language("ja")
    validator = jsonschema.Draft202012Validator(blocks._date("release_date"))
    for good in ("2026-03-26", "2026-03", "2026", 2026):
        assert not list(validator.iter_errors(good)), good
    for bad in ("2026-13", "R8.3", "2026/03"):
        assert list(validator.iter_errors(bad)), bad


def test_a_value_that_may_keep_line_breaks_is_marked():
    assert blocks._string("kpi_name", **blocks.LINE_BREAKS)["x-line-breaks"] is True
    assert blocks._string("kpi_name")["maxLength"] == blocks.MAX_LINE
