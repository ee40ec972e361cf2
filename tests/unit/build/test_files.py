"""Moving built files (build/files.py): hard links from the cache, copies where a link is
refused, and files replaced — never written into, since they may be shared."""

from __future__ import annotations

import errno
import os

import pytest

from generator.build import files


def test_link_tree_shares_the_bytes_and_replace_file_never_writes_into_a_link(tmp_path):
    source, target = tmp_path / "cache", tmp_path / "site"
    (source / "a").mkdir(parents=True)
    (source / "a" / "page.html").write_text("cached")
    files.link_tree(source, target)
    assert os.path.samefile(source / "a/page.html", target / "a/page.html")
    files.replace_file(target / "a/page.html", b"rebuilt")
    assert (source / "a/page.html").read_text() == "cached" and (target / "a/page.html").read_text() == "rebuilt"


def test_hard_links_refused_across_disks_fall_back_to_copies(tmp_path, monkeypatch):
    source, target = tmp_path / "cache", tmp_path / "site"
    (source / "a").mkdir(parents=True)
    (source / "a" / "page.html").write_text("x")
    real_replace = os.replace

    def cross(*args):
        raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))
    monkeypatch.setattr(files.os, "link", cross)
    files.link_files(source, target, ["a/page.html"])
    assert (target / "a" / "page.html").read_text() == "x"
    monkeypatch.setattr(files.os, "replace", cross)
    files.move(source / "a", tmp_path / "moved")
    monkeypatch.setattr(files.os, "replace", real_replace)
    assert (tmp_path / "moved" / "page.html").read_text() == "x" and not (source / "a").exists()


def test_a_real_failure_to_link_is_not_hidden_by_a_copy(tmp_path, monkeypatch):
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "f").write_text("x")

    def full(*args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(files.os, "link", full)
    with pytest.raises(OSError) as raised:
        files.link_files(tmp_path / "cache", tmp_path / "site", ["f"])
    assert raised.value.errno == errno.ENOSPC


def test_move_tree_replaces_the_files_already_there(tmp_path):
    source, target = tmp_path / "new", tmp_path / "site"
    (source / "d").mkdir(parents=True)
    (source / "d" / "f").write_text("new")
    (target / "d").mkdir(parents=True)
    (target / "d" / "f").write_text("old")
    (target / "keep").write_text("kept")
    files.move_tree(source, target)
    assert (target / "d" / "f").read_text() == "new" and (target / "keep").read_text() == "kept"
