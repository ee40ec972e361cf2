"""Open data (pages/opendata.py): plan.json that follows its published schema, CSV files
with the dictionary's columns in order, one record per line, UTF-8 with a BOM."""

from __future__ import annotations

import csv
import io
import json

import jsonschema

from generator.model.resolved import EditionKind, resolve_edition
from generator.pages import opendata
from generator.pages.opendata import data_files, dictionary, plan_json_schema


def _files(basic):
    plan = basic.plans[0]
    content = resolve_edition(plan, plan.version("1.1"), EditionKind.FROZEN, basic)
    return data_files(content, "CC BY 4.0"), content


def test_plan_json_follows_its_schema(basic):
    files, content = _files(basic)
    data = json.loads(files["plan.json"])
    jsonschema.validate(data, plan_json_schema())
    assert data["licence"] == "CC BY 4.0" and [i["id"] for i in data["initiatives"]] == [i.id for i in content.initiatives]


def test_every_csv_has_the_dictionarys_columns_and_a_bom(basic):
    files, content = _files(basic)
    for name, columns in dictionary(content.fields.set).items():
        raw = files[name]
        assert raw.startswith(b"\xef\xbb\xbf"), name
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        assert rows[0] == [c.name for c in columns] and all(len(r) == len(columns) for r in rows), name
    initiatives = list(csv.DictReader(io.StringIO(files[opendata.INITIATIVES].decode("utf-8-sig"))))
    assert [r["initiative_id"] for r in initiatives] == [i.id for top in content.initiatives for i in top.walk()]


def test_text_cells_hold_one_record_per_line():
    from generator.model.plan import Text
    assert opendata._cell(Text(("一行目\n二行目",))) == "一行目 二行目"
    assert opendata._cell(["a", "b"]) == opendata.LIST_SEPARATOR.join(["a", "b"]) and opendata._cell(2.0) == "2"
    assert opendata._cell(None) == ""
