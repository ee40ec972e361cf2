"""Parsed YAML as JSON and back, exactly (load/datacodec.py): what the cache of frozen 版
holds is data and only data."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from generator.load import datacodec


@pytest.mark.parametrize("value", [
    {"title": "x", 2024: ["a", {"as_of": dt.date(2024, 3, 31)}], True: None, None: 1.5},
    {"d:": "not a date", "m:": [1], "t:": 2},
    [dt.datetime(2024, 1, 2, 3, 4, 5), {1.5: "f"}, {dt.date(2024, 1, 1): 0}],
    {"": {"": []}},
])
def test_every_yaml_value_survives_the_codec_exactly(value):
    again = datacodec.decode(json.loads(json.dumps(datacodec.encode(value))))
    assert again == value
    assert [type(k) for k in (again if isinstance(again, dict) else {})] == \
        [type(k) for k in (value if isinstance(value, dict) else {})]


@pytest.mark.parametrize("text", ['{"m:": [[1, 2]]}', '{"d:": 5}', '{"x:": 1, "d:": "2024-01-01"}',
                                  '{"m:": [["q:1", 2]]}'])
def test_the_codec_refuses_what_it_never_writes(text):
    with pytest.raises((datacodec.DecodeError, ValueError, TypeError)):
        datacodec.decode(json.loads(text))


def test_node_paths_walk_every_value_in_document_order():
    data = {"title": "x", "kpis": [{"id": "k", "targets": {2025: 1}}]}
    assert list(datacodec.node_paths(data)) == [
        (), ("title",), ("kpis",), ("kpis", 0), ("kpis", 0, "id"), ("kpis", 0, "targets"), ("kpis", 0, "targets", 2025)]
