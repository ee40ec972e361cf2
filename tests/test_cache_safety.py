"""The cache of frozen 版 is data, not code (issue 13, part 5): a poisoned, corrupted or
foreign entry is never executed, is detected, and the 版 is read from its files again."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
from pathlib import Path

import pytest

from generator.load.release_cache import ENTRY_FORMAT, ReleaseCache
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
    # Without the records of built plans, each plan is loaded and its frozen 版 read from
    # this cache (an unchanged plan is otherwise not loaded at all: build/plan_records.py).
    shutil.rmtree(tmp_path / "cache" / "plans", ignore_errors=True)
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
