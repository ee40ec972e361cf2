"""Open data (pages/opendata.py): plan.json that follows its published schema and is plain text
with the Markdown beside it, CSV tables with their declared columns in order, one value per
cell, numbers as numbers, formula-safe text, UTF-8 with a BOM."""

from __future__ import annotations

import csv
import io
import json

import jsonschema

from generator.model.resolved import EditionKind, resolve_edition
from generator.pages import opendata
from generator.pages.opendata import Column, data_files, plan_json_schema, tables


def _files(basic):
    plan = basic.plans[0]
    content = resolve_edition(plan, plan.version("1.1"), EditionKind.FROZEN, basic)
    return data_files(content, "CC BY 4.0"), content


def test_plan_json_follows_its_schema(basic):
    files, content = _files(basic)
    data = json.loads(files["plan.json"])
    jsonschema.validate(data, plan_json_schema())
    assert data["licence"] == "CC BY 4.0" and [i["id"] for i in data["initiatives"]] == [i.id for i in content.initiatives]


def test_every_csv_has_its_tables_columns_and_a_bom(basic):
    files, content = _files(basic)
    for table in tables(content):
        raw = files[table.name]
        assert raw.startswith(b"\xef\xbb\xbf"), table.name
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        assert rows[0] == table.column_names and all(len(r) == len(table.columns) for r in rows), table.name
        assert len(rows) - 1 == len(table.rows)
    initiatives = list(csv.DictReader(io.StringIO(files[opendata.INITIATIVES].decode("utf-8-sig"))))
    assert [r["initiative_id"] for r in initiatives] == [i.id for top in content.initiatives for i in top.walk()]


def test_a_cell_holds_one_line_one_value_and_never_a_formula():
    text, number = Column("text", ""), Column("value", "", "number")
    assert opendata._cell("一行目\n二行目  と\u3000続き ", text) == "一行目 二行目 と 続き"
    assert opendata._cell(2.0, number) == "2" and opendata._cell(-50, number) == "-50"   # a number stays one
    assert opendata._cell("-50%減", text) == "'-50%減" and opendata._cell("=1+1", text) == "'=1+1"
    assert opendata._cell("@SUM(A1)", text) == "'@SUM(A1)" and opendata._cell(None, text) == ""
    assert opendata._cell(True, Column("flag", "", "boolean")) == "true"


def test_plan_json_is_plain_with_the_markdown_beside_it():
    data = opendata.plain_json({"id": "a__b", "title": "**重要**な取組", "schedule": {2024: ["**前半**", "後半"]},
                                "progress": {2024: {"status": "実施中", "text": "^^済^^"}},
                                "chapters": [{"markdown": "# 見出し"}]})
    assert data["id"] == "a__b"   # identifiers as written
    assert data["title"] == "重要な取組" and data["title_markdown"] == "**重要**な取組"
    assert data["schedule"] == {2024: ["前半", "後半"]} and data["schedule_markdown"] == {2024: ["**前半**", "後半"]}
    assert data["progress"][2024]["text"] == "済" and data["progress"][2024]["text_markdown"] == "^^済^^"
    assert data["chapters"] == [{"markdown": "# 見出し"}]
