"""Reading content safely (load/safe_paths.py): no symlink, nothing outside content/, no
pipe or device, never more than the limit."""

from __future__ import annotations

import os

import pytest

from generator.load.safe_paths import TooLarge, UnsafePath, check_path, find_symlinks, is_real_dir, read_bytes


@pytest.fixture
def root(tmp_path):
    content = tmp_path / "content"
    (content / "plans").mkdir(parents=True)
    (content / "plans/plan.yml").write_text("title: x\n", encoding="utf-8")
    (tmp_path / "secret").write_text("password", encoding="utf-8")
    return content


def test_a_file_inside_content_is_read(root):
    assert read_bytes(root / "plans/plan.yml", root) == b"title: x\n"


def test_a_symlink_is_refused_by_name_and_target(root):
    link = root / "plans/linked.yml"
    link.symlink_to(root.parent / "secret")
    with pytest.raises(UnsafePath) as refused:
        read_bytes(link, root)
    assert refused.value.reason == "symlink" and refused.value.target == str(root.parent / "secret")
    assert find_symlinks(root) == [link]


def test_a_path_resolving_outside_content_is_refused(root):
    with pytest.raises(UnsafePath) as refused:
        check_path(root / "plans/../../secret", root)
    assert refused.value.reason == "outside"


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(root):
    pipe = root / "plans/pipe.yml"
    os.mkfifo(pipe)
    with pytest.raises(UnsafePath) as refused:
        read_bytes(pipe, root)
    assert refused.value.reason == "not_regular"


def test_never_more_than_the_limit_is_read(root):
    (root / "big.yml").write_bytes(b"x" * 101)
    assert read_bytes(root / "big.yml", root, limit=101) == b"x" * 101
    with pytest.raises(TooLarge) as large:
        read_bytes(root / "big.yml", root, limit=100)
    assert large.value.size == 101


def test_a_linked_folder_is_not_a_real_folder(root):
    (root / "linked").symlink_to(root / "plans", target_is_directory=True)
    assert is_real_dir(root / "plans") and not is_real_dir(root / "linked")
    assert find_symlinks(root) == [root / "linked"]
