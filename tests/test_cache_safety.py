"""The cache of frozen 版 is data, not code (issue 13, part 5): a poisoned, corrupted or
foreign entry is never executed, is detected, and the 版 is read from its files again."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import pickle
from pathlib import Path

import pytest

from generator.load import datacodec
from generator.load.release_cache import ENTRY_FORMAT, ReleaseCache
from generator.validate import load_valid_site
from generator.pages.kinds import PageKind as Kind

from .conftest import build_site, tree_digest
from .site_pages import page_path

pytestmark = pytest.mark.slow   # builds sites


class _RunsCode:
    """Unpickling this runs `touch <marker>`: what a poisoned CI cache would hold."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def _entries(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / "releases").glob("*.json"))


def _build(content: Path, tmp_path: Path, name: str = "site"):
    site = tmp_path / name
    result = build_site(content, site, "--cache-dir", str(tmp_path / "cache"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return site


@pytest.fixture
def warm(basic_content, tmp_path):
    """The basic fixture built once: its cache holds one entry per frozen 版."""
    site = _build(basic_content, tmp_path, "first")
    entries = _entries(tmp_path / "cache")
    assert len(entries) == 2
    return basic_content, tmp_path, entries, tree_digest(site)


def test_a_pickle_that_would_run_code_is_never_executed(warm):
    content, tmp_path, entries, digest = warm
    marker = tmp_path / "pwned"
    payload = pickle.dumps(_RunsCode(marker))
    for entry in entries:   # under the names the old cache read and the one it reads now
        entry.write_bytes(payload)
        entry.with_suffix(".pickle").write_bytes(payload)
    site = _build(content, tmp_path, "second")
    assert not marker.exists()
    assert tree_digest(site) == digest
    for entry in entries:   # detected and written again, as data
        header = json.loads(entry.read_bytes().partition(b"\n")[0])
        assert header["format"] == ENTRY_FORMAT


def test_a_truncated_entry_is_rebuilt(warm):
    content, tmp_path, entries, digest = warm
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[: len(entry.read_bytes()) // 2])
    assert tree_digest(_build(content, tmp_path, "second")) == digest
    for entry in entries:   # written again in full
        header, _, body = entry.read_bytes().partition(b"\n")
        assert json.loads(header)["sha256"] == hashlib.sha256(body).hexdigest()


def test_a_changed_body_is_detected_by_its_checksum(warm):
    content, tmp_path, entries, digest = warm
    for entry in entries:
        entry.write_bytes(entry.read_bytes().replace("オンライン申請".encode(), "改ざんされた取組".encode()))
    site = _build(content, tmp_path, "second")
    assert tree_digest(site) == digest
    assert "改ざんされた取組" not in page_path(site, "sample", Kind.INITIATIVE, "online").read_text(encoding="utf-8")


def test_a_foreign_entry_with_a_valid_checksum_that_does_not_build_is_rebuilt(warm):
    """Data this program never writes (a plan without its required fields), checksum and all."""
    content, tmp_path, entries, digest = warm
    for entry in entries:
        header, _, body = entry.read_bytes().partition(b"\n")
        data = json.loads(body)
        data["plan"]["data"] = {"title": 1}
        body = json.dumps(data).encode()
        header = dict(json.loads(header), sha256=hashlib.sha256(body).hexdigest())
        entry.write_bytes(json.dumps(header).encode() + b"\n" + body)
    assert tree_digest(_build(content, tmp_path, "second")) == digest


def test_an_entry_for_another_key_is_not_used(warm):
    content, tmp_path, entries, digest = warm
    first, second = entries
    first.write_bytes(second.read_bytes())   # one 版's entry under another's name
    assert tree_digest(_build(content, tmp_path, "second")) == digest


def test_the_cache_gives_the_same_model_as_the_files(basic_content, tmp_path):
    cache = ReleaseCache(tmp_path / "releases", "test")
    from_files = load_valid_site(basic_content, cache)
    from_cache = load_valid_site(basic_content, cache)
    assert not from_files.problems and not from_cache.problems
    for cold, hot in zip(from_files.plans, from_cache.plans):
        assert cold.plan.snapshots == hot.plan.snapshots
        for version in cold.contents:
            assert cold.contents[version].plan_doc.lines == hot.contents[version].plan_doc.lines
            assert {k: d.lines for k, d in cold.contents[version].initiative_docs.items()} == \
                {k: d.lines for k, d in hot.contents[version].initiative_docs.items()}


def test_problems_found_in_a_cached_edition_keep_their_lines(basic_content, tmp_path):
    """The rules across files run on cached 版 too: a line from the cache must be the file's."""
    cache = ReleaseCache(tmp_path / "releases", "test")
    load_valid_site(basic_content, cache)
    hot = load_valid_site(basic_content, cache)
    doc = hot.plans[0].contents["1.1"].initiative_docs["online"]
    text = doc.path.read_text(encoding="utf-8").splitlines()
    assert text[doc.line_of(("title",)) - 1].startswith("title:")
    assert text[doc.line_of(("kpis", 0, "id")) - 1].strip().startswith("- id:")


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
