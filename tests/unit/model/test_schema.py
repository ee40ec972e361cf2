"""The JSON Schemas of content files (model/schema.py), derived from the field registry:
one per file kind, in the site's language, written for editors."""

from __future__ import annotations

import json

from generator.model.schema import schemas, write_schemas


def test_one_schema_per_file_kind_in_each_language():
    japanese, english = schemas("ja"), schemas("en")
    assert set(japanese) == {"site", "plan", "initiative", "release", "history", "readings"} == set(english)
    assert all(s["$schema"].startswith("https://json-schema.org/") for s in japanese.values())


def test_an_initiative_refuses_unknown_keys_and_years_are_keys_by_pattern():
    initiative = schemas("ja")["initiative"]
    assert initiative["additionalProperties"] is False and "title" in initiative["required"]
    schedule = initiative["properties"]["schedule"]
    assert schedule["propertyNames"]["pattern"].startswith("^(19|20|21)")


def test_the_schemas_are_written_for_editors(tmp_path):
    written = write_schemas(tmp_path)
    assert sorted(p.name for p in written) == sorted(f"{name}.schema.json" for name in schemas("ja"))
    assert json.loads(written[0].read_text(encoding="utf-8"))["$id"]
